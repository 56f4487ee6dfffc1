import { Button, EmptyState, Form, SelectField, TextField } from '@/components/ui';
import { formatDate, formatMoney } from '@/lib/format';
import type { Transaction } from '@/types/loyalty';
import { returnableLines } from '../returnable';
import type { ReturnDraft } from './use-return-draft';

function purchaseLabel(txn: Transaction): string {
  const items = txn.lines.reduce((n, l) => n + l.quantity, 0);
  const where = txn.store_name ? ` · ${txn.store_name}` : '';
  return `${formatDate(txn.occurred_at)}${where} · ${formatMoney(txn.total_minor, txn.currency)} · ${items} item${items === 1 ? '' : 's'}`;
}

function LinePicker({ txn, chosen, onChange }: { txn: Transaction; chosen: Record<string, number>; onChange: (sku: string, qty: number) => void }) {
  const lines = returnableLines(txn);
  if (lines.length === 0) return <EmptyState title="Everything from this purchase has been returned" />;
  return (
    <fieldset className="return-lines">
      <legend>Items to return</legend>
      {lines.map((l) => (
        <div key={l.sku} className="return-line">
          <div className="return-line__what">
            <strong>{l.name}</strong>
            <span className="muted small">
              {formatMoney(l.unit_price_minor, txn.currency)} each · {l.returnable} can be returned
            </span>
          </div>
          <TextField
            label={`Quantity of ${l.name} to return`}
            name={`lines.${l.sku}.quantity`}
            type="number"
            min={0}
            max={l.returnable}
            step={1}
            inputMode="numeric"
            value={String(chosen[l.sku] ?? 0)}
            onChange={(e) => onChange(l.sku, Math.min(l.returnable, Math.max(0, Math.trunc(Number(e.target.value) || 0))))}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** Which purchase, and how many of each of its lines come back. */
export function ReturnLinesForm({ draft }: { draft: ReturnDraft }) {
  const { txn, mutation, lineError } = draft;
  return (
    <Form aria-label="Record a return" error={mutation.error} onSubmit={draft.submit}>
      <SelectField label="Purchase" name="transaction_id" value={draft.transactionId} onChange={(e) => draft.choosePurchase(e.target.value)} required>
        <option value="">Choose a purchase…</option>
        {draft.returnable.map((t) => (
          <option key={t.id} value={t.id}>
            {purchaseLabel(t)}
          </option>
        ))}
      </SelectField>
      {txn && <LinePicker txn={txn} chosen={draft.chosen} onChange={draft.chooseQuantity} />}
      {lineError && <p className="field__error" role="alert">{lineError}</p>}
      <div>
        <Button type="submit" loading={mutation.isPending} disabled={!txn}>
          Record return
        </Button>
      </div>
    </Form>
  );
}
