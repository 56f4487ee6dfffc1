// The campaign editor's draft (what the inputs hold, as text) and its
// conversion to and from the API's campaign. Field keys are the API's field
// paths ("offer.multiplier", "audience.p_alive.min"), so a server error lands
// next to the same input as a client one.
import { minorToInput, parseMoneyToMinor } from '@/lib/format';
import type { OfferKind } from '@/types/offers';
import type { Audience, Campaign, CampaignGoal, CampaignInput, CampaignStatus } from './types';

export interface CampaignDraft {
  name: string;
  goal: CampaignGoal;
  segments: string[];
  tiers: string[];
  p_alive_min: string;
  p_alive_max: string;
  clv_min: string;
  clv_max: string;
  categories_bought: string[];
  categories_not_bought: string[];
  favorite_categories: string[];
  kind: OfferKind;
  category: string;
  sku: string;
  multiplier: string;
  points: string;
  min_spend: string;
  percent: string;
  reward_id: string;
  auto_apply: boolean;
  starts_on: string;
  ends_on: string;
  budget_points: string;
  budget_money: string;
  per_customer_cap: string;
  control_percent: string;
}

export type DraftErrors = Partial<Record<string, string>>;

const pad = (n: number) => String(n).padStart(2, '0');
/** YYYY-MM-DD of a date in the user's time zone. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
export function dayFromIso(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : localDay(d);
}
/** The start of a local day, or its last second, as RFC 3339. */
export function isoFromDay(day: string, endOfDay = false): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = endOfDay ? new Date(y, m - 1, d, 23, 59, 59) : new Date(y, m - 1, d, 0, 0, 0);
  return date.toISOString();
}

const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const pct = (r: number | null | undefined) => (r === null || r === undefined ? '' : String(Math.round(r * 1000) / 10));

export function emptyDraft(today: Date = new Date()): CampaignDraft {
  const end = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 30);
  return {
    name: '',
    goal: 'grow_basket',
    segments: [],
    tiers: [],
    p_alive_min: '',
    p_alive_max: '',
    clv_min: '',
    clv_max: '',
    categories_bought: [],
    categories_not_bought: [],
    favorite_categories: [],
    kind: 'bonus_multiplier',
    category: '',
    sku: '',
    multiplier: '2',
    points: '',
    min_spend: '',
    percent: '',
    reward_id: '',
    auto_apply: false,
    starts_on: localDay(today),
    ends_on: localDay(end),
    budget_points: '',
    budget_money: '',
    per_customer_cap: '1',
    control_percent: '10',
  };
}

export function draftFromCampaign(c: Campaign, currency: string): CampaignDraft {
  const a = c.audience ?? {};
  const o = c.offer ?? { kind: 'bonus_multiplier' };
  return {
    name: c.name ?? '',
    goal: c.goal,
    segments: a.segments ?? [],
    tiers: a.tiers ?? [],
    p_alive_min: pct(a.p_alive?.min),
    p_alive_max: pct(a.p_alive?.max),
    clv_min: a.clv_minor?.min != null ? minorToInput(a.clv_minor.min, currency) : '',
    clv_max: a.clv_minor?.max != null ? minorToInput(a.clv_minor.max, currency) : '',
    categories_bought: a.categories_bought ?? [],
    categories_not_bought: a.categories_not_bought ?? [],
    favorite_categories: a.favorite_categories ?? [],
    kind: o.kind,
    category: o.category ?? '',
    sku: o.sku ?? '',
    multiplier: num(o.multiplier),
    points: num(o.points),
    min_spend: o.min_spend_minor != null ? minorToInput(o.min_spend_minor, currency) : '',
    percent: num(o.percent),
    reward_id: o.reward_id ?? '',
    auto_apply: Boolean(o.auto_apply),
    starts_on: dayFromIso(c.starts_at),
    ends_on: dayFromIso(c.ends_at),
    budget_points: num(c.budget_points),
    budget_money: c.budget_minor != null ? minorToInput(c.budget_minor, currency) : '',
    per_customer_cap: num(c.per_customer_cap ?? 1),
    control_percent: pct(c.control_share ?? 0.1),
  };
}

function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!t) return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** The audience part alone (the live preview sends it while the rest is half typed); invalid numbers are left out. */
export function audienceFromDraft(d: CampaignDraft, currency: string): Audience {
  const audience: Audience = {};
  if (d.segments.length) audience.segments = d.segments;
  if (d.tiers.length) audience.tiers = d.tiers;
  const range = (min: number | null, max: number | null) => {
    const r: { min?: number; max?: number } = {};
    if (min !== null && Number.isFinite(min)) r.min = min;
    if (max !== null && Number.isFinite(max)) r.max = max;
    return Object.keys(r).length ? r : undefined;
  };
  const pMin = parseNumber(d.p_alive_min);
  const pMax = parseNumber(d.p_alive_max);
  const p = range(pMin === null ? null : pMin / 100, pMax === null ? null : pMax / 100);
  if (p) audience.p_alive = p;
  const money = (t: string) => (t.trim() ? (parseMoneyToMinor(t, currency) ?? Number.NaN) : null);
  const clv = range(money(d.clv_min), money(d.clv_max));
  if (clv) audience.clv_minor = clv;
  if (d.categories_bought.length) audience.categories_bought = d.categories_bought;
  if (d.categories_not_bought.length) audience.categories_not_bought = d.categories_not_bought;
  if (d.favorite_categories.length) audience.favorite_categories = d.favorite_categories;
  return audience;
}

