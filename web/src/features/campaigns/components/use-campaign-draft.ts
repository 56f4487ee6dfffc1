import { useState } from 'react';
import { draftFromCampaign, emptyDraft, inputFromDraft, patchFromDraft, validateDraft, type CampaignDraft, type DraftErrors } from '../form-values';
import { useSaveCampaign } from '../hooks/use-campaigns';
import type { Campaign } from '../types';

/** What the editor's inputs bind to: the draft, its errors, and setters that clear "Campaign saved." on any edit. */
export interface DraftBinding {
  draft: CampaignDraft;
  errors: DraftErrors;
  set: <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) => void;
  /** `value` and `onChange` of a text input bound to one of the draft's text fields. */
  text: (key: keyof CampaignDraft) => { value: string; onChange: (e: { target: { value: string } }) => void };
}

/** The campaign being edited (or created): its draft, checked before it is sent as a POST or, for an existing one, a PATCH. */
export function useCampaignDraft(campaign: Campaign | null, currency: string, onSaved: (campaign: Campaign, created: boolean) => void) {
  const save = useSaveCampaign(campaign?.id ?? null);
  const [draft, setDraft] = useState<CampaignDraft>(() => (campaign ? draftFromCampaign(campaign, currency) : emptyDraft()));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saved, setSaved] = useState(false);
  const status = campaign?.status ?? 'draft';
  const set: DraftBinding['set'] = (key, value) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const text: DraftBinding['text'] = (key) => ({
    value: draft[key] as string,
    onChange: (e) => set(key, e.target.value as never),
  });

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

  const binding: DraftBinding = { draft, errors, set, text };
  return { binding, save, saved, submit };
}
