import { api } from '@/lib/api';
import type { ResponseBody } from '@/api/contract';
import type { Preferences } from '../types';

export const preferencesQueryKey = ['me', 'preferences'] as const;
export const facetsQueryKey = ['catalog', 'facets'] as const;

/** What the catalog sells, for suggestions: `GET /catalog/facets` → `{categories, brands}`. */
export type CatalogFacets = ResponseBody<'getCatalogFacets'>;

export const getCatalogFacets = () => api.get<CatalogFacets>('/catalog/facets');

export const getPreferences = () => api.get<Preferences | null>('/me/preferences').then((doc) => doc ?? {});
export const putPreferences = (doc: Preferences) => api.put<Preferences>('/me/preferences', doc);

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  // Tolerate `{email: true, sms: false}` documents written by other clients.
  if (value && typeof value === 'object') return Object.entries(value).filter(([, on]) => on === true).map(([k]) => k);
  return [];
}

export function readPreferences(doc: Preferences) {
  return {
    favorite_categories: stringList(doc.favorite_categories),
    favorite_brands: stringList(doc.favorite_brands),
    channels: stringList(doc.channels),
  };
}

/** Writes the edited known keys over the stored document, keeping free keys untouched. */
export function mergePreferences(doc: Preferences, edits: ReturnType<typeof readPreferences>): Preferences {
  return { ...doc, ...edits };
}
