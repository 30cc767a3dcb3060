import { useId, type FormEvent, type ReactNode, type Ref } from 'react';
import { Dialog } from './Dialog';

interface FormDialogProps {
  title: string;
  onClose: () => void;
  /** Enter in a field or the submit button; the form is `noValidate` (main's messages are the ones shown). */
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  cancelLabel: string;
  /** While saving: the submit button waits. */
  busy: boolean;
  /** The form's class, for its layout. */
  className: string;
  /** The submit button as the dialog's main action. */
  primary?: boolean;
  formRef?: Ref<HTMLFormElement>;
  children: ReactNode;
}

/**
 * A modal holding one form: Cancel and the submit button at the bottom (the button submits the form
 * from outside it, so the actions stay in the dialog's footer), the title naming the dialog.
 */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  submitLabel,
  cancelLabel,
  busy,
  className,
  primary = false,
  formRef,
  children,
}: FormDialogProps) {
  const formId = useId();
  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            {cancelLabel}
          </button>
          <button type="submit" form={formId} className={primary ? 'primary' : undefined} disabled={busy}>
            {submitLabel}
          </button>
        </>
      }
    >
      <form id={formId} ref={formRef} className={className} onSubmit={onSubmit} noValidate>
        {children}
      </form>
    </Dialog>
  );
}
