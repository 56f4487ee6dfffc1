import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Form, TextField } from '@/components/ui';
import { formatPoints } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency';
import { recordReturn } from '../api/pos';
import type { ReturnInput, ReturnResult } from '../types';

interface DraftReturnLine {
  key: number;
  sku: string;
  quantity: string;
}

let nextKey = 1;
const newLine = (): DraftReturnLine => ({ key: nextKey++, sku: '', quantity: '1' });

export function ReturnForm({ invalidateKeys = [] }: { invalidateKeys?: readonly (readonly unknown[])[] }) {
  const queryClient = useQueryClient();
  const [transactionId, setTransactionId] = useState('');
  const [lines, setLines] = useState<DraftReturnLine[]>(() => [newLine()]);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [lineError, setLineError] = useState<string>();
  const [result, setResult] = useState<ReturnResult | null>(null);
  const mutation = useMutation({
    mutationFn: ({ input, key }: { input: ReturnInput; key: string }) => recordReturn(input, key),
    onSuccess: (answer) => {
      setResult(answer);
      setTransactionId('');
      setLines([newLine()]);
      setIdempotencyKey(newIdempotencyKey());
      for (const k of invalidateKeys) queryClient.invalidateQueries({ queryKey: k });
    },
  });
  const edited = () => {
    setIdempotencyKey(newIdempotencyKey());
    setResult(null);
  };
  return (
    <div className="stack">
      {result && (
        <Alert tone="success" title="Return recorded">
          {formatPoints(result.points_reversed)} points reversed · balance {formatPoints(result.balance_after)}
        </Alert>
      )}
      <Form
        aria-label="Record a return"
        error={mutation.error}
        onSubmit={() => {
          const parsed = lines.map((l) => ({ sku: l.sku.trim(), quantity: Number(l.quantity) }));
          if (parsed.some((l) => !l.sku || !Number.isInteger(l.quantity) || l.quantity < 1)) {
            setLineError('Every line needs a SKU and a whole quantity of at least 1.');
            return;
          }
          setLineError(undefined);
          mutation.mutate({ input: { transaction_id: transactionId.trim(), lines: parsed }, key: idempotencyKey });
        }}
      >
        <div onChange={edited} className="stack">
          <TextField label="Transaction id" name="transaction_id" value={transactionId} onChange={(e) => setTransactionId(e.target.value)} required autoComplete="off" hint="From the receipt or the customer's purchases." />
          {lines.map((line, index) => (
            <fieldset key={line.key} className="pos-line pos-line--return">
              <legend className="visually-hidden">Returned line {index + 1}</legend>
              <TextField label="SKU" name={`lines.${index}.sku`} value={line.sku} onChange={(e) => setLines((all) => all.map((x) => (x.key === line.key ? { ...x, sku: e.target.value } : x)))} error={index === 0 ? lineError : undefined} />
              <TextField label="Qty" name={`lines.${index}.quantity`} type="number" min={1} step={1} value={line.quantity} onChange={(e) => setLines((all) => all.map((x) => (x.key === line.key ? { ...x, quantity: e.target.value } : x)))} />
              {lines.length > 1 && (
                <Button variant="ghost" size="sm" className="pos-line__remove" aria-label={`Remove returned line ${index + 1}`} onClick={() => setLines((all) => all.filter((x) => x.key !== line.key))}>
                  Remove
                </Button>
              )}
            </fieldset>
          ))}
          <div>
            <Button variant="secondary" size="sm" onClick={() => { setLines((all) => [...all, newLine()]); edited(); }}>
              Add line
            </Button>
          </div>
        </div>
        <div>
          <Button type="submit" loading={mutation.isPending}>
            Record return
          </Button>
        </div>
      </Form>
    </div>
  );
}
