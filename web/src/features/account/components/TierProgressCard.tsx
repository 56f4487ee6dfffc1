import { Card, ProgressBar } from '@/components/ui';
import { formatMoney } from '@/lib/format';
import { nextTierName, tierProgressRatio } from '../tier-progress';
import type { Account } from '../types';

export function TierProgressCard({ account }: { account: Account }) {
  const progress = account.tier_progress;
  const next = nextTierName(progress);
  const ratio = tierProgressRatio(progress);
  const multiplier = account.tier?.multiplier;
  return (
    <Card title="Your tier" className="tier-card">
      <p className="tier-card__current">
        <strong>{account.tier?.name ?? 'Member'}</strong>
        {multiplier && multiplier !== 1 ? <span className="muted"> · earns {multiplier}× points</span> : null}
      </p>
      <ProgressBar
        label={next ? `Progress to ${next}` : 'Tier progress'}
        value={ratio}
        valueText={
          next && progress ? `${formatMoney(progress.remaining_spend, progress.currency)} to ${next}` : 'Top tier reached'
        }
      />
      <p className="tier-card__caption" data-testid="tier-progress-text">
        {next && progress ? (
          <>
            Spend <strong>{formatMoney(progress.remaining_spend, progress.currency)}</strong> more to reach <strong>{next}</strong>.{' '}
            <span className="muted">Qualifying spend so far: {formatMoney(progress.qualifying_spend, progress.currency)}.</span>
          </>
        ) : (
          <>You have reached the top tier. Enjoy every benefit.</>
        )}
      </p>
    </Card>
  );
}
