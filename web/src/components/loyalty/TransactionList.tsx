import { Badge, ColumnHeads, EmptyState } from '@/components/ui';
import { formatDateTime, formatMoney, formatPoints, formatPointsWithUnit, formatSignedPointsWithUnit } from '@/lib/format';
import { shortReference } from '@/lib/reference';
import type { Transaction } from '@/types/loyalty';
import { netPoints, storeLabel, transactionStatus } from './transaction-text';

const LINE_COLUMNS = [{ header: 'Item' }, { header: 'Qty', numeric: true }, { header: 'Price', numeric: true }];

/** One purchase: the store and the date on the left (full width), the total and the points on the right. */
function Summary({ tx }: { tx: Transaction }) {
  const status = transactionStatus(tx.status);
  const net = netPoints(tx);
  const reversed = tx.points_reversed ?? 0;
  return (
    <summary className="tx__summary">
      <span className="tx__main">
        <strong className="tx__store">{storeLabel(tx)}</strong>
        <span className="muted small">{formatDateTime(tx.occurred_at)}</span>
        <span className="tx__meta">
          <span className="muted small">Ref {shortReference(tx.id)}</span>
          {status && <Badge tone={status.tone}>{status.label}</Badge>}
        </span>
        {reversed > 0 || (tx.returned_minor ?? 0) > 0 ? (
          <span className="muted small" data-testid="tx-points-detail">
            {(tx.returned_minor ?? 0) > 0 && `${formatMoney(tx.returned_minor ?? 0, tx.currency)} returned · `}
            {formatPoints(reversed)} of {formatPointsWithUnit(tx.points_earned)} taken back
          </span>
        ) : null}
      </span>
      <span className="tx__side">
        <strong className="tx__total">{formatMoney(tx.total_minor, tx.currency)}</strong>
        <span className="text-success small" data-testid="tx-points">
          <strong>{formatSignedPointsWithUnit(net)}</strong>
        </span>
      </span>
    </summary>
  );
}

/** `emptyText`/`emptyHint`: the member's copy by default; the staff 360° view passes its own. */
export function TransactionList({
  transactions,
  emptyText = 'No purchases yet.',
  emptyHint = 'Show your card at checkout to earn points.',
}: {
  transactions: Transaction[];
  emptyText?: string;
  emptyHint?: string;
}) {
  if (transactions.length === 0)
    return (
      <EmptyState title={emptyText} icon="cart">
        {emptyHint}
      </EmptyState>
    );
  return (
    <ul className="list" aria-label="Purchases">
      {transactions.map((tx) => (
        <li key={tx.id} className="tx" data-testid="purchase">
          <details>
            <Summary tx={tx} />
            <table className="table tx__lines">
              <caption className="visually-hidden">Items in this purchase</caption>
              <ColumnHeads columns={LINE_COLUMNS} />
              <tbody>
                {(tx.lines ?? []).map((line, i) => (
                  <tr key={`${line.sku}-${i}`}>
                    <td>{line.name || line.sku}</td>
                    <td className="num">
                      {line.quantity}
                      {line.returned_quantity ? <span className="muted small"> ({line.returned_quantity} returned)</span> : null}
                    </td>
                    <td className="num">{formatMoney(line.unit_price_minor * line.quantity, tx.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </li>
      ))}
    </ul>
  );
}
