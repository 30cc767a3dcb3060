import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/domain/roles';

interface RoleCheckboxesProps {
  value: Role[];
  onChange(roles: Role[]): void;
  error?: string | undefined;
}

/** One checkbox per role: a person may hold several (a solo doctor is often also the administrator). */
export function RoleCheckboxes({ value, onChange, error }: RoleCheckboxesProps) {
  const { t } = useTranslation('admin');
  const id = useId();
  const toggle = (role: Role, checked: boolean) =>
    onChange(checked ? ROLES.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role));
  return (
    <fieldset
      className={`admin-roles${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
    >
      <legend>{t('users.form.roles')}</legend>
      {ROLES.map((role) => (
        <label key={role} className="admin-roles__option">
          <input type="checkbox" checked={value.includes(role)} onChange={(e) => toggle(role, e.target.checked)} />
          {t(`roles.${role}`)}
        </label>
      ))}
      <p id={`${id}-hint`} className="field__hint">
        {t('users.form.rolesHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
