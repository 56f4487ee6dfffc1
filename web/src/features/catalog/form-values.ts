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

export function initialValue(field: FieldDef, item: Item | null): string {
  const value = item?.[field.name];
  if (value === undefined || value === null) return '';
  if (field.type === 'money' && typeof value === 'number') return minorToInput(value, String(item?.[field.currencyField ?? 'currency'] ?? 'EUR'));
  if (field.type === 'datetime') return isoToLocalInput(value);
  if (field.type === 'permille' && typeof value === 'number') return String(value / 1000);
  return String(value);
}

export type FieldErrors = Record<string, string>;

/** Form strings → the API object. Empty optional fields are left out. */
export function toPayload(fields: FieldDef[], data: FormData): { payload: Item; errors: FieldErrors } {
  const payload: Item = {};
  const errors: FieldErrors = {};
  const raw = (name: string) => String(data.get(name) ?? '').trim();
  for (const field of fields) {
    const text = raw(field.name);
    if (!text) {
      if (field.required) errors[field.name] = `${field.label} is required.`;
      continue;
    }
    switch (field.type) {
      case 'integer': {
        const n = Number(text);
        if (!Number.isInteger(n)) errors[field.name] = `${field.label} must be a whole number.`;
        else payload[field.name] = n;
        break;
      }
      case 'money': {
        const currency = raw(field.currencyField ?? 'currency') || 'EUR';
        const minor = parseMoneyToMinor(text, currency);
        if (minor === null) errors[field.name] = `${field.label} must be an amount such as 4.99.`;
        else payload[field.name] = minor;
        break;
      }
      case 'permille': {
        const n = Number(text.replace(',', '.'));
        if (!Number.isFinite(n) || n < 0) errors[field.name] = `${field.label} must be a number such as 1.25.`;
        else payload[field.name] = Math.round(n * 1000);
        break;
      }
      case 'datetime': {
        const d = new Date(text);
        if (Number.isNaN(d.getTime())) errors[field.name] = `${field.label} is not a valid date.`;
        else payload[field.name] = d.toISOString();
        break;
      }
      default:
        payload[field.name] = field.name === 'currency' ? text.toUpperCase() : text;
    }
  }
  return { payload, errors };
}
