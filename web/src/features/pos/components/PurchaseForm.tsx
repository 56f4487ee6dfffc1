import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Alert, Button, Card, ErrorState, Form, SelectField, Skeleton, TextField } from '@/components/ui';
import { formatMoney, formatPoints, minorToInput } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency';
import { shortReference } from '@/lib/reference';
import type { Product } from '@/types/catalog';
import { recordPurchase } from '../api/pos';
import { useProducts, useStores } from '../hooks/use-pick-lists';
import { appliedLabel, mergeApplied } from '../applied';
import { toPurchaseLines, totalMinor, type DraftLine, type LineErrors } from '../lines';
import type { CustomerKey, PurchaseResult } from '../types';

const DEFAULT_CURRENCY = 'USD'; // the server's default program currency
const CUSTOMER_KEYS: { key: CustomerKey; label: string }[] = [
  { key: 'email', label: 'Email' },
  { key: 'card_number', label: 'Card number' },
  { key: 'id', label: 'Customer id' },
];

let nextLineKey = 1;
const newLine = (): DraftLine => ({ key: nextLineKey++, sku: '', quantity: '1', unit_price: '' });
const newExternalId = () => `web-${newIdempotencyKey().slice(0, 8)}`;

const tierLabel = (tier: PurchaseResult['tier']): string => tier?.name ?? '—';

