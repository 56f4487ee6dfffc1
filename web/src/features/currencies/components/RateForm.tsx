import { Button, Form, TextField } from '@/components/ui';
import type { CurrencyRate } from '../types';
import { useRateForm } from './use-rate-form';

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

export function RateForm({ item, base, baseExponent, existing, error, pending, onSubmit, onCancel }: RateFormProps) {
  const { code, rate, errors, codeHint, rateHint, submit, changeCode, changeRate } = useRateForm({ item, base, baseExponent, existing, onSubmit });

  return (
    <Form aria-label={item ? `Change the rate for ${item.currency}` : 'Add a currency'} error={error} onSubmit={submit}>
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
        onChange={(event) => changeCode(event.target.value)}
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
        onChange={(event) => changeRate(event.target.value)}
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
