import { api } from '@/lib/api';
import type { Me, ProfileUpdate } from '../types';

export const meQueryKey = ['me'] as const;

export const getMe = () => api.get<Me>('/me');
export const updateProfile = (update: ProfileUpdate) => api.patch<Partial<Me>>('/me', update);
export const exportMyData = () => api.get<unknown>('/me/export');
export const deleteMyAccount = () => api.delete<void>('/me');
