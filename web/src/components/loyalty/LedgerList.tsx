import { Badge, EmptyState } from '@/components/ui';
import { formatDateTime, formatPoints, formatSignedPoints } from '@/lib/format';
import { ledgerKind } from './ledger-kinds';
import type { LedgerEntry } from '@/types/loyalty';

/** Ids (UUIDs, long hex) mean nothing to customers; staff see them. */
export function isOpaqueId(reference: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference) || /^[0-9a-f]{16,}$/i.test(reference);
}

/** Presentational: the ledger rows, used by the customer's activity and the staff 360° view. */
export function LedgerList({ entries, emptyText = 'No points activity yet.', showIds = false }: { entries: LedgerEntry[]; emptyText?: string; showIds?: boolean }) {
  if (entries.length === 0) return <EmptyState title={emptyText} />;
  return (
    <ul className="list" aria-label="Points history">
      {entries.map((entry) => {
        const kind = ledgerKind(entry.kind);
        return (
          <li key={entry.id} className="list__row ledger-row">
            <div className="ledger-row__main">
              <Badge tone={kind.tone}>{kind.label}</Badge>
              <span className="muted small">{formatDateTime(entry.occurred_at)}</span>
              {entry.reference && (showIds || !isOpaqueId(entry.reference)) && <span className="muted small ellipsis">{entry.reference}</span>}
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
