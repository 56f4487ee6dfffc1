export const CHANNELS = ['email', 'sms', 'push', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The preferences document: known keys plus any free keys, which are kept as they are. */
export interface Preferences {
  favorite_categories?: string[];
  favorite_brands?: string[];
  channels?: string[];
  dietary?: string[];
  [key: string]: unknown;
}
