import { Card, EmptyState } from '@/components/ui';
import { daysUntil, formatDate, formatPoints } from '@/lib/format';
import type { ExpiringPoints } from '../types';

export function ExpiringPointsCard({ expiring }: { expiring: ExpiringPoints[] }) {
  const upcoming = [...(expiring ?? [])].filter((e) => e.points > 0).sort((a, b) => a.expires_at.localeCompare(b.expires_at));
  return (
    <Card title="Expiring soon">
      {upcoming.length === 0 ? (
        <EmptyState title="Nothing expiring soon" icon="✓">
          Your points are safe for now.
        </EmptyState>
      ) : (
        <ul className="list">
          {upcoming.map((entry) => {
            const days = daysUntil(entry.expires_at);
            return (
              <li key={`${entry.expires_at}-${entry.points}`} className="list__row">
                <span>
                  <strong>{formatPoints(entry.points)} pts</strong>
                </span>
                <span className={days <= 14 ? 'text-warning' : 'muted'}>
                  {formatDate(entry.expires_at)}
                  {days >= 0 && days <= 30 ? ` · in ${days} day${days === 1 ? '' : 's'}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
