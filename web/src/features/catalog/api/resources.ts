import { api } from '@/lib/api';
import type { Item } from '../types';

export const resourceQueryKey = (path: string) => ['admin', 'resource', path] as const;

export const createItem = (path: string, body: Item) => api.post<Item>(path, body);
export const updateItem = (path: string, id: string, body: Item) => api.patch<Item>(`${path}/${encodeURIComponent(id)}`, body);
export const archiveItem = (path: string, id: string) => api.delete<void>(`${path}/${encodeURIComponent(id)}`);
