import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Card, Dialog, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api-error';
import { downloadJson } from '@/lib/download';
import { deleteMyAccount, exportMyData } from '../api/me';

const CONFIRM_WORD = 'DELETE';

/** Export (GDPR access) and account deletion (erasure), with a typed confirmation. */
export function DataControls({ onDeleted }: { onDeleted: () => void }) {
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const exportMutation = useMutation({
    mutationFn: exportMyData,
    onSuccess: (data) => downloadJson(data, `patron-export-${new Date().toISOString().slice(0, 10)}.json`),
  });
  const deleteMutation = useMutation({ mutationFn: deleteMyAccount, onSuccess: onDeleted });
  const close = () => {
    setConfirmOpen(false);
    setTyped('');
    deleteMutation.reset();
  };
  return (
    <Card title="Your data">
      <div className="stack">
        <div className="row-between wrap data-row">
          <div>
            <h3 className="subheading">Export my data</h3>
            <p className="muted">Download everything Patron holds about you as a JSON file.</p>
          </div>
          <Button variant="secondary" loading={exportMutation.isPending} onClick={() => exportMutation.mutate()}>
            Export
          </Button>
        </div>
        {exportMutation.isError && <Alert tone="danger">{errorMessage(exportMutation.error)}</Alert>}
        {exportMutation.isSuccess && <Alert tone="success">Your export has been downloaded.</Alert>}
        <hr className="divider" />
        <div className="row-between wrap data-row">
          <div>
            <h3 className="subheading">Delete my account</h3>
            <p className="muted">Your personal data is erased. Your points and rewards are lost.</p>
          </div>
          <Button variant="danger" onClick={() => setConfirmOpen(true)}>
            Delete account
          </Button>
        </div>
      </div>
      <Dialog
        open={confirmOpen}
        title="Delete your account?"
        onClose={close}
        busy={deleteMutation.isPending}
        footer={
          <>
            <Button variant="ghost" onClick={close} disabled={deleteMutation.isPending}>
              Keep my account
            </Button>
            <Button variant="danger" disabled={typed !== CONFIRM_WORD} loading={deleteMutation.isPending} onClick={() => deleteMutation.mutate()}>
              Delete forever
            </Button>
          </>
        }
      >
        <p>This cannot be undone. Your points balance, tier and vouchers will be gone.</p>
        {deleteMutation.isError && <Alert tone="danger">{errorMessage(deleteMutation.error)}</Alert>}
        <TextField label={`Type ${CONFIRM_WORD} to confirm`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      </Dialog>
    </Card>
  );
}
