import { Badge, Card, EmptyState, ErrorState, ProgressBar, Skeleton, SkeletonList } from '@/components/ui';
import { LedgerList, OfferDetails, TransactionList } from '@/components/loyalty';
import { formatDate, formatMoney, formatMoneyMajor, formatPercent, formatPoints } from '@/lib/format';
import { useCopy } from '@/lib/use-copy';
import type { ReactNode } from 'react';
import { accountStatusText, contactEmail, memberReference, preferenceKeyText, preferenceValueText } from '../display';
import { useCustomer360 } from '../hooks/use-customers';
import { sentimentText } from '../sentiment';
import type { Customer360, CustomerAccount, CustomerProfile } from '../types';
import { AdjustmentForm } from './AdjustmentForm';

/** The analytics run gives CLV as a number in major currency units (dollars, not cents). */
export function clvText(clv: number, currency: string): string {
  return formatMoneyMajor(clv, currency);
}

/** segment, clv and p_alive are null before the first run, or for a customer not in the latest one. */
function Insights({ view, currency }: { view: Customer360; currency: string }) {
  const has = (k: 'segment' | 'clv' | 'p_alive') => view[k] !== null;
  if (!has('segment') && !has('clv') && !has('p_alive')) return null;
  return (
    <Card title="Insights" level={2} data-testid="customer-insights">
      <p className="muted small">From the latest analytics run.</p>
      <dl className="stats">
        {has('segment') && (
          <div>
            <dt>Segment</dt>
            <dd data-testid="segment">{view.segment}</dd>
          </div>
        )}
        {has('clv') && (
          <div>
            <dt>Customer lifetime value</dt>
            <dd data-testid="clv">{view.clv !== null && clvText(view.clv, currency)}</dd>
          </div>
        )}
        {has('p_alive') && (
          <div>
            <dt>P(alive)</dt>
            <dd data-testid="p-alive">{view.p_alive !== null && formatPercent(view.p_alive)}</dd>
          </div>
        )}
      </dl>
    </Card>
  );
}

