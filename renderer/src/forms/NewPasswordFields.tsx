import { TextField } from '../ui';

export interface NewPasswordFieldsProps {
  labels: { password: string; confirm: string };
  /** The rules a new password must meet (length, not the user name, not a common one). */
  hint: string;
  password: string;
  confirm: string;
  onPassword(value: string): void;
  onConfirm(value: string): void;
  errors: { password?: string; confirm?: string };
}

/**
 * A new password typed twice, as every place that sets one asks for it (adding an account, an
 * administrator's reset, the change at the next sign-in): both fields tell the browser and password
 * managers it is a new password, and each shows its own error.
 */
export function NewPasswordFields({
  labels,
  hint,
  password,
  confirm,
  onPassword,
  onConfirm,
  errors,
}: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        label={labels.password}
        hint={hint}
        type="password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        error={errors.password}
        autoComplete="new-password"
        required
      />
      <TextField
        label={labels.confirm}
        type="password"
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
        error={errors.confirm}
        autoComplete="new-password"
        required
      />
    </>
  );
}
