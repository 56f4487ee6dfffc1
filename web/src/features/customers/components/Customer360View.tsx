import { Badge, Card, EmptyState, ErrorState, ProgressBar, Skeleton, SkeletonList } from '@/components/ui';
import { LedgerList, OfferDetails, TransactionList } from '@/components/loyalty';
import { formatDate, formatMoney, formatMoneyMajor, formatPercent, formatPoints } from '@/lib/format';
import { useState, type ReactNode } from 'react';
import { accountStatusText, contactEmail, memberReference, preferenceValueText } from '../display';
import { useCustomer360 } from '../hooks/use-customers';
import { sentimentText } from '../sentiment';
import type { Customer360, CustomerAccount, CustomerProfile } from '../types';
import { AdjustmentForm } from './AdjustmentForm';

function label(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return String(o.name ?? o.label ?? o.code ?? o.segment ?? JSON.stringify(value));
  }
  return String(value);
}

/** The analytics run gives CLV as a number in major currency units (dollars, not cents). */
export function clvText(clv: unknown, currency: string): string {
  if (typeof clv === 'number') return formatMoneyMajor(clv, currency);
  if (clv && typeof clv === 'object') {
    const o = clv as Record<string, unknown>;
    const minor = o.value_minor ?? o.clv_minor ?? o.amount_minor;
    if (typeof minor === 'number') return formatMoney(minor, typeof o.currency === 'string' ? o.currency : currency);
    if (typeof o.value === 'number') return o.value.toFixed(2);
  }
  return label(clv);
}

function Insights({ view, currency }: { view: Customer360; currency: string }) {
  const has = (k: 'segment' | 'clv' | 'p_alive') => k in view;
  if (!has('segment') && !has('clv') && !has('p_alive')) return null;
  return (
    <Card title="Insights" level={2} data-testid="customer-insights">
      <p className="muted small">From the latest analytics run.</p>
      <dl className="stats">
        {has('segment') && (
          <div>
            <dt>Segment</dt>
            <dd data-testid="segment">{label(view.segment)}</dd>
          </div>
        )}
        {has('clv') && (
          <div>
            <dt>Customer lifetime value</dt>
            <dd data-testid="clv">{clvText(view.clv, currency)}</dd>
          </div>
        )}
        {has('p_alive') && (
          <div>
            <dt>P(alive)</dt>
            <dd data-testid="p-alive">{typeof view.p_alive === 'number' ? formatPercent(view.p_alive) : label(view.p_alive)}</dd>
          </div>
        )}
      </dl>
    </Card>
  );
}

function AccountCard({ account }: { account: CustomerAccount | null }) {
  if (!account) return null;
  const tp = account.tier_progress;
  const total = tp ? tp.qualifying_spend + tp.remaining_spend : 0;
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
        {tp && (
          <div>
            <dt>Qualifying spend</dt>
            <dd>{formatMoney(tp.qualifying_spend, tp.currency)}</dd>
          </div>
        )}
      </dl>
      {tp && tp.next_tier != null && total > 0 && (
        <ProgressBar label={`Progress to ${label(tp.next_tier)}`} value={tp.qualifying_spend} max={total} />
      )}
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
              <dt>{key.replace(/_/g, ' ')}</dt>
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
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // The clipboard may be blocked (plain HTTP on a LAN); support can search by card number instead.
    }
  };
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
          <dd className="truncate" title={email ?? undefined}>
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
  const p = view.profile;
  const currency = view.account?.tier_progress?.currency ?? view.transactions[0]?.currency ?? 'EUR';
  return (
    <div className="console-grid">
      <div className="stack">
        <ProfileCard profile={p} actions={actions} />
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
            transactions={view.transactions}
            emptyText="No purchases yet."
            emptyHint={actions ? 'Record one from here with “Record purchase” above.' : 'Purchases recorded at the till show here.'}
          />
        </Card>
        <Card title="Points ledger">
          <LedgerList entries={view.ledger} showIds />
        </Card>
        <Card title="Feedback">
          {view.feedback.length === 0 ? (
            <EmptyState title="No feedback yet" />
          ) : (
            <ul className="list">
              {view.feedback.map((f) => (
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
