// Feedback sentiment, from the behaviour store (not part of the analytics run).
import type { SentimentResponse } from '../types';

/** GET /admin/analytics/sentiment: 90 days of feedback, aggregated on request (written in the shape src/http/routes_analytics.cpp serves, not captured). */
export const sentiment: SentimentResponse = {
  "available": true,
  "count": 9,
  "average": 0.2467,
  "positive": 5,
  "neutral": 2,
  "negative": 2,
  "days": 90,
  "from": "2026-08-31T06:01:18Z",
  "truncated": false,
  "by_product": [
    { "count": 4, "average": 0.4125, "positive": 3, "neutral": 1, "negative": 0, "sku": "COF-1" },
    { "count": 2, "average": -0.35, "positive": 0, "neutral": 0, "negative": 2, "sku": "MUG-2" }
  ],
  "by_store": [
    { "count": 6, "average": 0.31, "positive": 4, "neutral": 1, "negative": 1, "store_id": "st_01" },
    { "count": 3, "average": 0.12, "positive": 1, "neutral": 1, "negative": 1, "store_id": "st_02" }
  ],
  "months": [
    { "count": 2, "average": -0.1, "positive": 0, "neutral": 1, "negative": 1, "month": "2026-09" },
    { "count": 3, "average": 0.2333, "positive": 2, "neutral": 0, "negative": 1, "month": "2026-10" },
    { "count": 4, "average": 0.43, "positive": 3, "neutral": 1, "negative": 0, "month": "2026-11" }
  ]
};

/** GET /admin/analytics/sentiment on a server without a behaviour store. */
export const sentimentUnavailable: SentimentResponse = {
  "available": false,
  "message": "the behaviour store is not attached to this server"
};
