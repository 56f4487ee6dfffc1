import type { BadgeTone } from '@/components/ui';
import type { Transaction } from '@/types/loyalty';

const STATUSES: Record<string, { label: string; tone: BadgeTone } | null> = {
  completed: null, // the usual case says nothing
  partially_returned: { label: 'Partly returned', tone: 'warning' },
  returned: { label: 'Returned', tone: 'neutral' },
  pending: { label: 'Pending', tone: 'neutral' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

/** A purchase's status in words ("Partly returned"), or null when there is nothing to say. Never the raw enum. */
export function transactionStatus(status: string | null | undefined): { label: string; tone: BadgeTone } | null {
  if (!status) return null;
  const key = status.toLowerCase();
  if (key in STATUSES) return STATUSES[key];
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words ? { label: words[0].toUpperCase() + words.slice(1), tone: 'neutral' } : null;
}

/** Points a purchase is worth after its returns: earned minus reversed, never below zero. */
export function netPoints(tx: Pick<Transaction, 'points_earned' | 'points_reversed'>): number {
  return Math.max(0, tx.points_earned - tx.points_reversed);
}

/** Where the purchase was made, in words: the store's name; "In store" when the server does not name it. */
export function storeLabel(tx: Pick<Transaction, 'store_name'>): string {
  return tx.store_name?.trim() || 'In store';
}