function LineRow({ line, index, products, currency, error, onChange, onRemove }: {
  line: DraftLine;
  index: number;
  products: Product[];
  currency: string;
  error?: string;
  onChange: (l: DraftLine) => void;
  onRemove?: () => void;
}) {
  return (
    <fieldset className="pos-line">
      <legend className="visually-hidden">Line {index + 1}</legend>
      <SelectField
        label="Product"
        name={`lines.${index}.sku`}
        value={line.sku}
        error={error}
        onChange={(e) => {
          const product = products.find((p) => p.sku === e.target.value);
          onChange({ ...line, sku: e.target.value, unit_price: product ? minorToInput(product.price_minor, product.currency || currency) : line.unit_price });
        }}
      >
        <option value="">Choose a product…</option>
        {products.map((p) => (
          <option key={p.sku} value={p.sku}>
            {p.name} ({p.sku}) · {formatMoney(p.price_minor, p.currency || currency)}
          </option>
        ))}
      </SelectField>
      <TextField label="Qty" name={`lines.${index}.quantity`} type="number" min={1} step={1} inputMode="numeric" value={line.quantity} onChange={(e) => onChange({ ...line, quantity: e.target.value })} />
      <TextField label={`Unit price (${currency})`} name={`lines.${index}.unit_price_minor`} inputMode="decimal" value={line.unit_price} onChange={(e) => onChange({ ...line, unit_price: e.target.value })} />
      {onRemove && (
        <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove line ${index + 1}`} className="pos-line__remove">
          Remove
        </Button>
      )}
    </fieldset>
  );
}

/** `customer`: filled in when the form is opened from a customer's 360° view. */
export function PurchaseForm({ invalidateKeys = [], customer }: { invalidateKeys?: readonly (readonly unknown[])[]; customer?: { email: string } | null }) {
  const queryClient = useQueryClient();
  const stores = useStores();
  const products = useProducts();
  const [customerKey, setCustomerKey] = useState<CustomerKey>('email');
  const [customerValue, setCustomerValue] = useState(customer?.email ?? '');
  const [storeId, setStoreId] = useState('');
  const [externalId, setExternalId] = useState(newExternalId);
  const [lines, setLines] = useState<DraftLine[]>(() => [newLine()]);
  const [lineErrors, setLineErrors] = useState<LineErrors>({});
  // One key per draft: any edit makes a new purchase, a plain retry reuses it.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [result, setResult] = useState<PurchaseResult | null>(null);

  const productList = products.data ?? [];
  const currency = useMemo(() => {
    const first = productList.find((p) => lines.some((l) => l.sku === p.sku));
    return first?.currency || productList[0]?.currency || DEFAULT_CURRENCY;
  }, [productList, lines]);
  const preview = toPurchaseLines(lines, currency).lines;

  const mutation = useMutation({
    mutationFn: (args: Parameters<typeof recordPurchase>) => recordPurchase(...args),
    onSuccess: (answer) => {
      setResult(answer);
      setLines([newLine()]);
      setExternalId(newExternalId());
      setIdempotencyKey(newIdempotencyKey());
      for (const k of invalidateKeys) queryClient.invalidateQueries({ queryKey: k });
    },
  });

  const edited = () => {
    setIdempotencyKey(newIdempotencyKey());
    setResult(null);
  };

  if (stores.isPending || products.isPending) return <Skeleton height="24rem" />;
  if (stores.isError) return <ErrorState error={stores.error} onRetry={() => stores.refetch()} title="Stores could not be loaded" />;
  if (products.isError) return <ErrorState error={products.error} onRetry={() => products.refetch()} title="Products could not be loaded" />;

  return (
    <div className="stack">
      {result && (
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
      )}
      <Form
        aria-label="Record a purchase"
        error={mutation.error}
        onSubmit={() => {
          const { lines: apiLines, errors } = toPurchaseLines(lines, currency);
          setLineErrors(errors);
          if (Object.keys(errors).length > 0) return;
          mutation.mutate([
            {
              customer: { [customerKey]: customerValue.trim() },
              store_id: storeId,
              occurred_at: new Date().toISOString(),
              currency,
              external_id: externalId.trim(),
              lines: apiLines,
            },
            idempotencyKey,
          ]);
        }}
      >
        <div onChange={edited} className="stack">
          <div className="grid-2">
            <SelectField label="Identify the customer by" value={customerKey} onChange={(e) => setCustomerKey(e.target.value as CustomerKey)}>
              {CUSTOMER_KEYS.map((k) => (
                <option key={k.key} value={k.key}>
                  {k.label}
                </option>
              ))}
            </SelectField>
            <TextField
              label={CUSTOMER_KEYS.find((k) => k.key === customerKey)?.label ?? 'Customer'}
              name={`customer.${customerKey}`}
              type={customerKey === 'email' ? 'email' : 'text'}
              value={customerValue}
              onChange={(e) => setCustomerValue(e.target.value)}
              autoComplete="off"
              required
            />
          </div>
          <div className="grid-2">
            <SelectField label="Store" name="store_id" value={storeId} onChange={(e) => setStoreId(e.target.value)} required>
              <option value="">Choose a store…</option>
              {(stores.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.code})
                </option>
              ))}
            </SelectField>
            <TextField label="Receipt number" name="external_id" value={externalId} onChange={(e) => setExternalId(e.target.value)} required hint="Unique per store system; prefilled." />
          </div>
          <Card title="Basket" level={3} as="div" className="card--inset">
            <div className="stack">
              {lines.map((line, index) => (
                <LineRow
                  key={line.key}
                  line={line}
                  index={index}
                  products={productList}
                  currency={currency}
                  error={lineErrors[line.key]}
                  onChange={(l) => setLines((all) => all.map((x) => (x.key === l.key ? l : x)))}
                  onRemove={lines.length > 1 ? () => setLines((all) => all.filter((x) => x.key !== line.key)) : undefined}
                />
              ))}
              <div className="row-between wrap">
                <Button variant="secondary" size="sm" onClick={() => { setLines((all) => [...all, newLine()]); edited(); }}>
                  Add line
                </Button>
                <p className="pos-total">
                  Total <strong data-testid="pos-total">{formatMoney(totalMinor(preview), currency)}</strong>
                </p>
              </div>
            </div>
          </Card>
        </div>
        <div>
          <Button type="submit" loading={mutation.isPending}>
            Record purchase
          </Button>
        </div>
      </Form>
    </div>
  );
}
