import { useId, type InputHTMLAttributes } from 'react';

type CheckboxFieldProps = { label: string; hint?: string | undefined } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type'
>;

/** A checkbox with its label beside it (the whole label is clickable) and an optional hint below. */
export function CheckboxField({ label, hint, ...input }: CheckboxFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field field--checkbox">
      <div className="field__row">
        <input id={id} type="checkbox" aria-describedby={hintId} {...input} />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
