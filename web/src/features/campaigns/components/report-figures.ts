// The report's figures: rates, signed differences, the bars of its charts,
// and the verdict the 95 % interval of the revenue uplift allows.
import { formatMoney, formatMoneyMajor } from '@/lib/format';
import type { CampaignReport as Report } from '../types';
import type { ArmBar } from './report-chart';

export const rate = (n: number, d: number) => (d > 0 ? n / d : 0);
export const pct = (r: number, digits = 1) => `${(r * 100).toFixed(digits)} %`;
/** An axis label in money: whole units while the ticks are, cents in full ("$0.50", not "$0.5") once they are not. */
export const moneyTick = (currency: string) => (major: number, decimals: number) =>
  formatMoneyMajor(major, currency, decimals > 0 ? undefined : 0);
/** An axis label for a rate: `decimals` are the fraction's, two fewer in percent (0.005 → "0.5 %"). */
export const rateTick = (rate: number, decimals: number) => pct(rate, Math.max(0, decimals - 2));
/** A difference between two rates in percentage points, signed: "+10.0 pp" ("pts" read as loyalty points). */
export const pp = (r: number) => `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r * 100).toFixed(1)} pp`;
export const signedMoney = (minor: number, currency: string) => `${minor > 0 ? '+' : minor < 0 ? '−' : ''}${formatMoney(Math.abs(minor), currency)}`;

export type Ci = [number, number] | null;
/** The server sends null when an arm is too small for an interval. */
const interval = (value: unknown): Ci =>
  Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v)) ? [value[0], value[1]] : null;
export const NO_INTERVAL = 'No 95 % interval yet: each group needs more customers.';

/**
 * Bars for treatment and control; the treatment bar's whisker is control + the difference's 95 % interval,
 * cut to `range` where the measure has one (a rate is 0 … 1: its axis starts at 0 %, not at −60 %).
 */
export function bars(treatment: number, control: number, ci: Ci, range: [number, number] = [-Infinity, Infinity]): ArmBar[] {
  const low = ci && Math.max(range[0], control + ci[0]);
  const high = ci && Math.min(range[1], control + ci[1]);
  return [
    ci && low !== null && high !== null
      ? { name: 'Treatment', value: treatment, err: [Math.max(0, treatment - low), Math.max(0, high - treatment)], treatment: true }
      : { name: 'Treatment', value: treatment, treatment: true },
    { name: 'Control', value: control, treatment: false },
  ];
}

function verdict(ci: Ci): 'up' | 'down' | 'unclear' | 'unknown' {
  if (!ci) return 'unknown';
  if (ci[0] > 0) return 'up';
  if (ci[1] < 0) return 'down';
  return 'unclear';
}

const VERDICTS: Record<ReturnType<typeof verdict>, string> = {
  up: 'The offer raised revenue per customer: the whole 95 % interval is above zero.',
  down: 'Revenue per customer fell: the whole 95 % interval is below zero.',
  unclear: 'Not yet distinguishable from no effect: the 95 % interval includes zero.',
  unknown: 'Too early to tell: there are too few customers in one of the groups for an interval.',
};

/** The purchase rates of both arms and the uplifts with their intervals (where the server could compute them). */
export function upliftFigures(report: Report) {
  const { treatment: t, control: c, uplift } = report;
  const tRate = rate(t.purchasers, t.customers);
  const cRate = rate(c.purchasers, c.customers);
  const purchaseRate = { difference: uplift?.purchase_rate?.difference ?? tRate - cRate, ci95: interval(uplift?.purchase_rate?.ci95) };
  const revenueCi = interval(uplift?.ci95);
  return { tRate, cRate, purchaseRate, revenueCi, verdict: VERDICTS[verdict(revenueCi)] };
}

export type UpliftFigures = ReturnType<typeof upliftFigures>;
