import { Card } from '@/components/ui';
import { daysUntil, formatDate, formatPointsWithUnit } from '@/lib/format';
import { EXPIRING_SOON_DAYS, expiringSoon } from '../expiring';
import type { ExpiringPoints } from '../types';

/** Points expiring within 60 days; nothing at all when none are (no empty card taking space). */
export function ExpiringPointsCard({ expiring, className }: { expiring: ExpiringPoints[]; className?: string }) {
  const upcoming = expiringSoon(expiring);
  if (upcoming.length === 0) return null;
  return (
    <Card title="Expiring soon" className={className} data-testid="expiring-soon">
      <p className="muted small">Points that expire in the next {EXPIRING_SOON_DAYS} days. Use them on a reward before then.</p>
      <ul className="list">
        {upcoming.map((entry) => {
          const days = daysUntil(entry.expires_at);
          return (
            <li key={`${entry.expires_at}-${entry.points}`} className="list__row">
              <span>
                <strong>{formatPointsWithUnit(entry.points)}</strong>
              </span>
              <span className={days <= 14 ? 'text-warning' : 'muted'}>
                {formatDate(entry.expires_at)} · in {days} day{days === 1 ? '' : 's'}
              </span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
