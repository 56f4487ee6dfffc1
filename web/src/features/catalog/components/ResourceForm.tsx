import { useState } from 'react';
import { Button, Form, SelectField, TextArea, TextField } from '@/components/ui';
import { initialValue, toPayload, type FieldErrors } from '../form-values';
import type { FieldDef, Item, ResourceConfig } from '../types';

interface ResourceFormProps {
  config: ResourceConfig;
  item: Item | null;
  error: unknown;
  pending: boolean;
  onSubmit: (payload: Item) => void;
  onCancel: () => void;
}

function FieldInput({ field, item, error }: { field: FieldDef; item: Item | null; error?: string }) {
  const common = { label: field.label, name: field.name, required: field.required, hint: field.hint, error, defaultValue: initialValue(field, item) };
  switch (field.type) {
    case 'textarea':
      return <TextArea {...common} rows={3} />;
    case 'integer':
      return <TextField {...common} type="number" step={1} inputMode="numeric" />;
    case 'money':
      return <TextField {...common} inputMode="decimal" hint={field.hint ?? 'In the currency above, for example 4.99.'} />;
    case 'datetime':
      return <TextField {...common} type="datetime-local" />;
    case 'permille':
      return <TextField {...common} inputMode="decimal" />;
    case 'select':
      return (
        <SelectField {...common}>
          {!field.required && <option value="">—</option>}
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
      );
    default:
      return <TextField {...common} autoComplete="off" />;
  }
}

const JSON_FIELD = 'json';

/** Objects whose shape api.md does not fix yet are edited as JSON. */
function parseJsonObject(text: string): Item | null {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Item) : null;
  } catch {
    return null;
  }
}

export function ResourceForm({ config, item, error, pending, onSubmit, onCancel }: ResourceFormProps) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const initialJson = JSON.stringify(item ? Object.fromEntries(Object.entries(item).filter(([k]) => k !== 'id')) : (config.template ?? {}), null, 2);
  return (
    <Form
      aria-label={`${item ? 'Edit' : 'New'} ${config.singular}`}
      error={error}
      onSubmit={(data) => {
        if (!config.fields) {
          const parsed = parseJsonObject(String(data.get(JSON_FIELD) ?? ''));
          if (!parsed) {
            setErrors({ [JSON_FIELD]: 'Enter a JSON object, for example {"name": "…"}.' });
            return;
          }
          setErrors({});
          onSubmit(parsed);
          return;
        }
        const { payload, errors: found } = toPayload(config.fields, data);
        setErrors(found);
        if (Object.keys(found).length === 0) onSubmit(payload);
      }}
    >
      {config.fields ? (
        config.fields.map((field) => <FieldInput key={field.name} field={field} item={item} error={errors[field.name]} />)
      ) : (
        <TextArea label={`${config.singular[0].toUpperCase()}${config.singular.slice(1)} (JSON)`} name={JSON_FIELD} rows={10} defaultValue={initialJson} error={errors[JSON_FIELD]} className="input textarea mono" spellCheck={false} />
      )}
      <div className="dialog__footer dialog__footer--inline">
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {item ? 'Save changes' : `Create ${config.singular}`}
        </Button>
      </div>
    </Form>
  );
}
