import { ConfirmDialog, Dialog } from '@/components/ui';
import { currencyNamePlural, currencyTitle } from '../rates';
import type { CurrencyRates } from '../types';
import { RateForm } from './RateForm';
import type { RateEditing } from './use-rate-editing';

export function EditRateDialog({ rates, manage }: { rates: CurrencyRates; manage: RateEditing }) {
  const { editor, save } = manage;
  const editing = editor.target;
  return (
    <Dialog
      open={editing !== null}
      title={editing?.mode === 'edit' ? `Change the rate for ${currencyTitle(editing.item.currency)}` : 'Add a currency'}
      onClose={editor.close}
      busy={save.isPending}
    >
      {editing && (
        <RateForm
          item={editing.mode === 'edit' ? editing.item : null}
          base={rates.base_currency}
          baseExponent={rates.base_minor_unit_exponent}
          existing={rates.items.map((i) => i.currency)}
          error={save.error}
          pending={save.isPending}
          onCancel={editor.close}
          onSubmit={(value) => manage.saveRate(value, rates.base_currency)}
        />
      )}
    </Dialog>
  );
}

export function RemoveRateDialog({ manage }: { manage: RateEditing }) {
  const { remove } = manage;
  const removing = manage.removing.target;
  return (
    <ConfirmDialog
      open={removing !== null}
      title={removing ? `Remove the rate for ${currencyTitle(removing.currency)}?` : ''}
      onClose={manage.removing.close}
      request={remove}
      confirmLabel="Remove rate"
      onConfirm={manage.removeRate}
    >
      {removing && (
        <p>
          Purchases in {currencyNamePlural(removing.currency)} will be refused at the till until a rate is set again. Purchases already recorded keep
          the rate they were converted at.
        </p>
      )}
    </ConfirmDialog>
  );
}
