import { useState } from 'react';
import { checkCurrencyCode, checkRate, currencyName, currencyNamePlural, exampleConversion, rateSentence } from '../rates';
import type { CurrencyRate } from '../types';

type Errors = { currency?: string; rate?: string };

/** Minor-unit exponent for the preview of a currency not saved yet: what Intl knows, else 2. */
function intlDigits(code: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

interface RateFormOptions {
  item: CurrencyRate | null;
  base: string;
  baseExponent: number;
  existing: readonly string[];
  onSubmit: (value: { currency: string; rate: string }) => void;
}

/**
 * The code and rate as typed, checked on every keystroke for the hints (the
 * currency's name, the worked example) but shown as errors only on submit;
 * an error goes away as soon as its field is edited.
 */
export function useRateForm({ item, base, baseExponent, existing, onSubmit }: RateFormOptions) {
  const [code, setCode] = useState(item?.currency ?? '');
  const [rate, setRate] = useState(item?.rate ?? '');
  const [errors, setErrors] = useState<Errors>({});

  const name = currencyName(code);
  const codeCheck = checkCurrencyCode(code, base, item ? [] : existing);
  const rateCheck = checkRate(rate);
  const baseName = currencyNamePlural(base);
  const codeHint = item ? undefined : name && codeCheck.ok ? name : 'Three capital letters (ISO 4217), for example EUR or JPY.';
  const rateHint =
    codeCheck.ok && rateCheck.ok
      ? `${rateSentence(codeCheck.value, rateCheck.value, base)}: ${exampleConversion(codeCheck.value, item?.minor_unit_exponent ?? intlDigits(codeCheck.value), rateCheck.value, base, baseExponent)}.`
      : `How many ${baseName} one unit of the currency is worth, for example 1.08.`;

  const submit = () => {
    const found: Errors = {};
    if (!codeCheck.ok) found.currency = codeCheck.error;
    if (!rateCheck.ok) found.rate = rateCheck.error;
    setErrors(found);
    if (codeCheck.ok && rateCheck.ok) onSubmit({ currency: codeCheck.value, rate: rateCheck.value });
  };
  const changeCode = (text: string) => {
    setCode(text.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 3));
    if (errors.currency) setErrors((e) => ({ ...e, currency: undefined }));
  };
  const changeRate = (text: string) => {
    setRate(text);
    if (errors.rate) setErrors((e) => ({ ...e, rate: undefined }));
  };
  return { code, rate, errors, codeHint, rateHint, submit, changeCode, changeRate };
}
