// What the staff 360° view and the customer search show for a customer's
// record, in words: never the server's id, a placeholder e-mail or an enum.
import { groupCardNumber } from '@/features/account';
import { CHANNEL_LABELS, isChannel } from '@/features/preferences';
import { formatCategory } from '@/lib/format';
import { shortReference } from '@/lib/reference';

/** Customers imported from a purchase history get `<id>@imported.invalid`: no address anyone can use. */
const PLACEHOLDER_EMAIL_DOMAIN = '@imported.invalid';

/** The e-mail staff can use, or null (none, or the importer's placeholder). */
export function contactEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  return email.toLowerCase().endsWith(PLACEHOLDER_EMAIL_DOMAIN) ? null : email;
}

/**
 * How staff name the customer at the till: the card number grouped in fours as the member's own card prints it
 * ("7044 6391 9973"), else a short "Ref XXXXXX" of the record.
 */
export function memberReference(customer: { id: string; card_number?: string | null }): { label: string; value: string } {
  if (customer.card_number) return { label: 'Card number', value: groupCardNumber(customer.card_number) };
  return { label: 'Reference', value: `Ref ${shortReference(customer.id)}` };
}

const ACCOUNT_STATUS: Record<string, string> = {
  active: 'Active',
  suspended: 'Suspended',
  disabled: 'Disabled',
  locked: 'Locked',
  deleted: 'Deleted',
  closed: 'Closed',
  erased: 'Erased at their request',
  pending: 'Waiting for confirmation',
};

/** A code the server sends ("on_hold", "FAVORITE-BRANDS") as a phrase in sentence case ("On hold"). */
function codeInWords(code: string): string {
  return formatCategory(code.toLowerCase());
}

/** The account's status in words ("Active"), never the server's code. */
export function accountStatusText(status: unknown): string | null {
  if (typeof status !== 'string' || !status) return null;
  return ACCOUNT_STATUS[status.toLowerCase()] ?? codeInWords(status);
}

/** The known keys (docs/openapi.yaml's Preferences) whose words are not the key's own: the copy spells "favourite". */
const PREFERENCE_KEYS: Record<string, string> = {
  favorite_categories: 'Favourite categories',
  favorite_brands: 'Favourite brands',
};

/** A preference's name in sentence case ("favorite_categories" → "Favourite categories"), never the raw key. */
export function preferenceKeyText(key: string): string {
  return PREFERENCE_KEYS[key] ?? codeInWords(key);
}

/** One value of a preference list in words ("sms" → "SMS", as the customer's form says it); free text stays as the customer typed it. */
export function preferenceValueText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '';
  return isChannel(value) ? CHANNEL_LABELS[value] : value;
}