/** Checks the draft; an empty object means it can be sent. */
export function validateDraft(d: CampaignDraft, currency: string): DraftErrors {
  const e: DraftErrors = {};
  if (!d.name.trim()) e.name = 'Give the campaign a name.';
  const percentIn = (key: string, text: string) => {
    const v = parseNumber(text);
    if (v !== null && (!Number.isFinite(v) || v < 0 || v > 100)) e[key] = 'Enter a percentage from 0 to 100.';
    return v;
  };
  const pMin = percentIn('audience.p_alive.min', d.p_alive_min);
  const pMax = percentIn('audience.p_alive.max', d.p_alive_max);
  if (pMin !== null && pMax !== null && Number.isFinite(pMin) && Number.isFinite(pMax) && pMin > pMax && !e['audience.p_alive.max'])
    e['audience.p_alive.max'] = 'The highest chance must not be below the lowest.';
  const moneyIn = (key: string, text: string) => {
    if (!text.trim()) return null;
    const v = parseMoneyToMinor(text, currency);
    if (v === null) e[key] = 'Enter an amount, for example 120.00.';
    return v;
  };
  const cMin = moneyIn('audience.clv_minor.min', d.clv_min);
  const cMax = moneyIn('audience.clv_minor.max', d.clv_max);
  if (cMin !== null && cMax !== null && cMin > cMax) e['audience.clv_minor.max'] = 'The highest value must not be below the lowest.';
  const overlap = d.categories_bought.filter((c) => d.categories_not_bought.some((n) => n.toLowerCase() === c.toLowerCase()));
  if (overlap.length) e['audience.categories_not_bought'] = `${overlap.join(', ')} cannot be both bought and never bought.`;

  if (d.kind === 'bonus_multiplier') {
    const m = parseNumber(d.multiplier);
    if (m === null || !Number.isFinite(m) || m <= 1 || m > 10) e['offer.multiplier'] = 'Enter a multiplier above 1 and up to 10, for example 3 for triple points.';
    if (!d.category.trim() && !d.sku) e['offer.category'] = 'Choose the category (or a product) the points apply to.';
  }
  if (d.kind === 'bonus_points') {
    const p = parseNumber(d.points);
    if (p === null || !Number.isInteger(p) || p <= 0) e['offer.points'] = 'Enter a whole number of points above 0.';
  }
  if (d.kind === 'percent_off') {
    const p = parseNumber(d.percent);
    if (p === null || !Number.isFinite(p) || p <= 0 || p > 100) e['offer.percent'] = 'Enter a percentage above 0 and up to 100.';
    if (!d.category.trim() && !d.sku) e['offer.category'] = 'Choose the category (or a product) the discount applies to.';
  }
  if (d.kind === 'free_reward' && !d.reward_id) e['offer.reward_id'] = 'Choose the reward to give.';
  moneyIn('offer.min_spend_minor', d.min_spend);

  if (!d.starts_on) e.starts_at = 'Choose the first day.';
  if (!d.ends_on) e.ends_at = 'Choose the last day.';
  if (d.starts_on && d.ends_on && d.ends_on < d.starts_on) e.ends_at = 'The last day must not be before the first.';
  const budget = parseNumber(d.budget_points);
  if (budget !== null && (!Number.isInteger(budget) || budget <= 0)) e.budget_points = 'Enter a whole number of points, or leave it empty for no limit.';
  const money = moneyIn('budget_minor', d.budget_money);
  if (money !== null && money <= 0) e.budget_minor = 'Enter an amount above zero, or leave it empty for no limit.';
  const cap = parseNumber(d.per_customer_cap);
  if (cap === null || !Number.isInteger(cap) || cap < 1) e.per_customer_cap = 'Enter at least 1.';
  const control = parseNumber(d.control_percent);
  if (control === null || !Number.isFinite(control) || control < 0 || control > 50) e.control_share = 'Enter a share from 0 to 50 %.';
  return e;
}

/** The full campaign for POST (call after validateDraft found nothing). */
export function inputFromDraft(d: CampaignDraft, currency: string): CampaignInput {
  const n = (t: string) => {
    const v = parseNumber(t);
    return v === null || !Number.isFinite(v) ? null : v;
  };
  const offer: CampaignInput['offer'] = { kind: d.kind, auto_apply: d.auto_apply };
  if (d.kind !== 'free_reward') {
    if (d.category.trim()) offer.category = d.category.trim();
    if (d.sku) offer.sku = d.sku;
  }
  if (d.kind === 'bonus_multiplier') offer.multiplier = n(d.multiplier) ?? undefined;
  if (d.kind === 'bonus_points') offer.points = n(d.points) ?? undefined;
  if (d.kind === 'percent_off') offer.percent = n(d.percent) ?? undefined;
  if (d.kind === 'free_reward') offer.reward_id = d.reward_id;
  const spend = d.min_spend.trim() ? parseMoneyToMinor(d.min_spend, currency) : null;
  if (spend !== null) offer.min_spend_minor = spend;
  return {
    name: d.name.trim(),
    goal: d.goal,
    audience: audienceFromDraft(d, currency),
    offer,
    starts_at: isoFromDay(d.starts_on),
    ends_at: isoFromDay(d.ends_on, true),
    budget_points: n(d.budget_points),
    budget_minor: d.budget_money.trim() ? parseMoneyToMinor(d.budget_money, currency) : null,
    per_customer_cap: n(d.per_customer_cap) ?? 1,
    control_share: Math.round((n(d.control_percent) ?? 10) * 10) / 1000,
  };
}

/** What a live campaign may still change (the server refuses the rest with 409). */
export const LIVE_EDITABLE = ['name', 'ends_at', 'budget_points', 'budget_minor'] as const;

export function patchFromDraft(d: CampaignDraft, currency: string, status: CampaignStatus) {
  const input = inputFromDraft(d, currency);
  if (status === 'live') {
    return { name: input.name, ends_at: input.ends_at, budget_points: input.budget_points, budget_minor: input.budget_minor };
  }
  return input;
}
