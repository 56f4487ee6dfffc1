import { SelectField, TextField } from '@/components/ui';
import type { CampaignDraft } from '../form-values';
import { GOALS } from '../labels';
import type { Campaign } from '../types';
import type { DraftBinding } from './use-campaign-draft';

export function CampaignBasicsFields({ form, readOnly, locked }: { form: DraftBinding; readOnly: boolean; locked: boolean }) {
  const { draft, errors, set, text } = form;
  return (
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
  );
}

interface TimingProps {
  form: DraftBinding;
  campaign: Campaign | null;
  currency: string;
  readOnly: boolean;
  locked: boolean;
}

export function CampaignTimingFields({ form, campaign, currency, readOnly, locked }: TimingProps) {
  const { errors, text } = form;
  // A live campaign may end later, never earlier.
  const earliestEnd = campaign?.status === 'live' ? campaign.ends_at.slice(0, 10) : undefined;
  return (
    <fieldset className="form-section" disabled={readOnly}>
      <legend className="form-section__title">Timing and limits</legend>
      <div className="grid-2">
        <TextField label="First day" name="starts_at" type="date" {...text('starts_on')} error={errors.starts_at} disabled={locked} />
        <TextField label="Last day" name="ends_at" type="date" {...text('ends_on')} error={errors.ends_at} min={earliestEnd} />
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
  );
}
