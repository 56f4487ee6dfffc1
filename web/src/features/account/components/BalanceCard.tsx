import { formatPoints } from '@/lib/format';
import type { Me } from '../types';

/** The hero of the home screen: the balance, the tier and the card number. */
export function BalanceCard({ me }: { me: Me }) {
  return (
    <section className="hero-card" aria-labelledby="balance-heading">
      <div className="hero-card__top">
        <h2 id="balance-heading" className="hero-card__label">
          Points balance
        </h2>
        <span className="hero-card__tier" data-testid="tier-name">
          {me.account.tier?.name ?? 'Member'}
        </span>
      </div>
      <p className="hero-card__points" data-testid="points-balance">
        {formatPoints(me.account.points_balance)}
        <span className="hero-card__unit"> pts</span>
      </p>
      <p className="hero-card__meta">
        <span className="visually-hidden">Card number </span>
        <span className="mono">{me.card_number}</span>
      </p>
    </section>
  );
}
