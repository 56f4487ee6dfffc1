import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Form, SelectField, TagInput, TextField } from '@/components/ui';
import { currencyDigits } from '@/lib/format';
import { audienceFromDraft, draftFromCampaign, emptyDraft, inputFromDraft, patchFromDraft, validateDraft, type CampaignDraft, type DraftErrors } from '../form-values';
import { usePickLists, useProgramCurrency, useSaveCampaign } from '../hooks/use-campaigns';
import { GOALS, OFFER_KINDS } from '../labels';
import type { Campaign } from '../types';
import { AudiencePreview } from './AudiencePreview';

/** The segment names of the analytics run's RFM model. */
export const SEGMENTS = ['Champions', 'Loyal', 'Potential Loyalist', 'New', 'Promising', 'Need Attention', 'About to Sleep', "Can't Lose Them", 'At Risk', 'Hibernating', 'Lost'];

interface EditorProps {
  campaign: Campaign | null;
  canEdit: boolean;
  onSaved: (campaign: Campaign, created: boolean) => void;
  onCancel?: () => void;
}

/**
 * Creates a campaign or edits one. A live campaign keeps its audience, offer
 * and control group (they define what is measured): only the name, a later
 * end and a higher budget can change. An ended campaign is read-only, and so
 * is everything for staff who are not admins.
 */
export function CampaignEditor({ campaign, canEdit, onSaved, onCancel }: EditorProps) {
  const currency = useProgramCurrency();
  const picks = usePickLists();
  const save = useSaveCampaign(campaign?.id ?? null);
  const [draft, setDraft] = useState<CampaignDraft>(() => (campaign ? draftFromCampaign(campaign, currency) : emptyDraft()));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saved, setSaved] = useState(false);
  const status = campaign?.status ?? 'draft';
  const readOnly = !canEdit || status === 'ended';
  const locked = readOnly || status === 'live'; // measurement-defining fields
  const audience = useMemo(() => audienceFromDraft(draft, currency), [draft, currency]);
  const set = <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const text = (key: keyof CampaignDraft) => ({
    value: draft[key] as string,
    onChange: (e: { target: { value: string } }) => set(key, e.target.value as never),
  });
  const moneyStep = 1 / 10 ** currencyDigits(currency);
  const categories = picks.data?.categories ?? [];
  const kind = draft.kind;

  const submit = () => {
    const found = validateDraft(draft, currency);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = campaign ? patchFromDraft(draft, currency, status) : inputFromDraft(draft, currency);
    save.mutate(body, {
      onSuccess: (c) => {
        setSaved(true);
        onSaved(c, !campaign);
      },
    });
  };

  return (
    <Form aria-label={campaign ? 'Edit campaign' : 'New campaign'} onSubmit={submit} error={save.error} success={saved ? 'Campaign saved.' : undefined} className="campaign-form">
      {Object.keys(errors).length > 0 && <Alert tone="danger">Some fields need a look: see the messages below.</Alert>}
      {status === 'live' && canEdit && (
        <Alert tone="info">This campaign is live: its audience, offer and control group are fixed so the report stays fair. You can rename it, end it later or raise its budget.</Alert>
      )}
      <fieldset className="form-section" disabled={readOnly}>
        <legend className="form-section__title">Basics</legend>
        <div className="grid-2">
          <TextField label="Name" name="name" {...text('name')} error={errors.name} maxLength={120} />
          <SelectField label="Goal" name="goal" value={draft.goal} onChange={(e) => set('goal', e.target.value as CampaignDraft['goal'])} disabled={locked} hint={GOALS.find((g) => g.value === draft.goal)?.hint}>
            {GOALS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>

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
        {(picks.data?.tiers.length ?? 0) > 0 && (
          <fieldset className="field">
            <legend className="field__label">Tiers</legend>
            <div className="checkbox-group">
              {picks.data!.tiers.map((t) => (
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
          <TagInput label="Bought any of these categories" values={draft.categories_bought} onChange={(v) => set('categories_bought', v)} suggestions={categories} placeholder="Type a category, press Enter" />
          <div>
            <TagInput label="But never bought these" values={draft.categories_not_bought} onChange={(v) => set('categories_not_bought', v)} suggestions={categories} placeholder="Type a category, press Enter" />
            {errors['audience.categories_not_bought'] && <p className="field__error">{errors['audience.categories_not_bought']}</p>}
          </div>
          <TagInput label="Favourite categories (their stated preferences)" values={draft.favorite_categories} onChange={(v) => set('favorite_categories', v)} suggestions={categories} placeholder="Type a category, press Enter" />
        </div>
      </fieldset>

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
              {(picks.data?.rewards ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </SelectField>
          )}
          {kind !== 'free_reward' && (
            <>
              <TextField
                label="Category"
                name="offer.category"
                list="campaign-categories"
                {...text('category')}
                error={errors['offer.category']}
                hint={kind === 'bonus_points' ? 'Optional: only purchases in this category count.' : kind === 'percent_off' ? 'The category the discount applies to.' : 'The category the extra points apply to.'}
              />
              <datalist id="campaign-categories">
                {categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
              <SelectField label="Or one product" name="offer.sku" value={draft.sku} onChange={(e) => set('sku', e.target.value)} hint="Optional.">
                <option value="">Any product in the category</option>
                {(picks.data?.products ?? []).map((p) => (
                  <option key={p.sku} value={p.sku}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
            </>
          )}
          <TextField label={`Minimum spend (${currency})`} name="offer.min_spend_minor" inputMode="decimal" {...text('min_spend')} error={errors['offer.min_spend_minor']} hint="Optional: the basket must reach this." />
        </div>
        <Checkbox label="Apply automatically at the till (no activation needed)" checked={draft.auto_apply} onChange={(e) => set('auto_apply', e.target.checked)} />
      </fieldset>

      <fieldset className="form-section" disabled={readOnly}>
        <legend className="form-section__title">Timing and limits</legend>
        <div className="grid-2">
          <TextField label="First day" name="starts_at" type="date" {...text('starts_on')} error={errors.starts_at} disabled={locked} />
          <TextField label="Last day" name="ends_at" type="date" {...text('ends_on')} error={errors.ends_at} min={status === 'live' ? campaign?.ends_at.slice(0, 10) : undefined} />
          <TextField label="Budget (points)" name="budget_points" inputMode="numeric" {...text('budget_points')} error={errors.budget_points} hint="Leave empty for no limit. A live campaign's budget can only go up." />
          <TextField label={`Budget (${currency})`} name="budget_minor" inputMode="decimal" {...text('budget_money')} error={errors.budget_minor} hint="What the offers may cost, a point counted at one cent. Leave empty for no limit." />
          <TextField label="Offers per customer" name="per_customer_cap" inputMode="numeric" {...text('per_customer_cap')} error={errors.per_customer_cap} disabled={locked} />
          <TextField
            label="Control group (% of the audience)"
            name="control_share"
            inputMode="decimal"
            {...text('control_percent')}
            error={errors.control_share}
            disabled={locked}
            hint="These customers get no offer, so the report can measure what the offer changed. 10 % is usual; at most 50 %."
          />
        </div>
      </fieldset>

      {!readOnly && (
        <div className="form-actions">
          <Button type="submit" loading={save.isPending}>
            {campaign ? 'Save changes' : 'Create campaign'}
          </Button>
          {onCancel && (
            <Button variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </div>
      )}
    </Form>
  );
}
