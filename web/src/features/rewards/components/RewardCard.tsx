import { Badge, Button } from '@/components/ui';
import { formatPointsWithUnit } from '@/lib/format';
import { rewardState } from '../affordability';
import type { Reward } from '../types';

/** One reward of the catalog: its picture, what it is, the fine print (folded), its cost and what the member can do. */
export function RewardCard({ reward, points_balance, onRedeem }: { reward: Reward; points_balance: number; onRedeem: (reward: Reward) => void }) {
  const state = rewardState(reward, points_balance);
  const progress = Math.min(1, points_balance / Math.max(1, reward.points_cost));
  return (
    <li className="reward-card" data-testid="reward-card">
      {reward.image_url && <img className="reward-card__image" src={reward.image_url} alt="" loading="lazy" decoding="async" data-testid="reward-image" />}
      <div className="reward-card__body">
        <h3 className="reward-card__name">{reward.name}</h3>
        {reward.description && <p className="muted reward-card__desc">{reward.description}</p>}
        {reward.terms && (
          <details className="reward-card__terms" data-testid="reward-terms">
            <summary>Terms</summary>
            <p>{reward.terms}</p>
          </details>
        )}
      </div>
      <div className="reward-card__footer">
        <span className="reward-card__cost">{formatPointsWithUnit(reward.points_cost)}</span>
        {state.kind === 'affordable' && (
          <Button size="sm" onClick={() => onRedeem(reward)} aria-label={`Redeem ${reward.name}`}>
            Redeem
          </Button>
        )}
        {state.kind === 'short' && <Badge tone="neutral">{formatPointsWithUnit(state.missing_points)} to go</Badge>}
        {state.kind === 'unavailable' && <Badge tone="warning">Unavailable</Badge>}
      </div>
      {state.kind === 'short' && (
        <span className="reward-card__meter" aria-hidden="true">
          <span style={{ width: `${Math.round(progress * 100)}%` }} />
        </span>
      )}
    </li>
  );
}
