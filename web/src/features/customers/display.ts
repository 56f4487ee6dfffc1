// What the staff 360° view and the customer search show for a customer's
// record, in words: never the server's id, a placeholder e-mail or an enum.
import { groupCardNumber } from '@/features/account';
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
  const known = ACCOUNT_STATUS[status.toLowerCase()];
  return known ?? codeInWords(status);
}

const PREFERENCE_KEYS: Record<string, string> = {
  channels: 'Channels',
  favorite_categories: 'Favourite categories',
  favourite_categories: 'Favourite categories',
  favorite_brands: 'Favourite brands',
  favourite_brands: 'Favourite brands',
  dietary: 'Dietary',
};

/** A preference's name in sentence case ("favorite_categories" → "Favourite categories"), never the raw key. */
export function preferenceKeyText(key: string): string {
  const known = PREFERENCE_KEYS[key];
  return known ?? codeInWords(key);
}

const PREFERENCE_VALUES: Record<string, string> = {
  email: 'E-mail',
  sms: 'SMS',
  push: 'Push notifications',
  post: 'Post',
};

/** One value of a preference list in words ("sms" → "SMS"); free text stays as the customer typed it. */
export function preferenceValueText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '';
  return PREFERENCE_VALUES[value] ?? value;
}
