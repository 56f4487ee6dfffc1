import { useState } from 'react';
import { Button, Form, SelectField, TextArea, TextField } from '@/components/ui';
import { applicableFields, initialChoices, initialValue, toPayload, type FieldErrors } from '../form-values';
import type { FieldDef, Item, ResourceConfig } from '../types';
import { ReferencesField } from './ReferencesField';

interface ResourceFormProps {
  config: ResourceConfig;
  /** The resource's fields from the server's catalog schema. */
  fields: FieldDef[];
  item: Item | null;
  error: unknown;
  pending: boolean;
  onSubmit: (payload: Item) => void;
  onCancel: () => void;
}

function FieldInput({ field, item, error, onChoice }: { field: FieldDef; item: Item | null; error?: string; onChoice: (value: string) => void }) {
  // A money field whose currency the program fixes says which it is; a product's price follows its currency field.
  const label = field.kind === 'money' && field.currency ? `${field.label} (${field.currency})` : field.label;
  const common = { label, name: field.name, required: field.required, hint: field.hint ?? undefined, error, defaultValue: initialValue(field, item) };
  switch (field.kind) {
    case 'long_text':
      return <TextArea {...common} rows={3} />;
    case 'integer':
      // The schema's bounds are checked on submit (form-values), with the server's words, not the browser's bubble.
      return <TextField {...common} type="number" step={1} inputMode="numeric" />;
    case 'money':
      return <TextField {...common} inputMode="decimal" hint={field.hint ?? 'In the currency above, for example 4.99.'} />;
    case 'instant':
      return <TextField {...common} type="datetime-local" />;
    case 'permille':
      return <TextField {...common} inputMode="decimal" />;
    case 'currency':
      return <TextField {...common} autoComplete="off" maxLength={3} />;
    case 'references':
      return <ReferencesField field={field} item={item} error={error} />;
    case 'choice':
      return (
        <SelectField {...common} onChange={(e) => onChoice(e.target.value)}>
          {!field.required && <option value="">—</option>}
          {field.choices.map((o) => (
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

export function ResourceForm({ config, fields: allFields, item, error, pending, onSubmit, onCancel }: ResourceFormProps) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [choices, setChoices] = useState(() => initialChoices(allFields, item));
  const fields = applicableFields(allFields, choices);
  return (
    <Form
      aria-label={`${item ? 'Edit' : 'New'} ${config.singular}`}
      error={error}
      onSubmit={(data) => {
        const { payload, errors: found } = toPayload(fields, data);
        setErrors(found);
        if (Object.keys(found).length === 0) onSubmit(payload);
      }}
    >
      {fields.map((field) => (
        <FieldInput key={field.name} field={field} item={item} error={errors[field.name]} onChoice={(value) => setChoices((c) => ({ ...c, [field.name]: value }))} />
      ))}
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
