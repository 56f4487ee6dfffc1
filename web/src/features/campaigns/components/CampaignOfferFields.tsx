import { Checkbox, SelectField, TextField } from '@/components/ui';
import type { OfferKind } from '@/types/offers';
import type { PickLists } from '../api/campaigns';
import type { CampaignDraft } from '../form-values';
import { OFFER_KINDS } from '../labels';
import type { DraftBinding } from './use-campaign-draft';

function categoryHint(kind: OfferKind): string {
  if (kind === 'bonus_points') return 'Optional: only purchases in this category count.';
  if (kind === 'percent_off') return 'The category the discount applies to.';
  return 'The category the extra points apply to.';
}

/** What the offer applies to: a category (typed, with the catalog's as suggestions) or one product. */
function OfferTargetFields({ form, picks }: { form: DraftBinding; picks: PickLists | undefined }) {
  const { draft, errors, set, text } = form;
  return (
    <>
      <TextField label="Category" name="offer.category" list="campaign-categories" {...text('category')} error={errors['offer.category']} hint={categoryHint(draft.kind)} />
      <datalist id="campaign-categories">
        {(picks?.categories ?? []).map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <SelectField label="Or one product" name="offer.sku" value={draft.sku} onChange={(e) => set('sku', e.target.value)} hint="Optional.">
        <option value="">Any product in the category</option>
        {(picks?.products ?? []).map((p) => (
          <option key={p.sku} value={p.sku}>
            {p.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** The offer: its kind, the inputs that kind needs, and how it is applied. */
export function CampaignOfferFields({ form, currency, picks, locked }: { form: DraftBinding; currency: string; picks: PickLists | undefined; locked: boolean }) {
  const { draft, errors, set, text } = form;
  const kind = draft.kind;
  return (
    <fieldset className="form-section" disabled={locked}>
      <legend className="form-section__title">Offer</legend>
      <SelectField label="Kind of offer" name="offer.kind" value={kind} onChange={(e) => set('kind', e.target.value as CampaignDraft['kind'])}>
        {OFFER_KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </SelectField>
      <div className="grid-2">
        {kind === 'bonus_multiplier' && (
          <TextField label="Points multiplier" name="offer.multiplier" inputMode="decimal" {...text('multiplier')} error={errors['offer.multiplier']} hint="3 gives triple points." />
        )}
        {kind === 'bonus_points' && <TextField label="Bonus points" name="offer.points" inputMode="numeric" {...text('points')} error={errors['offer.points']} />}
        {kind === 'percent_off' && <TextField label="Discount (%)" name="offer.percent" inputMode="decimal" {...text('percent')} error={errors['offer.percent']} />}
        {kind === 'free_reward' && (
          <SelectField label="Reward" name="offer.reward_id" value={draft.reward_id} onChange={(e) => set('reward_id', e.target.value)} error={errors['offer.reward_id']}>
            <option value="">Choose a reward…</option>
            {(picks?.rewards ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </SelectField>
        )}
        {kind !== 'free_reward' && <OfferTargetFields form={form} picks={picks} />}
        <TextField label={`Minimum spend (${currency})`} name="offer.min_spend_minor" inputMode="decimal" {...text('min_spend')} error={errors['offer.min_spend_minor']} hint="Optional: the basket must reach this." />
      </div>
      <Checkbox label="Apply automatically at the till (no activation needed)" checked={draft.auto_apply} onChange={(e) => set('auto_apply', e.target.checked)} />
    </fieldset>
  );
}
