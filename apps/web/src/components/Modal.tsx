import { Heading } from '@amsterdam/design-system-react';
import { type ReactNode, useEffect, useId, useRef } from 'react';

interface ModalProps {
  open: boolean;
  heading: string;
  children: ReactNode;
  footer?: ReactNode;
  /** Called when the dialog is dismissed with Escape. Leave out to make Escape do nothing. */
  onDismiss?: () => void;
  testId?: string;
}

/**
 * A modal dialog on the native <dialog> (focus is kept inside, Escape dismisses, focus returns to the
 * opener), styled with the design system's dialog classes and labelled by its heading.
 */
export function Modal({ open, heading, children, footer, onDismiss, testId }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const restoreFocus = () => {
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
      opener.current = null;
    };
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      // showModal() focuses the first focusable element; a field or button can ask for the focus instead.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      restoreFocus();
    }
    // Unmounted while open (the parent removed it): give the focus back as well.
    return () => {
      if (!dialog.isConnected && opener.current) restoreFocus();
    };
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="ams-dialog gp-dialog"
      aria-labelledby={headingId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onDismiss?.();
      }}
    >
      {open && (
        <>
          <header className="ams-dialog__header">
            <Heading level={2} size="level-3" id={headingId}>
              {heading}
            </Heading>
          </header>
          <div className="ams-dialog__body">{children}</div>
          {footer && <footer className="ams-dialog__footer">{footer}</footer>}
        </>
      )}
    </dialog>
  );
}
