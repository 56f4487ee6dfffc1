import { Spinner } from '@/components/ui';
import { formatPoints } from '@/lib/format';
import { useAudiencePreview } from '../hooks/use-campaigns';
import type { Audience } from '../types';

/** "1,234 customers match": the audience's size, asked again (debounced) whenever a filter changes. */
export function AudiencePreview({ audience, enabled = true }: { audience: Audience; enabled?: boolean }) {
  const preview = useAudiencePreview(audience, enabled);
  const empty = Object.keys(audience).length === 0;
  let text: string;
  if (preview.error) text = 'The audience size could not be counted right now.';
  else if (preview.customers === null) text = 'Counting the customers who match…';
  else if (preview.customers === 1) text = '1 customer matches';
  else text = `${formatPoints(preview.customers)} customers match`;
  return (
    <div className="audience-preview" data-testid="audience-preview">
      <p className="audience-preview__count" role="status" aria-live="polite" aria-atomic="true">
        <span data-testid="audience-size">{text}</span>
        {preview.pending && preview.customers !== null && <Spinner label="Updating" />}
      </p>
      <p className="muted small">
        {empty ? 'No filters: every active customer is in the audience.' : 'Customers who meet every filter below.'} The control group is taken out of this number when the
        offers are generated.
      </p>
    </div>
  );
}
