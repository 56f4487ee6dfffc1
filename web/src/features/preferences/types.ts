// The preferences document, as docs/openapi.yaml documents it (generated: src/api/schema.d.ts): the known
// keys plus any free keys, which are kept as they are.
import type { Schema } from '@/api/contract';

export const CHANNELS = ['email', 'sms', 'push', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

export type Preferences = Schema<'Preferences'>;
