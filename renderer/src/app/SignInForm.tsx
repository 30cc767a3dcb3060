import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../api/channel-hooks';
import { contract } from '../../../shared/contract';
import type { SessionInfo } from '../../../shared/domain/user';
import { Notice, TextField } from '../ui';
import { errorMessage, fieldErrors } from '../forms/field-errors';

interface SignInFormProps {
  initialUsername?: string;
  submitLabel: string;
  onSignedIn(session: SessionInfo): void;
  /** Where the form sits: the user name is focused on the sign-in page, the password on the lock screen. */
  autoFocus: 'username' | 'password';
}

/** User name and password; main's answer (wrong password, account locked until…, disabled) shown as an alert. */
export function SignInForm({ initialUsername = '', submitLabel, onSignedIn, autoFocus }: SignInFormProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const signIn = useChannelMutation('auth.signIn');
  const busy = signIn.isPending;
  const passwordRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const parsed = contract['auth.signIn'].input.safeParse({ username, password });
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      setErrors(fields);
      setMessage(null);
      (fields.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setErrors({});
    setMessage(null);
    try {
      onSignedIn(await signIn.mutateAsync({ username, password }));
    } catch (error) {
      setMessage(errorMessage(error));
      setErrors(fieldErrors(error));
      // A failed password is never kept around; the user name is.
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {message && <Notice tone="error">{message}</Notice>}
      <TextField
        ref={usernameRef}
        label={t('signIn.username')}
        error={errors.username}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus={autoFocus === 'username'}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <TextField
        ref={passwordRef}
        label={t('signIn.password')}
        error={errors.password}
        type="password"
        autoComplete="current-password"
        autoFocus={autoFocus === 'password'}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('signIn.submitting') : submitLabel}
        </button>
      </div>
    </form>
  );
}
