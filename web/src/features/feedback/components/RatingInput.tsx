import { useFieldError } from '@/components/ui';

const LABELS = ['Very poor', 'Poor', 'Okay', 'Good', 'Excellent'];

/** Five radio buttons drawn as stars; a fieldset with a legend for screen readers. */
export function RatingInput({ value, onChange, name = 'rating', error }: { value: number; onChange: (v: number) => void; name?: string; error?: string }) {
  const apiError = useFieldError(name);
  const shown = error ?? apiError;
  return (
    <fieldset className={['field', 'rating', shown && 'field--invalid'].filter(Boolean).join(' ')} role="radiogroup">
      <legend className="field__label">How was your experience?</legend>
      <div className="rating__stars">
        {LABELS.map((label, i) => {
          const score = i + 1;
          return (
            <label key={score} className={['rating__star', score <= value && 'rating__star--on'].filter(Boolean).join(' ')}>
              <input type="radio" name={name} value={score} checked={value === score} onChange={() => onChange(score)} className="visually-hidden" />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">
                {score} star{score === 1 ? '' : 's'}, {label}
              </span>
            </label>
          );
        })}
        <span className="rating__text muted" aria-hidden="true">
          {value ? LABELS[value - 1] : 'Choose a rating'}
        </span>
      </div>
      {shown && <p className="field__error">{shown}</p>}
    </fieldset>
  );
}
