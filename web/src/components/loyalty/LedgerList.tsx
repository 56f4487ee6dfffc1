import { Badge, EmptyState } from '@/components/ui';
import { formatDateTime, formatPointsWithUnit, formatSignedPointsWithUnit } from '@/lib/format';
import { isInternalId, shortReference } from '@/lib/reference';
import { ledgerKind } from './ledger-kinds';
import type { LedgerEntry } from '@/types/loyalty';

/** Ids (UUIDs, long hex, `txn_…`) mean nothing to customers. */
export const isOpaqueId = isInternalId;

/**
 * What an entry refers to, in words: "Purchase · Ref 4F2A9C"; never the id.
 * A redemption names the reward it bought, as the server gives it on the entry
 * ("Fresh croissant · Ref 9QX2AB"), or "Reward redeemed · Ref 9QX2AB" without one.
 */
export function ledgerReference(reference: string | null | undefined, rewardName?: string | null): string | null {
  if (!reference) return null;
  // "Ref" and its code never part at the end of a line (a no-break space), however long the name before them.
  const ref = shortReference(reference);
  if (reference.startsWith('txn_')) return `Purchase · Ref\u00a0${ref}`;
  if (reference.startsWith('red_')) return `${rewardName?.trim() || 'Reward redeemed'} · Ref\u00a0${ref}`;
  if (reference.startsWith('ofr_')) return `Offer · Ref\u00a0${ref}`;
  return isInternalId(reference) ? `Ref\u00a0${ref}` : reference;
}

/** Presentational: the ledger rows, used by the customer's activity and the staff 360° view (which adds an adjustment's reason). */
export function LedgerList({
  entries,
  emptyText = 'No points activity yet.',
  showIds = false,
}: {
  entries: LedgerEntry[];
  emptyText?: string;
  showIds?: boolean;
}) {
  if (entries.length === 0) return <EmptyState title={emptyText} />;
  return (
    <ul className="list" aria-label="Points history">
      {entries.map((entry) => {
        const kind = ledgerKind(entry.kind);
        const reference = ledgerReference(entry.reference, entry.reward_name);
        return (
          <li key={entry.id} className="list__row ledger-row">
            <div className="ledger-row__main">
              <Badge tone={kind.tone}>{kind.label}</Badge>
              <span className="muted small">{formatDateTime(entry.occurred_at)}</span>
              {reference && <span className="muted small">{reference}</span>}
              {showIds && entry.kind === 'adjust' && entry.reason && <span className="muted small">“{entry.reason}”</span>}
            </div>
            <div className="ledger-row__amounts">
              <strong className={entry.points >= 0 ? 'text-success' : undefined} data-testid="ledger-points">
                {formatSignedPointsWithUnit(entry.points)}
              </strong>
              <span className="muted small" data-testid="ledger-balance">
                Balance {formatPointsWithUnit(entry.balance_after)}
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
