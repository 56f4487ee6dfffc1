import { Badge, EmptyState } from '@/components/ui';
import { formatDateTime, formatPoints, formatSignedPoints } from '@/lib/format';
import { isInternalId, shortReference } from '@/lib/reference';
import { ledgerKind } from './ledger-kinds';
import type { LedgerEntry } from '@/types/loyalty';

/** Ids (UUIDs, long hex, `txn_…`) mean nothing to customers. */
export const isOpaqueId = isInternalId;

/** What an entry refers to, in words: "Purchase · Ref 4F2A9C", "Reward · Ref 9QX2AB"; never the id. */
export function ledgerReference(reference: string | null | undefined): string | null {
  if (!reference) return null;
  const ref = shortReference(reference);
  if (reference.startsWith('txn_')) return `Purchase · Ref ${ref}`;
  if (reference.startsWith('red_')) return `Reward · Ref ${ref}`;
  if (reference.startsWith('ofr_')) return `Offer · Ref ${ref}`;
  return isInternalId(reference) ? `Ref ${ref}` : reference;
}

/** Presentational: the ledger rows, used by the customer's activity and the staff 360° view (which adds an adjustment's reason). */
export function LedgerList({ entries, emptyText = 'No points activity yet.', showIds = false }: { entries: LedgerEntry[]; emptyText?: string; showIds?: boolean }) {
  if (entries.length === 0) return <EmptyState title={emptyText} />;
  return (
    <ul className="list" aria-label="Points history">
      {entries.map((entry) => {
        const kind = ledgerKind(entry.kind);
        const reference = ledgerReference(entry.reference);
        return (
          <li key={entry.id} className="list__row ledger-row">
            <div className="ledger-row__main">
              <Badge tone={kind.tone}>{kind.label}</Badge>
              <span className="muted small">{formatDateTime(entry.occurred_at)}</span>
              {reference && <span className="muted small">{reference}</span>}
              {showIds && entry.kind === 'adjust' && entry.reason && <span className="muted small">“{entry.reason}”</span>}
            </div>
            <div className="ledger-row__amounts">
              <strong className={entry.points >= 0 ? 'text-success' : undefined}>{formatSignedPoints(entry.points)}</strong>
              <span className="muted small">Balance {formatPoints(entry.balance_after)}</span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
