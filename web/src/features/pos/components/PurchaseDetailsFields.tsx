import { SelectField, TextField } from '@/components/ui';
import type { Store } from '@/types/catalog';
import type { CustomerKey } from '../types';
import type { PurchaseDraft } from './use-purchase-draft';

/** How a cashier finds the customer: the e-mail they give, or the number on their member card. */
const CUSTOMER_KEYS: { key: CustomerKey; label: string; hint?: string }[] = [
  { key: 'email', label: 'Email' },
  { key: 'card_number', label: 'Card number', hint: 'The number under the barcode on the member’s card: scan it or type it (spaces are fine).' },
];

/** Who bought (by e-mail or card number), where, and the till's receipt number. */
export function PurchaseDetailsFields({ draft, stores }: { draft: PurchaseDraft; stores: Store[] }) {
  const { customerKey } = draft;
  const key = CUSTOMER_KEYS.find((k) => k.key === customerKey) ?? CUSTOMER_KEYS[0];
  return (
    <>
      <div className="grid-2">
        <SelectField label="Identify the customer by" value={customerKey} onChange={(e) => draft.setCustomerKey(e.target.value as CustomerKey)}>
          {CUSTOMER_KEYS.map((k) => (
            <option key={k.key} value={k.key}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label={key.label}
          hint={key.hint}
          name={`customer.${customerKey}`}
          type={customerKey === 'email' ? 'email' : 'text'}
          inputMode={customerKey === 'card_number' ? 'numeric' : undefined}
          value={draft.customerValue}
          onChange={(e) => draft.setCustomerValue(e.target.value)}
          autoComplete="off"
          required
        />
      </div>
      <div className="grid-2">
        <SelectField label="Store" name="store_id" value={draft.storeId} onChange={(e) => draft.setStoreId(e.target.value)} required>
          <option value="">Choose a store…</option>
          {stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.code})
            </option>
          ))}
        </SelectField>
        <TextField label="Receipt number" name="external_id" value={draft.externalId} onChange={(e) => draft.setExternalId(e.target.value)} required hint="Unique per store system; prefilled." />
      </div>
    </>
  );
}
