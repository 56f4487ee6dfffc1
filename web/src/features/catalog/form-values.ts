import { minorToInput, parseMoneyToMinor } from '@/lib/format';
import type { FieldDef, Item } from './types';

/** ISO instant → the value of a datetime-local input, in local time. */
export function isoToLocalInput(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The item's field a money field is priced in, unless the schema fixes the field's currency (the base currency). */
const CURRENCY_FIELD = 'currency';

/** The currency a money field is in: the one the schema fixes, or the item's own. */
export function moneyCurrency(field: Pick<FieldDef, 'currency'>, itemCurrency: unknown): string {
  if (field.currency) return field.currency;
  return typeof itemCurrency === 'string' && itemCurrency.trim() ? itemCurrency.trim() : 'EUR';
}

export function initialValue(field: FieldDef, item: Item | null): string {
  // A new item starts with the server's default (90 days, a 1× multiplier, the base currency).
  const value = item ? item[field.name] : field.default;
  if (value === undefined || value === null) return '';
  if (field.kind === 'money' && typeof value === 'number') return minorToInput(value, moneyCurrency(field, item?.[CURRENCY_FIELD]));
  if (field.kind === 'instant') return isoToLocalInput(value);
  if (field.kind === 'permille' && typeof value === 'number') return String(value / 1000);
  return String(value);
}

/** The ids a `references` value holds ("sto_a,sto_b"), as the server reads them. */
export function referencedIds(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

/** A field's text in the form: a `references` field is its ticked boxes, joined as the server stores them. */
function formText(field: FieldDef, data: FormData): string {
  if (field.kind === 'references') return data.getAll(field.name).map(String).join(',');
  return String(data.get(field.name) ?? '').trim();
}

export type FieldErrors = Record<string, string>;

/** The server's words for a number outside the field's bounds, so the form says what the API would. */
function rangeProblem(field: FieldDef, n: number): string | null {
  const min = field.min ?? -Infinity;
  const max = field.max ?? Infinity;
  if (n >= min && n <= max) return null;
  const ownBounds = Math.abs(min) < 1e12 && Math.abs(max) < 1e12;
  if (ownBounds) return `${field.label} must be from ${min} to ${max}.`;
  if (n > max) return `${field.label} must be at most ${max}.`;
  return min === 0 ? `${field.label} must not be negative.` : `${field.label} must be at least ${min}.`;
}

function integerValue(field: FieldDef, text: string): { value?: number; error?: string } {
  const n = Number(text);
  if (!Number.isInteger(n)) return { error: `${field.label} must be a whole number.` };
  const problem = rangeProblem(field, n);
  return problem ? { error: problem } : { value: n };
}

function fieldValue(field: FieldDef, text: string, data: FormData): { value?: unknown; error?: string } {
  switch (field.kind) {
    case 'integer':
      return integerValue(field, text);
    case 'money': {
      const minor = parseMoneyToMinor(text, moneyCurrency(field, data.get(CURRENCY_FIELD)));
      return minor === null ? { error: `${field.label} must be an amount such as 4.99.` } : { value: minor };
    }
    case 'permille': {
      const n = Number(text.replace(',', '.'));
      if (!Number.isFinite(n) || n < 0) return { error: `${field.label} must be a number such as 1.25.` };
      const permille = Math.round(n * 1000);
      const problem = field.max !== null && permille > field.max ? `${field.label} must be at most ${field.max / 1000}.` : null;
      return problem ? { error: problem } : { value: permille };
    }
    case 'instant': {
      const d = new Date(text);
      return Number.isNaN(d.getTime()) ? { error: `${field.label} is not a valid date.` } : { value: d.toISOString() };
    }
    case 'currency':
      return { value: text.toUpperCase() };
    default:
      return { value: text };
  }
}

/** Form strings → the API object. An empty optional field is null where it may be, else left out (its default). */
export function toPayload(fields: FieldDef[], data: FormData): { payload: Item; errors: FieldErrors } {
  const payload: Item = {};
  const errors: FieldErrors = {};
  for (const field of fields) {
    const text = formText(field, data);
    if (!text) {
      if (field.required) errors[field.name] = `${field.label} is required.`;
      // An emptied field is cleared (an edit sends only what it holds, so leaving it out would keep the old value).
      else if (field.nullable) payload[field.name] = null;
      continue;
    }
    const { value, error } = fieldValue(field, text, data);
    if (error) errors[field.name] = error;
    else payload[field.name] = value;
  }
  return { payload, errors };
}

/** Each choice field's value as the form starts: the item's, else the first choice (what the select shows). */
export function initialChoices(fields: FieldDef[], item: Item | null): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const f of fields) {
    if (f.kind !== 'choice') continue;
    const own = item?.[f.name];
    chosen[f.name] = typeof own === 'string' && own ? own : f.required ? (f.choices[0]?.value ?? '') : '';
  }
  return chosen;
}

/** The fields that apply to the item as it is being filled in (an earning rule's rate only for a base rate). */
export function applicableFields(fields: FieldDef[], choices: Record<string, string>): FieldDef[] {
  return fields.filter((f) => !f.applies_when || f.applies_when.values.includes(choices[f.applies_when.field] ?? ''));
}
