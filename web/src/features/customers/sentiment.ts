/** Below this magnitude a feedback's sentiment reads as neutral. */
export const NEUTRAL_BAND = 0.05;

/** A feedback's sentiment score in words: "positive, 0.79 on −1…1". */
export function sentimentText(score: unknown): string | null {
  if (typeof score !== 'number' || !Number.isFinite(score)) return null;
  const word = score > NEUTRAL_BAND ? 'positive' : score < -NEUTRAL_BAND ? 'negative' : 'neutral';
  const value = score.toFixed(2).replace('-', '−');
  return `${word}, ${value} on −1…1`;
}
