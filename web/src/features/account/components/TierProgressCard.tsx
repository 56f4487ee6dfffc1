import { Card, ProgressBar } from '@/components/ui';
import { formatMoney } from '@/lib/format';
import { nextTierGain, nextTierMultiplier, nextTierName, tierBenefits, tierProgressRatio } from '../tier-progress';
import type { Account } from '../types';

export function TierProgressCard({ account, className }: { account: Account; className?: string }) {
  const progress = account.tier_progress;
  const next = nextTierName(progress);
  const ratio = tierProgressRatio(progress);
  const multiplier = account.tier?.multiplier;
  const gain = nextTierGain(multiplier, nextTierMultiplier(progress));
  const tierName = account.tier?.name ?? 'Member';
  return (
    <Card title="Your tier" className={['tier-card', className].filter(Boolean).join(' ')}>
      <p className="tier-card__current">
        <strong>{tierName}</strong>
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
      <div className="tier-benefits" data-testid="tier-benefits">
        <div>
          <h3 className="subheading">{tierName} benefits</h3>
          <ul className="tick-list">
            {tierBenefits(multiplier).map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
        {next && (
          <div data-testid="next-tier-benefits">
            <h3 className="subheading">At {next}</h3>
            <ul className="tick-list tick-list--next">
              <li>{gain ?? 'Bigger rewards for the same spend'}</li>
              <li>Everything {tierName} has</li>
            </ul>
          </div>
        )}
      </div>
    </Card>
  );
}
