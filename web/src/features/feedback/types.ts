// POST /me/feedback, as docs/openapi.yaml documents it (generated: src/api/schema.d.ts).
import type { Schema } from '@/api/contract';

export type FeedbackInput = Schema<'FeedbackRequest'>;
export type FeedbackAnswer = Schema<'FeedbackCreated'>;