function AccountCard({ account }: { account: CustomerAccount | undefined }) {
  if (!account) return null;
  const tp = account.tier_progress;
  const total = tp.qualifying_spend + tp.remaining_spend;
  return (
    <Card title="Account">
      <dl className="stats">
        <div>
          <dt>Points balance</dt>
          <dd data-testid="staff-points-balance">{formatPoints(account.points_balance)}</dd>
        </div>
        <div>
          <dt>Tier</dt>
          <dd>{account.tier?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>Qualifying spend</dt>
          <dd>{formatMoney(tp.qualifying_spend, tp.currency)}</dd>
        </div>
      </dl>
      {tp.next_tier && total > 0 && <ProgressBar label={`Progress to ${tp.next_tier.name}`} value={tp.qualifying_spend} max={total} />}
    </Card>
  );
}

function OffersCard({ view, currency }: { view: Customer360; currency: string }) {
  return (
    <Card title="Offers" data-testid="customer-offers">
      {view.offers.length === 0 ? (
        <EmptyState title="No personal offers" />
      ) : (
        <ul className="list offer-list">
          {view.offers.map((offer) => (
            <li key={offer.id}>
              <OfferDetails offer={offer} currency={currency} showStatus reasonsTitle="Why it was chosen" />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function PreferencesCard({ preferences }: { preferences: Record<string, unknown> | null }) {
  const entries = Object.entries(preferences ?? {});
  return (
    <Card title="Preferences">
      {entries.length === 0 ? (
        <EmptyState title="No preferences set" />
      ) : (
        <dl className="kv">
          {entries.map(([key, value]) => (
            <div key={key}>
              <dt>{preferenceKeyText(key)}</dt>
              <dd>{Array.isArray(value) ? value.map((v) => <Badge key={String(v)}>{preferenceValueText(v)}</Badge>) : preferenceValueText(value) || '—'}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}

/** Copies the customer's record id for a support ticket without showing it. */
function CopyIdButton({ id }: { id: string }) {
  // Where the clipboard is blocked, support can search by card number instead.
  const { copied, copy } = useCopy(id);
  return (
    <button type="button" className="btn btn--ghost btn--sm copy-id" onClick={copy} title="Copies this customer's id, for a support ticket">
      <span className="btn__label" aria-live="polite">
        {copied ? 'Copied' : 'Copy id'}
      </span>
    </button>
  );
}

function ProfileCard({ profile: p, actions }: { profile: CustomerProfile; actions?: (profile: CustomerProfile) => ReactNode }) {
  const email = contactEmail(p.email);
  const reference = memberReference(p);
  const status = accountStatusText(p.status);
  return (
    <Card title={p.name || 'Unnamed customer'}>
      <div className="customer-actions">
        {actions?.(p)}
        <CopyIdButton id={p.id} />
      </div>
      <dl className="kv">
        <div>
          <dt>Email</dt>
          <dd data-testid="customer-email">
            {email ?? <span className="muted">None on file</span>}
          </dd>
        </div>
        <div>
          <dt>{reference.label}</dt>
          <dd className="mono" data-testid="customer-reference">
            {reference.value}
          </dd>
        </div>
        {p.phone && (
          <div>
            <dt>Phone</dt>
            <dd>{p.phone}</dd>
          </div>
        )}
        {p.created_at && (
          <div>
            <dt>Member since</dt>
            <dd>{formatDate(p.created_at)}</dd>
          </div>
        )}
        {status && (
          <div>
            <dt>Account</dt>
            <dd data-testid="account-status">{status}</dd>
          </div>
        )}
      </dl>
    </Card>
  );
}

/** `actions`: what staff can do for this customer (the page links them to the POS with the customer filled in). */
export function Customer360View({ customerId, canAdjust, actions }: { customerId: string; canAdjust: boolean; actions?: (profile: CustomerProfile) => ReactNode }) {
  const q = useCustomer360(customerId);
  if (q.isPending)
    return (
      <div className="stack">
        <Skeleton height="6rem" />
        <SkeletonList rows={4} />
      </div>
    );
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const view = q.data;
  const feedback = view.recent_feedback ?? [];
  const currency = view.account?.tier_progress.currency ?? view.recent_transactions[0]?.currency ?? 'EUR';
  return (
    <div className="console-grid customer-360">
      <div className="stack">
        <ProfileCard profile={view} actions={actions} />
        <AccountCard account={view.account} />
        <Insights view={view} currency={currency} />
        {canAdjust && (
          <Card title="Adjust points">
            <AdjustmentForm customerId={customerId} />
          </Card>
        )}
        <PreferencesCard preferences={view.preferences} />
      </div>
      <div className="stack">
        <OffersCard view={view} currency={currency} />
        <Card title="Recent purchases">
          <TransactionList
            transactions={view.recent_transactions}
            emptyText="No purchases yet."
            emptyHint={actions ? 'Record one from here with “Record purchase” above.' : 'Purchases recorded at the till show here.'}
          />
        </Card>
        <Card title="Points ledger">
          <LedgerList entries={view.ledger} showIds />
        </Card>
        <Card title="Feedback">
          {feedback.length === 0 ? (
            <EmptyState title="No feedback yet" />
          ) : (
            <ul className="list">
              {feedback.map((f) => (
                <li key={f.id} className="feedback-row">
                  <div className="row-between">
                    <span aria-label={`${f.rating} out of 5 stars`} className="stars">
                      {'★'.repeat(f.rating)}
                      <span className="muted">{'★'.repeat(Math.max(0, 5 - f.rating))}</span>
                    </span>
                    {sentimentText(f.sentiment) && (
                      <span className="muted small feedback-sentiment" title="Sentiment of the text, from −1 (negative) to 1 (positive)">
                        Sentiment: {sentimentText(f.sentiment)}
                      </span>
                    )}
                  </div>
                  <p>{f.text}</p>
                  {f.created_at && <p className="muted small">{formatDate(f.created_at)}</p>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
