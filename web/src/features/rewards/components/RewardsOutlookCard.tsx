import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, ErrorState, ProgressBar, SkeletonList } from '@/components/ui';
import { formatPoints, formatPointsWithUnit } from '@/lib/format';
import { rewardsOutlook } from '../affordability';
import { useRewards } from '../hooks/use-rewards';
import type { Reward } from '../types';
import { RedeemDialog } from './RedeemDialog';

/** Rewards shown on Home as affordable now; the rest are a tap away in Rewards. */
const MAX_AFFORDABLE_ON_HOME = 3;

/**
 * Home's rewards: progress to the next reward the member can save for, and
 * the rewards they can take now, each redeemable in place.
 */
export function RewardsOutlookCard({ points_balance, invalidateKeys, className }: {
  points_balance: number;
  invalidateKeys?: readonly (readonly unknown[])[];
  className?: string;
}) {
  const q = useRewards();
  const [selected, setSelected] = useState<Reward | null>(null);
  const outlook = rewardsOutlook(q.items, points_balance);
  return (
    <Card title="Rewards" actions={<Link to="/rewards">All rewards</Link>} className={['rewards-outlook', className].filter(Boolean).join(' ')} data-testid="rewards-outlook">
      {q.isPending ? (
        <SkeletonList rows={2} rowHeight="3.5rem" />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <>
          {outlook.next && (
            <div className="next-reward" data-testid="next-reward">
              <p>
                <strong>{formatPointsWithUnit(outlook.next.missing_points)}</strong> to go for <strong>{outlook.next.reward.name}</strong>
              </p>
              <ProgressBar
                label={`Progress to ${outlook.next.reward.name}`}
                value={outlook.next.ratio}
                valueText={`${formatPoints(points_balance)} of ${formatPointsWithUnit(outlook.next.reward.points_cost, 'long')}`}
              />
              <p className="muted small">
                {formatPoints(points_balance)} of {formatPointsWithUnit(outlook.next.reward.points_cost, 'long')}
              </p>
            </div>
          )}
          {outlook.affordable.length > 0 ? (
            <div>
              <h3 className="subheading">Yours to redeem now</h3>
              <ul className="list" aria-label="Rewards you can redeem now" data-testid="affordable-rewards">
                {outlook.affordable.slice(0, MAX_AFFORDABLE_ON_HOME).map((reward) => (
                  <li key={reward.id} className="list__row">
                    <span className="affordable-reward__name">
                      <strong>{reward.name}</strong>
                      <span className="muted small">{formatPointsWithUnit(reward.points_cost)}</span>
                    </span>
                    <Button size="sm" onClick={() => setSelected(reward)} aria-label={`Redeem ${reward.name}`}>
                      Redeem
                    </Button>
                  </li>
                ))}
              </ul>
              {outlook.affordable.length > MAX_AFFORDABLE_ON_HOME && (
                <p className="small">
                  <Link to="/rewards">{outlook.affordable.length - MAX_AFFORDABLE_ON_HOME} more you can redeem</Link>
                </p>
              )}
            </div>
          ) : (
            !outlook.next && <p className="muted">New rewards are on their way.</p>
          )}
        </>
      )}
      <RedeemDialog reward={selected} points_balance={points_balance} onClose={() => setSelected(null)} invalidateKeys={invalidateKeys} />
    </Card>
  );
}
