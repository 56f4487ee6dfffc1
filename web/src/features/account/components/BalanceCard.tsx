import { formatPoints, pointsUnit } from '@/lib/format';
import type { Me } from '../types';

/** The hero of the home screen: the balance and the tier (the card number is on the member card beside it). */
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
        <span className="hero-card__unit"> {pointsUnit(me.account.points_balance)}</span>
      </p>
    </section>
  );
}
