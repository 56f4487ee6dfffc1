import { useState } from 'react';
import { Button, Form, TextField } from '@/components/ui';
import { checkCurrencyCode, checkRate, currencyName, currencyNamePlural, exampleConversion, rateSentence } from '../rates';
import type { CurrencyRate } from '../types';

interface RateFormProps {
  /** The rate being changed; null to add a currency. */
  item: CurrencyRate | null;
  base: string;
  baseExponent: number;
  /** Codes that already have a rate (adding one of them is refused: edit it instead). */
  existing: readonly string[];
  error: unknown;
  pending: boolean;
  onSubmit: (value: { currency: string; rate: string }) => void;
  onCancel: () => void;
}

type Errors = { currency?: string; rate?: string };

/** Minor-unit exponent for the preview of a currency not saved yet: what Intl knows, else 2. */
function intlDigits(code: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function RateForm({ item, base, baseExponent, existing, error, pending, onSubmit, onCancel }: RateFormProps) {
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

  return (
    <Form
      aria-label={item ? `Change the rate for ${item.currency}` : 'Add a currency'}
      error={error}
      onSubmit={() => {
        const found: Errors = {};
        if (!codeCheck.ok) found.currency = codeCheck.error;
        if (!rateCheck.ok) found.rate = rateCheck.error;
        setErrors(found);
        if (codeCheck.ok && rateCheck.ok) onSubmit({ currency: codeCheck.value, rate: rateCheck.value });
      }}
    >
      <TextField
        label="Currency code"
        name="currency"
        value={code}
        readOnly={item !== null}
        required
        maxLength={3}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="input input--code"
        hint={codeHint}
        error={errors.currency}
        onChange={(event) => {
          setCode(event.target.value.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 3));
          if (errors.currency) setErrors((e) => ({ ...e, currency: undefined }));
        }}
      />
      <TextField
        label={`Rate in ${base}`}
        name="rate"
        value={rate}
        required
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        hint={<span data-testid="rate-preview">{rateHint}</span>}
        error={errors.rate}
        onChange={(event) => {
          setRate(event.target.value);
          if (errors.rate) setErrors((e) => ({ ...e, rate: undefined }));
        }}
      />
      <div className="dialog__footer dialog__footer--inline">
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {item ? 'Save rate' : 'Add currency'}
        </Button>
      </div>
    </Form>
  );
}
