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

/** A sentence a marketer can read: which model, judged how. */
export function choiceSentence(selection: ModelSelection | null): string {
  if (!selection) return 'This run was stored before models were compared; it used BG/NBD.';
  const title = MODEL_TITLES[selection.chosen] ?? selection.chosen;
  if (selection.chosen_by === 'default') {
    return `${title} is used because the history is too short to compare models on held-out purchases.`;
  }
  const unit = selection.period === 'days' ? 'days' : 'weeks';
  const weeks = typeof selection.holdout_duration === 'number' ? Math.round(selection.holdout_duration) : null;
  const span = weeks !== null ? ` over the ${weeks} ${unit} after ${selection.calibration_end ?? 'the calibration period'}` : '';
  return `${title} predicted the purchases it had not seen best${span}, so P(alive), expected purchases and lifetime value use it.`;
}
