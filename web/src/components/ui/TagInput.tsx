import { useId, useState, type KeyboardEvent } from 'react';

interface TagInputProps {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  suggestions?: string[];
  hint?: string;
  /** How a value reads on its chip and suggestion ("bakery" → "Bakery"); the value itself is kept as is. */
  format?: (value: string) => string;
}

/** The chosen values as chips, each with its remove button. */
function TagChips({ label, values, format, onRemove }: { label: string; values: string[]; format: (value: string) => string; onRemove: (value: string) => void }) {
  if (values.length === 0) return null;
  return (
    <ul className="chips" aria-label={`Selected ${label.toLowerCase()}`}>
      {values.map((value) => (
        <li key={value} className="chip">
          <span>{format(value)}</span>
          <button type="button" className="chip__remove" aria-label={`Remove ${format(value)}`} onClick={() => onRemove(value)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A list of short strings: type and press Enter (or Add); each chip has a remove button. */
export function TagInput({ label, values, onChange, placeholder, suggestions = [], hint, format: display }: TagInputProps) {
  const format = display ?? ((value: string) => value);
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = (raw: string) => {
    const value = raw.trim();
    if (!value || values.some((v) => v.toLowerCase() === value.toLowerCase())) {
      setDraft('');
      return;
    }
    // With a display format, typed "Bakery" for the suggested "bakery" keeps the catalog's value.
    const known = display ? suggestions.find((s) => s.toLowerCase() === value.toLowerCase() || display(s).toLowerCase() === value.toLowerCase()) : undefined;
    onChange([...values, known ?? value]);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && !draft && values.length) {
      onChange(values.slice(0, -1));
    }
  };
  const open = suggestions.filter((s) => !values.includes(s));
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <TagChips label={label} values={values} format={format} onRemove={(value) => onChange(values.filter((v) => v !== value))} />
      <div className="tag-input">
        <input
          id={id}
          className="input"
          value={draft}
          placeholder={placeholder}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <button type="button" className="btn btn--secondary" onClick={() => add(draft)} disabled={!draft.trim()}>
          <span className="btn__label">Add</span>
        </button>
      </div>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {open.length > 0 && (
        <div className="suggestions" aria-label={`Suggested ${label.toLowerCase()}`} role="group">
          {open.map((s) => (
            <button key={s} type="button" className="chip chip--suggestion" onClick={() => add(s)}>
              + {format(s)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
