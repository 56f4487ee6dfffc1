import { Link } from 'react-router-dom';
import { Badge, EmptyState, ErrorState, LoadMore, SkeletonList } from '@/components/ui';
import { formatDate, formatPoints } from '@/lib/format';
import { useCampaigns } from '../hooks/use-campaigns';
import { goalLabel, statusLabel } from '../labels';

export function CampaignList({ canEdit }: { canEdit: boolean }) {
  const list = useCampaigns();
  if (list.isPending) return <SkeletonList rows={3} rowHeight="5.5rem" />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  if (list.items.length === 0)
    return (
      <EmptyState title="No campaigns yet">
        <p>A campaign turns what the analytics know about customers into personal offers, and measures what they changed against a control group.{canEdit ? ' Create one to start.' : ''}</p>
      </EmptyState>
    );
  return (
    <div className="stack">
      <ul className="campaign-list" aria-label="Campaigns">
        {list.items.map((c) => {
          const status = statusLabel(c.status);
          return (
            <li key={c.id} className="campaign-row" data-testid="campaign-row">
              <div className="campaign-row__main">
                <h2 className="campaign-row__title">
                  <Link to={`/console/campaigns/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                </h2>
                <p className="muted small">
                  {goalLabel(c.goal)} · {formatDate(c.starts_at)} – {formatDate(c.ends_at)}
                </p>
              </div>
              <Badge tone={status.tone}>{status.label}</Badge>
              <dl className="campaign-row__counts">
                <div>
                  <dt>Offers</dt>
                  <dd>{formatPoints(c.offers_created ?? 0)}</dd>
                </div>
                <div>
                  <dt>Control group</dt>
                  <dd>{formatPoints(c.control_group_size ?? 0)}</dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
      <LoadMore hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={() => list.fetchNextPage()} />
    </div>
  );
}
