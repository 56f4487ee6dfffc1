import { useState } from 'react';
import { useDialogTarget } from '@/lib/use-dialog-target';
import { useRemoveCurrencyRate, useSaveCurrencyRate } from '../hooks/use-currency-rates';
import { currencyNamePlural, currencyTitle, rateSentence } from '../rates';
import type { CurrencyRate } from '../types';

export type Editing = { mode: 'add' } | { mode: 'edit'; item: CurrencyRate };

/** The rate being added, changed or removed, the requests that do it, and the notice that says what now happens at the till. */
export function useRateEditing() {
  const save = useSaveCurrencyRate();
  const remove = useRemoveCurrencyRate();
  const [notice, setNotice] = useState<string | null>(null);
  const editor = useDialogTarget<Editing>(() => {
    save.reset();
    setNotice(null);
  });
  const removing = useDialogTarget<CurrencyRate>(() => {
    remove.reset();
    setNotice(null);
  });

  const saveRate = (value: { currency: string; rate: string }, base: string) =>
    save.mutate(value, {
      onSuccess: (saved) => {
        const code = saved?.currency ?? value.currency;
        setNotice(`Saved: ${rateSentence(code, saved?.rate ?? value.rate, base)}. Purchases in ${currencyNamePlural(code)} are converted at this rate from now on.`);
        editor.close();
      },
    });
  const removeRate = () => {
    const item = removing.target;
    if (!item) return;
    remove.mutate(item.currency, {
      onSuccess: () => {
        setNotice(`The rate for ${currencyTitle(item.currency)} was removed. Purchases in ${currencyNamePlural(item.currency)} are refused until a rate is set again.`);
        removing.close();
      },
    });
  };

  return { save, remove, editor, removing, notice, saveRate, removeRate };
}

export type RateEditing = ReturnType<typeof useRateEditing>;
