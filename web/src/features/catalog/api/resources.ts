import { api } from '@/lib/api';
import type { Item } from '../types';

export const resourceQueryKey = (path: string) => ['admin', 'resource', path] as const;

export const createItem = (path: string, body: Item) => api.post<Item>(path, body);
export const updateItem = (path: string, id: string, body: Item) => api.patch<Item>(`${path}/${encodeURIComponent(id)}`, body);
export const archiveItem = (path: string, id: string) => api.delete<void>(`${path}/${encodeURIComponent(id)}`);

/** Uploads a reward's image (PNG, JPEG or WebP, at most 512 KiB) as the request's bytes. */
export const uploadRewardImage = (id: string, file: Blob) =>
  api.put<{ image_url: string }>(`/admin/rewards/${encodeURIComponent(id)}/image`, file);
export const removeRewardImage = (id: string) => api.delete<void>(`/admin/rewards/${encodeURIComponent(id)}/image`);
