import { useState } from 'react';
import { useRemoveCurrencyRate, useSaveCurrencyRate } from '../hooks/use-currency-rates';
import { currencyNamePlural, currencyTitle, rateSentence } from '../rates';
import type { CurrencyRate } from '../types';

export type Editing = { mode: 'add' } | { mode: 'edit'; item: CurrencyRate } | null;

/** The rate being added, changed or removed, the requests that do it, and the notice that says what now happens at the till. */
export function useRateEditing() {
  const save = useSaveCurrencyRate();
  const remove = useRemoveCurrencyRate();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<CurrencyRate | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const openEditor = (next: Editing) => {
    save.reset();
    setNotice(null);
    setEditing(next);
  };
  const openRemove = (item: CurrencyRate) => {
    remove.reset();
    setNotice(null);
    setRemoving(item);
  };
  const saveRate = (value: { currency: string; rate: string }, base: string) =>
    save.mutate(value, {
      onSuccess: (saved) => {
        const code = saved?.currency ?? value.currency;
        setNotice(`Saved: ${rateSentence(code, saved?.rate ?? value.rate, base)}. Purchases in ${currencyNamePlural(code)} are converted at this rate from now on.`);
        setEditing(null);
      },
    });
  const removeRate = () =>
    removing &&
    remove.mutate(removing.currency, {
      onSuccess: () => {
        setNotice(`The rate for ${currencyTitle(removing.currency)} was removed. Purchases in ${currencyNamePlural(removing.currency)} are refused until a rate is set again.`);
        setRemoving(null);
      },
    });

  return {
    save,
    remove,
    editing,
    removing,
    notice,
    openEditor,
    openRemove,
    saveRate,
    removeRate,
    closeEditor: () => setEditing(null),
    closeRemove: () => setRemoving(null),
  };
}

export type RateEditing = ReturnType<typeof useRateEditing>;
