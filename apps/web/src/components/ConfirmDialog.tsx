import { ActionGroup, Button, Paragraph } from '@amsterdam/design-system-react';
import type { ReactNode } from 'react';
import { Modal } from './Modal';

interface ConfirmDialogProps {
  open: boolean;
  heading: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a destructive or far-reaching action; "Annuleren" has the focus, so Enter does no harm. */
export function ConfirmDialog({
  open,
  heading,
  children,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Modal
      open={open}
      heading={heading}
      onDismiss={onCancel}
      testId="confirm-dialog"
      footer={
        <ActionGroup>
          <Button variant="primary" onClick={onConfirm} disabled={busy} aria-disabled={busy}>
            {busy ? 'Bezig…' : confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onCancel} data-autofocus>
            Annuleren
          </Button>
        </ActionGroup>
      }
    >
      {typeof children === 'string' ? <Paragraph>{children}</Paragraph> : children}
    </Modal>
  );
}
