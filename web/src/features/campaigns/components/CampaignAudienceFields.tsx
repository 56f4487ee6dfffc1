import { useMemo } from 'react';
import { Checkbox, TagInput, TextField } from '@/components/ui';
import { currencyDigits } from '@/lib/format';
import type { PickLists } from '../api/campaigns';
import { audienceFromDraft } from '../form-values';
import { AudiencePreview } from './AudiencePreview';
import type { DraftBinding } from './use-campaign-draft';

/** Short enough to read whole in the input beside Add at 375 px; Enter or Add adds it. */
export const CATEGORY_PLACEHOLDER = 'Add a category';

/** The segment names of the analytics run's RFM model. */
export const SEGMENTS = ['Champions', 'Loyal', 'Potential Loyalist', 'New', 'Promising', 'Need Attention', 'About to Sleep', "Can't Lose Them", 'At Risk', 'Hibernating', 'Lost'];

interface AudienceProps {
  form: DraftBinding;
  currency: string;
  picks: PickLists | undefined;
  readOnly: boolean;
  locked: boolean;
}

/** Who gets the offer: the filters, with the live count of the customers who match them. */
export function CampaignAudienceFields({ form, currency, picks, readOnly, locked }: AudienceProps) {
  const { draft, errors, set, text } = form;
  const audience = useMemo(() => audienceFromDraft(draft, currency), [draft, currency]);
  const moneyStep = 1 / 10 ** currencyDigits(currency);
  const categories = picks?.categories ?? [];
  return (
    <fieldset className="form-section" disabled={locked}>
      <legend className="form-section__title">Audience</legend>
      <AudiencePreview audience={audience} enabled={!readOnly} />
      <fieldset className="field">
        <legend className="field__label">Segments</legend>
        <div className="checkbox-group">
          {SEGMENTS.map((s) => (
            <Checkbox key={s} label={s} checked={draft.segments.includes(s)} onChange={(e) => set('segments', e.target.checked ? [...draft.segments, s] : draft.segments.filter((x) => x !== s))} />
          ))}
        </div>
        <p className="field__hint">From the latest analytics run. None ticked: any segment.</p>
      </fieldset>
      {(picks?.tiers.length ?? 0) > 0 && (
        <fieldset className="field">
          <legend className="field__label">Tiers</legend>
          <div className="checkbox-group">
            {picks!.tiers.map((t) => (
              <Checkbox key={t.code} label={t.name} checked={draft.tiers.includes(t.code)} onChange={(e) => set('tiers', e.target.checked ? [...draft.tiers, t.code] : draft.tiers.filter((x) => x !== t.code))} />
            ))}
          </div>
        </fieldset>
      )}
      <div className="grid-2">
        <TextField label="Chance still active, at least (%)" name="audience.p_alive.min" inputMode="decimal" {...text('p_alive_min')} error={errors['audience.p_alive.min']} hint="P(alive) from the analytics run, 0–100." />
        <TextField label="Chance still active, at most (%)" name="audience.p_alive.max" inputMode="decimal" {...text('p_alive_max')} error={errors['audience.p_alive.max']} hint="Low values find customers drifting away." />
        <TextField label={`Lifetime value, at least (${currency})`} name="audience.clv_minor.min" inputMode="decimal" step={moneyStep} {...text('clv_min')} error={errors['audience.clv_minor.min']} />
        <TextField label={`Lifetime value, at most (${currency})`} name="audience.clv_minor.max" inputMode="decimal" step={moneyStep} {...text('clv_max')} error={errors['audience.clv_minor.max']} />
      </div>
      <div className="grid-2">
        <TagInput label="Bought any of these categories" values={draft.categories_bought} onChange={(v) => set('categories_bought', v)} suggestions={categories} placeholder={CATEGORY_PLACEHOLDER} />
        <div>
          <TagInput label="But never bought these" values={draft.categories_not_bought} onChange={(v) => set('categories_not_bought', v)} suggestions={categories} placeholder={CATEGORY_PLACEHOLDER} />
          {errors['audience.categories_not_bought'] && <p className="field__error">{errors['audience.categories_not_bought']}</p>}
        </div>
        <TagInput label="Favourite categories (their stated preferences)" values={draft.favorite_categories} onChange={(v) => set('favorite_categories', v)} suggestions={categories} placeholder={CATEGORY_PLACEHOLDER} />
      </div>
    </fieldset>
  );
}
