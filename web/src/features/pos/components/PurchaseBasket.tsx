import { Button, Card, SelectField, TextField } from '@/components/ui';
import { formatMoney, minorToInput } from '@/lib/format';
import type { Product } from '@/types/catalog';
import { toPurchaseLines, totalMinor, type DraftLine } from '../lines';
import { newLine, type PurchaseDraft } from './use-purchase-draft';

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

/** The lines of the purchase and their running total (of the lines that are complete). */
export function PurchaseBasket({ draft, products }: { draft: PurchaseDraft; products: Product[] }) {
  const { lines, setLines, lineErrors, currency } = draft;
  const preview = toPurchaseLines(lines, currency).lines;
  return (
    <Card title="Basket" level={3} as="div" className="card--inset">
      <div className="stack">
        {lines.map((line, index) => (
          <LineRow
            key={line.key}
            line={line}
            index={index}
            products={products}
            currency={currency}
            error={lineErrors[line.key]}
            onChange={(l) => setLines((all) => all.map((x) => (x.key === l.key ? l : x)))}
            onRemove={lines.length > 1 ? () => setLines((all) => all.filter((x) => x.key !== line.key)) : undefined}
          />
        ))}
        <div className="row-between wrap">
          <Button variant="secondary" size="sm" onClick={() => { setLines((all) => [...all, newLine()]); draft.edited(); }}>
            Add line
          </Button>
          <p className="pos-total">
            Total <strong data-testid="pos-total">{formatMoney(totalMinor(preview), currency)}</strong>
          </p>
        </div>
      </div>
    </Card>
  );
}
