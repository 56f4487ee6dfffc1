import { describe, expect, it } from 'vitest';
import { audienceFromDraft, draftFromCampaign, emptyDraft, inputFromDraft, validateDraft } from './form-values';
import { CAMPAIGN } from './testing/fixtures';

describe('campaign draft', () => {
  it('round-trips a campaign: percentages and money in words, back to ratios and minor units', () => {
    const draft = draftFromCampaign(CAMPAIGN, 'USD');
    expect(draft.p_alive_min).toBe('20');
    expect(draft.p_alive_max).toBe('60');
    expect(draft.clv_min).toBe('50.00');
    expect(draft.control_percent).toBe('10');
    const input = inputFromDraft(draft, 'USD');
    expect(input.audience).toEqual(CAMPAIGN.audience);
    expect(input.offer).toEqual({ kind: 'bonus_multiplier', category: 'Coffee', multiplier: 3, auto_apply: false });
    expect(input.control_share).toBe(0.1);
    expect(input.per_customer_cap).toBe(1);
  });

  it('leaves half-typed numbers out of the audience preview', () => {
    const draft = { ...emptyDraft(), p_alive_min: '2x', clv_max: '100' };
    expect(audienceFromDraft(draft, 'USD')).toEqual({ clv_minor: { max: 10000 } });
  });

  it('names the field of each problem by its API path', () => {
    const draft = { ...emptyDraft(), name: ' ', multiplier: '1', category: '', p_alive_min: '80', p_alive_max: '20', control_percent: '70', ends_on: '2000-01-01' };
    const errors = validateDraft(draft, 'USD');
    expect(Object.keys(errors).sort()).toEqual(['audience.p_alive.max', 'control_share', 'ends_at', 'name', 'offer.category', 'offer.multiplier']);
    expect(validateDraft({ ...emptyDraft(), name: 'Coffee lovers', category: 'Coffee' }, 'USD')).toEqual({});
  });
});
