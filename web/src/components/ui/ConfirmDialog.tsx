import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/api-error';
import { Alert } from './Alert';
import { Button, type ButtonProps } from './Button';
import { Dialog } from './Dialog';

/** The request the confirmation starts (a mutation): while pending it locks the dialog, its error shows in it. */
interface ConfirmedRequest {
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  request: ConfirmedRequest;
  confirmLabel: ReactNode;
  confirmVariant?: ButtonProps['variant'];
  onConfirm: () => void;
  /** What the confirmation will do, in words. */
  children: ReactNode;
}

/** Asks before a request that is not easily undone: Cancel, or the button that sends it. */
export function ConfirmDialog({ open, title, onClose, request, confirmLabel, confirmVariant = 'danger', onConfirm, children }: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      busy={request.isPending}
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={request.isPending}>
            Cancel
          </Button>
          <Button variant={confirmVariant} loading={request.isPending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {request.isError && <Alert tone="danger">{errorMessage(request.error)}</Alert>}
    </Dialog>
  );
}
