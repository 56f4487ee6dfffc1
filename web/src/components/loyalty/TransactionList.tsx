import { Badge, EmptyState } from '@/components/ui';
import { formatDateTime, formatMoney, formatPoints } from '@/lib/format';
import type { Transaction } from '@/types/loyalty';

export function TransactionList({ transactions, emptyText = 'No purchases yet.' }: { transactions: Transaction[]; emptyText?: string }) {
  if (transactions.length === 0)
    return (
      <EmptyState title={emptyText} icon="🛍">
        Show your card at checkout to earn points.
      </EmptyState>
    );
  return (
    <ul className="list" aria-label="Purchases">
      {transactions.map((tx) => (
        <li key={tx.id} className="tx">
          <details>
            <summary className="tx__summary">
              <span className="tx__main">
                <strong>{formatMoney(tx.total_minor, tx.currency)}</strong>
                <span className="muted small">
                  {formatDateTime(tx.occurred_at)}
                  {tx.store_id ? ` · Store ${tx.store_id}` : ''}
                </span>
              </span>
              <span className="tx__side">
                {tx.status && tx.status !== 'completed' && <Badge tone="warning">{tx.status}</Badge>}
                <span className="text-success">
                  <strong>+{formatPoints(tx.points_earned)}</strong> pts
                </span>
              </span>
            </summary>
            <table className="table tx__lines">
              <caption className="visually-hidden">Items in this purchase</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" className="num">
                    Qty
                  </th>
                  <th scope="col" className="num">
                    Price
                  </th>
                </tr>
              </thead>
              <tbody>
                {(tx.lines ?? []).map((line, i) => (
                  <tr key={`${line.sku}-${i}`}>
                    <td>
                      {line.name || line.sku}
                      <span className="muted small mono"> {line.sku}</span>
                    </td>
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
