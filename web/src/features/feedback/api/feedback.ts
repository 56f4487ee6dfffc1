import { api } from '@/lib/api';
import type { FeedbackAnswer, FeedbackInput } from '../types';

export const sendFeedback = (input: FeedbackInput) => api.post<FeedbackAnswer>('/me/feedback', input);
