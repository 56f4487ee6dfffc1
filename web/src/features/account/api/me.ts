import { api } from '@/lib/api';
import type { Schema } from '@/api/contract';
import type { Me, ProfileUpdate } from '../types';

export const meQueryKey = ['me'] as const;

export const getMe = () => api.get<Me>('/me');
export const updateProfile = (update: ProfileUpdate) => api.patch<Schema<'Profile'>>('/me', update);
export const exportMyData = () => api.get<Schema<'Export'>>('/me/export');
export const deleteMyAccount = () => api.delete<void>('/me');
