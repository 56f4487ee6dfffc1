// The purchase-model comparison of GET /admin/analytics/models, shaped for
// the console: which model the run chose and why, and the calibration-vs-
// holdout chart (as lifetimes' plot_calibration_purchases_vs_holdout_purchases).
import type { ModelsResponse } from './types';

export type ModelSelection = NonNullable<ModelsResponse['model_selection']>;
export type PurchaseModel = ModelSelection['chosen'];
/** One fitted model's holdout scores, or its error. */
export type ModelScore = NonNullable<ModelSelection['models']>[number];
export type HoldoutChartRow = NonNullable<ModelSelection['chart']>[number];

export const MODEL_TITLES: Record<PurchaseModel, string> = {
  bgnbd: 'BG/NBD',
  mbgnbd: 'MBG/NBD',
  pareto_nbd: 'Pareto/NBD',
};

/** One point of the chart: actual and each model's mean holdout purchases. */
export interface HoldoutPoint {
  /** "0".."6", "7+": repeat purchases in the calibration period. */
  label: string;
  customers: number;
  actual: number;
  bgnbd: number | null;
  mbgnbd: number | null;
  pareto_nbd: number | null;
}

export function holdoutPoints(selection: ModelSelection | null): HoldoutPoint[] {
  return (selection?.chart ?? []).map((row) => ({
    label: row.frequency_cal,
    customers: row.customers,
    actual: row.actual_mean,
    bgnbd: row.predicted_mean.bgnbd,
    mbgnbd: row.predicted_mean.mbgnbd,
    pareto_nbd: row.predicted_mean.pareto_nbd,
  }));
}

/** The models that were fitted, best holdout error first; failed fits last with their reason. */
export function rankedModels(selection: ModelSelection | null): ModelScore[] {
  const models = selection?.models ?? [];
  const score = (m: ModelScore) => (typeof m.holdout_rmse === 'number' ? m.holdout_rmse : Number.POSITIVE_INFINITY);
  return [...models].sort((l, r) => score(l) - score(r));
}

/** Why the models were not compared, in words a retailer can read (the server's `reason` is for the Details). */
export type NoComparison = 'no_fit' | 'short_history' | 'no_eligible_fit' | 'other';

export function noComparisonKind(reason: string | null | undefined): NoComparison {
  const text = reason ?? '';
  if (/neither MBG\/NBD nor Pareto\/NBD/i.test(text)) return 'no_eligible_fit';
  if (/no purchase model could be fitted|did not converge|degenerate/i.test(text)) return 'no_fit';
  if (/holdout period|calibration end|observation end|no calibration customers/i.test(text)) return 'short_history';
  return 'other';
}

const NO_COMPARISON: Record<NoComparison, string> = {
  no_fit: 'Not enough repeat customers to compare the purchase models yet.',
  short_history: 'The purchase history is too short to compare the purchase models yet.',
  no_eligible_fit: 'The newer purchase models could not be fitted to this history yet.',
  other: 'The purchase models could not be compared on this history yet.',
};

/** The plain sentence for a run that made no model comparison. */
export const noComparisonSentence = (reason: string | null | undefined) => NO_COMPARISON[noComparisonKind(reason)];

/** What the chosen model gives the rest of the console, in plain words with the technical name. */
const USES = 'the chance a customer is still active (P(alive)), expected purchases and lifetime value';

/**
 * A sentence a marketer can read: which model, judged how. `fitFailed`: the run's model (the answer's
 * `btyd`) could not be fitted either, so the run has none of the model's estimates.
 */
export function choiceSentence(selection: ModelSelection | null, fitFailed = false): string {
  if (!selection) return 'This run was stored before models were compared; it used BG/NBD.';
  const title = MODEL_TITLES[selection.chosen] ?? selection.chosen;
  if (selection.chosen_by === 'default') {
    const plain = noComparisonSentence(selection.reason);
    if (fitFailed) return `${plain} This run has no estimate yet of ${USES}.`;
    return `${plain} Until then ${title}, the standard model, estimates ${USES}.`;
  }
  const unit = selection.period === 'days' ? 'days' : 'weeks';
  const weeks = typeof selection.holdout_duration === 'number' ? Math.round(selection.holdout_duration) : null;
  const span = weeks !== null ? ` over the ${weeks} ${unit} after ${selection.calibration_end ?? 'the calibration period'}` : '';
  return `${title} predicted the purchases it had not seen best${span}, so ${USES} use it.`;
}
