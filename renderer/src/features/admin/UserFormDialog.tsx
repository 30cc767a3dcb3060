import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../api/channel-hooks';
import { USER_READS } from './user-reads';
import { FormDialog, Notice, TextField } from '../../ui';
import type { Role } from '../../../../shared/domain/roles';
import { PASSWORD_MIN_LENGTH, type User } from '../../../../shared/domain/user';
import { RoleCheckboxes } from './RoleCheckboxes';
import { NewPasswordFields } from '../../forms/NewPasswordFields';
import { useSessionStore } from '../../app/session-store';
import { errorMessage, fieldErrors, topLevelField } from '../../forms/field-errors';

interface UserFormDialogProps {
  /** The account to edit; absent to add a new one. */
  user?: User;
  onClose(): void;
  onSaved(user: User): void;
}

/** Adds an account (name, user name, password twice, roles) or edits an existing one's name and roles. */
export function UserFormDialog({ user, onClose, onSaved }: UserFormDialogProps) {
  const { t } = useTranslation('admin');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [qualifications, setQualifications] = useState(user?.qualifications ?? '');
  const [registrationNumber, setRegistrationNumber] = useState(user?.registrationNumber ?? '');
  // What a prescription prints under a doctor's name; kept (not cleared) if the role is unticked.
  const isDoctor = roles.includes('doctor');
  const [currentPassword, setCurrentPassword] = useState('');
  const myId = useSessionStore((s) => s.session?.userId);
  // Main asks for the password again when administrators change their own roles.
  const ownRolesChange =
    !!user && user.id === myId && (roles.length !== user.roles.length || roles.some((r) => !user.roles.includes(r)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  const update = useChannelMutation('users.update', { invalidates: USER_READS });
  const create = useChannelMutation('users.create', { invalidates: USER_READS });
  const busy = update.isPending || create.isPending;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (roles.length === 0) local.roles = t('users.form.rolesRequired');
    if (!user && password !== confirm) local.confirm = t('users.form.passwordsDiffer');
    if (Object.keys(local).length) {
      setErrors(local);
      setAlert('');
      return;
    }
    try {
      const saved = user
        ? await update.mutateAsync({
            id: user.id,
            version: user.version,
            displayName,
            roles,
            qualifications,
            registrationNumber,
            // Left out when empty, so main says what it needs rather than "enter your password".
            ...(ownRolesChange && currentPassword ? { currentPassword } : {}),
          })
        : await create.mutateAsync({ username, displayName, password, roles, qualifications, registrationNumber });
      onSaved(saved);
    } catch (error) {
      const fields = fieldErrors(error, topLevelField);
      setErrors(fields);
      // A message tied to a field is shown there; only say it again on top when no field carries it.
      setAlert(Object.keys(fields).length ? '' : errorMessage(error));
    }
  }

  const title = user ? t('users.form.editTitle', { name: user.displayName }) : t('users.form.addTitle');
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={user ? t('users.form.save') : t('users.form.create')}
      cancelLabel={t('cancel')}
      busy={busy}
      className="admin-dialog-form"
    >
      {alert && <Notice tone="error">{alert}</Notice>}
      <TextField
        label={t('users.form.displayName')}
        hint={t('users.form.displayNameHint')}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={errors.displayName}
        autoComplete="off"
        required
      />
      {!user && (
        <>
          <TextField
            label={t('users.form.username')}
            hint={t('users.form.usernameHint')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={errors.username}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <NewPasswordFields
            labels={{ password: t('users.form.password'), confirm: t('users.form.confirmPassword') }}
            hint={t('users.form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            errors={errors}
          />
        </>
      )}
      <RoleCheckboxes value={roles} onChange={setRoles} error={errors.roles} />
      {isDoctor && (
        <>
          <TextField
            label={t('users.form.qualifications')}
            hint={t('users.form.qualificationsHint')}
            value={qualifications}
            onChange={(e) => setQualifications(e.target.value)}
            error={errors.qualifications}
            autoComplete="off"
          />
          <TextField
            label={t('users.form.registrationNumber')}
            hint={t('users.form.registrationNumberHint')}
            value={registrationNumber}
            onChange={(e) => setRegistrationNumber(e.target.value)}
            error={errors.registrationNumber}
            autoComplete="off"
            spellCheck={false}
          />
        </>
      )}
      {ownRolesChange && (
        <TextField
          label={t('users.form.currentPassword')}
          hint={t('users.form.currentPasswordHint')}
          type="password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={errors.currentPassword}
          autoComplete="current-password"
          required
        />
      )}
    </FormDialog>
  );
}
