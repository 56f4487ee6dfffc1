// The preferences document, as docs/openapi.yaml documents it (generated: src/api/schema.d.ts): the known
// keys plus any free keys, which are kept as they are.
import type { Schema } from '@/api/contract';

export const CHANNELS = ['email', 'sms', 'push', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channels in words: the customer's form and the staff's 360° view say them alike. */
export const CHANNEL_LABELS: Record<Channel, string> = { email: 'Email', sms: 'SMS', push: 'Push notifications', post: 'Post' };
export const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);

export type Preferences = Schema<'Preferences'>;
