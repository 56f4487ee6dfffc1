/**
 * A short, human reference for a record the server names by an opaque id
 * (`txn_01hx…4f2a9c` → `4F2A9C`): what a customer reads out to a cashier and a
 * cashier finds on a receipt. Derived here only, so the portal, the POS and the
 * 360° view always agree.
 */
export const REFERENCE_LENGTH = 6;

export function shortReference(id: string | null | undefined): string {
  if (!id) return '';
  const body = id.includes('_') ? id.slice(id.lastIndexOf('_') + 1) : id;
  const compact = body.replace(/[^0-9a-z]/gi, '');
  return compact.slice(-REFERENCE_LENGTH).toUpperCase();
}

/** True for a server id (`txn_…`, `red_…`, a UUID, long hex): never shown to a customer as is. */
export function isInternalId(text: string): boolean {
  return /^[a-z]{2,4}_[0-9a-z]{8,}$/.test(text) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text) || /^[0-9a-f]{16,}$/i.test(text);
}
