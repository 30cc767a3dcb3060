import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';

interface FieldFrameProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}

/** Label, control, hint and error wired together so screen readers announce all three. */
function FieldFrame({ label, error, hint, children }: FieldFrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy })}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The most characters a field takes. Never a native maxLength: that cuts pasted text silently and
 * the cut text would be saved. Over the limit, the field says so (ahead of the schema's own refusal
 * on save) and keeps every character typed, so nothing is lost while it is shortened.
 */
function useOverLimit(value: unknown, limit: number | undefined, error: string | undefined): string | undefined {
  const { t } = useTranslation('common');
  if (error || limit === undefined || typeof value !== 'string' || value.length <= limit) return error;
  return t('tooLong', { count: value.length, limit });
}

type TextFieldProps = {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** Most characters accepted: more is kept and refused with a message, never cut. */
  limit?: number | undefined;
  ref?: Ref<HTMLInputElement> | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'maxLength'>;

/**
 * Text fields say autocomplete="off" unless told otherwise: what is typed about patients must not be
 * kept by the browser, neither in its autofill history nor in the form state it saves with a page for
 * session restore (Blink saves no state for controls that may not autocomplete). Drafts are kept in
 * main instead (docs/ARCHITECTURE.md, "Drafts"). Sign-in and set-up name their own purposes.
 */
export function TextField({ label, error, hint, limit, ...input }: TextFieldProps) {
  const shown = useOverLimit(input.value, limit, error);
  return (
    <FieldFrame label={label} error={shown} hint={hint}>
      {({ id, describedBy }) => (
        <input id={id} autoComplete="off" aria-invalid={!!error} aria-describedby={describedBy} {...input} />
      )}
    </FieldFrame>
  );
}

type TextAreaFieldProps = {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** Most characters accepted: more is kept and refused with a message, never cut. */
  limit?: number | undefined;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'maxLength'>;

export function TextAreaField({ label, error, hint, limit, ...area }: TextAreaFieldProps) {
  const shown = useOverLimit(area.value, limit, error);
  return (
    <FieldFrame label={label} error={shown} hint={hint}>
      {({ id, describedBy }) => (
        <textarea id={id} autoComplete="off" aria-invalid={!!error} aria-describedby={describedBy} {...area} />
      )}
    </FieldFrame>
  );
}

type SelectFieldProps = {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  options: { value: string; label: string }[];
  ref?: Ref<HTMLSelectElement> | undefined;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>;

export function SelectField({ label, error, hint, options, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {({ id, describedBy }) => (
        <select id={id} aria-invalid={!!error} aria-describedby={describedBy} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
