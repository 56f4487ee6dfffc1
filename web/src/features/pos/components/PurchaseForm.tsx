import { Alert, Button, ErrorState, Form, Skeleton } from '@/components/ui';
import { formatPoints } from '@/lib/format';
import { shortReference } from '@/lib/reference';
import { appliedLabel, mergeApplied } from '../applied';
import { useProducts, useStores } from '../hooks/use-pick-lists';
import type { PurchaseResult } from '../types';
import { PurchaseBasket } from './PurchaseBasket';
import { PurchaseDetailsFields } from './PurchaseDetailsFields';
import { usePurchaseDraft } from './use-purchase-draft';

const tierLabel = (tier: PurchaseResult['tier']): string => tier?.name ?? '—';

/** What the purchase earned, its reference, and each bonus that applied. */
function PurchaseRecorded({ result }: { result: PurchaseResult }) {
  return (
    <Alert tone="success" title="Purchase recorded">
      <span data-testid="pos-result">
        +{formatPoints(result.points_earned)} points · balance {formatPoints(result.balance_after)} · tier {tierLabel(result.tier)}
      </span>
      <span className="pos-reference" data-testid="pos-reference">
        Reference <strong className="mono">{shortReference(result.transaction_id)}</strong>
      </span>
      {result.applied.length > 0 && (
        <ul className="small applied-list" data-testid="pos-applied">
          {mergeApplied(result.applied).map((a, i) => (
            <li key={i} data-testid={a.source === 'offer' ? 'pos-applied-offer' : undefined}>
              {appliedLabel(a)}: +{formatPoints(a.points)} points
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** `customer`: filled in when the form is opened from a customer's 360° view. */
export function PurchaseForm({ invalidateKeys = [], customer }: { invalidateKeys?: readonly (readonly unknown[])[]; customer?: { email: string } | null }) {
  const stores = useStores();
  const products = useProducts();
  const productList = products.data ?? [];
  const draft = usePurchaseDraft({ products: productList, invalidateKeys, customer });

  if (stores.isPending || products.isPending) return <Skeleton height="24rem" />;
  if (stores.isError) return <ErrorState error={stores.error} onRetry={() => stores.refetch()} title="Stores could not be loaded" />;
  if (products.isError) return <ErrorState error={products.error} onRetry={() => products.refetch()} title="Products could not be loaded" />;

  return (
    <div className="stack">
      {draft.result && <PurchaseRecorded result={draft.result} />}
      <Form aria-label="Record a purchase" error={draft.mutation.error} onSubmit={draft.submit}>
        <div onChange={draft.edited} className="stack">
          <PurchaseDetailsFields draft={draft} stores={stores.data ?? []} />
          <PurchaseBasket draft={draft} products={productList} />
        </div>
        <div>
          <Button type="submit" loading={draft.mutation.isPending}>
            Record purchase
          </Button>
        </div>
      </Form>
    </div>
  );
}
