import { Alert, Button, Form } from '@/components/ui';
import { usePickLists, useProgramCurrency } from '../hooks/use-campaigns';
import type { Campaign } from '../types';
import { CampaignAudienceFields } from './CampaignAudienceFields';
import { CampaignBasicsFields, CampaignTimingFields } from './CampaignEditorFields';
import { CampaignOfferFields } from './CampaignOfferFields';
import { useCampaignDraft } from './use-campaign-draft';

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
  const { binding, save, saved, submit } = useCampaignDraft(campaign, currency, onSaved);
  const status = campaign?.status ?? 'draft';
  const readOnly = !canEdit || status === 'ended';
  const locked = readOnly || status === 'live'; // measurement-defining fields

  return (
    <Form aria-label={campaign ? 'Edit campaign' : 'New campaign'} onSubmit={submit} error={save.error} success={saved ? 'Campaign saved.' : undefined} className="campaign-form">
      {Object.keys(binding.errors).length > 0 && <Alert tone="danger">Some fields need a look: see the messages below.</Alert>}
      {status === 'live' && canEdit && (
        <Alert tone="info">This campaign is live: its audience, offer and control group are fixed so the report stays fair. You can rename it, end it later or raise its budget.</Alert>
      )}
      <CampaignBasicsFields form={binding} readOnly={readOnly} locked={locked} />
      <CampaignAudienceFields form={binding} currency={currency} picks={picks.data} readOnly={readOnly} locked={locked} />
      <CampaignOfferFields form={binding} currency={currency} picks={picks.data} locked={locked} />
      <CampaignTimingFields form={binding} campaign={campaign} currency={currency} readOnly={readOnly} locked={locked} />
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
