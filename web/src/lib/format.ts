// Money is integer minor units plus an ISO 4217 currency; points are integers.
// All number and date output goes through Intl so it follows the user's locale.

const DEFAULT_LOCALE = undefined; // the browser's locale

const moneyFormatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale ?? DEFAULT_LOCALE, { style: 'currency', currency });
    moneyFormatters.set(key, formatter);
  }
  return formatter;
}

/** Digits after the decimal point for a currency (2 for EUR, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  try {
    return moneyFormatter(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMoney(amount_minor: number, currency: string, locale?: string): string {
  try {
    const digits = currencyDigits(currency);
    return moneyFormatter(currency, locale).format(amount_minor / 10 ** digits);
  } catch {
    return `${(amount_minor / 100).toFixed(2)} ${currency}`;
  }
}

/** An amount already in major units (12.5 → "$12.50"), as the analytics models give CLV and spend. */
export function formatMoneyMajor(amount: number, currency: string, maximumFractionDigits?: number, locale?: string): string {
  try {
    const digits = maximumFractionDigits ?? currencyDigits(currency);
    const minimum = maximumFractionDigits === undefined ? digits : 0;
    return new Intl.NumberFormat(locale ?? DEFAULT_LOCALE, { style: 'currency', currency, minimumFractionDigits: minimum, maximumFractionDigits: digits }).format(amount);
  } catch {
    return `${amount.toFixed(maximumFractionDigits ?? 2)} ${currency}`;
  }
}

/** "12.34" in EUR → 1234; returns null when the text is not an amount. */
export function parseMoneyToMinor(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d*)?$/.test(cleaned)) return null;
  const digits = currencyDigits(currency);
  const [whole, fraction = ''] = cleaned.split('.');
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number((fraction + '0'.repeat(digits)).slice(0, digits) || 0);
}

/** 1234 in EUR → "12.34" (plain, for inputs). */
export function minorToInput(amount_minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return digits === 0 ? String(amount_minor) : (amount_minor / 10 ** digits).toFixed(digits);
}

const pointsFormatter = new Intl.NumberFormat(DEFAULT_LOCALE, { maximumFractionDigits: 0 });

export function formatPoints(points: number): string {
  return pointsFormatter.format(Math.trunc(points));
}

/** The unit for an amount of points: "pt"/"pts" (`short`) or "point"/"points" (`long`); only exactly ±1 is singular. */
export function pointsUnit(points: number, unit: 'short' | 'long' = 'short'): string {
  const one = Math.abs(Math.trunc(points)) === 1;
  if (unit === 'long') return one ? 'point' : 'points';
  return one ? 'pt' : 'pts';
}

/** Points with their unit, the one way members read an amount of points: "1 pt", "985 pts", "1,500 points" (`long`). */
export function formatPointsWithUnit(points: number, unit: 'short' | 'long' = 'short'): string {
  return `${formatPoints(points)} ${pointsUnit(points, unit)}`;
}

/** A ledger change with its unit: "+1 pt", "+120 pts", "−60 pts". */
export function formatSignedPointsWithUnit(points: number, unit: 'short' | 'long' = 'short'): string {
  return `${formatSignedPoints(points)} ${pointsUnit(points, unit)}`;
}

/** "+120" / "−40" for ledger entries. */
export function formatSignedPoints(points: number): string {
  const n = Math.trunc(points);
  if (n > 0) return `+${formatPoints(n)}`;
  if (n < 0) return `\u2212${formatPoints(-n)}`;
  return formatPoints(0);
}

export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale ?? DEFAULT_LOCALE, { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale ?? DEFAULT_LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Whole days from now until `iso` (negative in the past). */
export function daysUntil(iso: string, now_ms: number = Date.now()): number {
  return Math.ceil((new Date(iso).getTime() - now_ms) / 86_400_000);
}

export function formatPercent(ratio: number, locale?: string): string {
  return new Intl.NumberFormat(locale ?? DEFAULT_LOCALE, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/**
 * A catalog category as members read it: the server keeps categories as raw
 * values ("bakery", "fresh_produce") and writes them in its sentences
 * capitalised ("Double points on Bakery", offers/targeting.cpp's
 * display_category); the portal writes them the same way: "Bakery", "Fresh produce".
 */
export function formatCategory(category: string | null | undefined): string {
  const text = (category ?? '').trim().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
  if (!text) return '';
  // The first letter capitalised, the rest as the catalog wrote it ("BBQ" and "Ice Cream" stay), as the server does.
  return text[0].toLocaleUpperCase() + text.slice(1);
}

/** Splits "a, b,,c" into ["a","b","c"], trimmed and de-duplicated. */
export function splitList(text: string): string[] {
  return Array.from(new Set(text.split(',').map((s) => s.trim()).filter(Boolean)));
}
