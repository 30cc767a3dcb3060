import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSessionStore } from '../../app/session-store';
import { Notice } from '../../ui';
import type { User } from '../../../../shared/domain/user';
import { DisableUserDialog } from './DisableUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserFormDialog } from './UserFormDialog';
import { errorMessage } from '../../forms/field-errors';
import { useDateFormat } from '../../format/use-date-format';
import './admin.css';

type OpenDialog =
  | { kind: 'add' }
  | { kind: 'edit'; user: User }
  | { kind: 'reset'; user: User }
  | { kind: 'toggle'; user: User }
  | null;

/** Administrators manage who may sign in and with which roles. Main enforces every rule shown here. */
export function UsersScreen() {
  const { t } = useTranslation('admin');
  const myId = useSessionStore((s) => s.session?.userId);
  const format = useDateFormat();
  const [users, setUsers] = useState<User[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [status, setStatus] = useState('');
  const [dialog, setDialog] = useState<OpenDialog>(null);

  const load = useCallback(async () => {
    try {
      setUsers(await call('users.list', {}));
      setLoadError('');
    } catch (error) {
      setLoadError(t('users.loadFailed', { message: errorMessage(error) }));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  function open(next: OpenDialog) {
    setStatus('');
    setDialog(next);
  }

  function finish(message: string) {
    setDialog(null);
    setStatus(message);
    void load();
  }

  function statusOf(user: User): string {
    if (user.disabled) return t('users.statusDisabled');
    if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) {
      return t('users.statusLocked', { time: format.time(user.lockedUntil) });
    }
    return t('users.statusActive');
  }

  return (
    <section className="admin-screen" aria-labelledby="admin-users-title">
      <header className="admin-screen__header">
        <h1 id="admin-users-title">{t('users.title')}</h1>
        <button type="button" className="primary" onClick={() => open({ kind: 'add' })}>
          {t('users.add')}
        </button>
      </header>
      <p className="admin-screen__intro">{t('users.intro')}</p>
      {loadError && <Notice tone="error">{loadError}</Notice>}
      {status && <Notice tone="success">{status}</Notice>}
      {users === null && !loadError && <p>{t('loading')}</p>}
      {users && (
        <table className="admin-table">
          <caption className="visually-hidden">{t('users.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.colName')}</th>
              <th scope="col">{t('users.colUsername')}</th>
              <th scope="col">{t('users.colRoles')}</th>
              <th scope="col">{t('users.colStatus')}</th>
              <th scope="col">{t('users.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.disabled ? 'admin-table__row--muted' : undefined}>
                <th scope="row">
                  {user.displayName}
                  {user.id === myId && <span className="admin-you"> {t('users.you')}</span>}
                </th>
                <td>{user.username}</td>
                <td>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                <td>{statusOf(user)}</td>
                <td>
                  <div className="admin-row-actions">
                    <button type="button" onClick={() => open({ kind: 'edit', user })}>
                      {t('users.edit')}
                    </button>
                    <button type="button" onClick={() => open({ kind: 'reset', user })}>
                      {t('users.resetPassword')}
                    </button>
                    <button type="button" onClick={() => open({ kind: 'toggle', user })}>
                      {user.disabled ? t('users.enable') : t('users.disable')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog?.kind === 'add' && (
        <UserFormDialog
          onClose={() => setDialog(null)}
          onSaved={(u) => finish(t('users.created', { name: u.displayName, username: u.username }))}
        />
      )}
      {dialog?.kind === 'edit' && (
        <UserFormDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={(u) => finish(t('users.updated', { name: u.displayName }))}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={() => finish(t('users.passwordReset', { name: dialog.user.displayName }))}
        />
      )}
      {dialog?.kind === 'toggle' && (
        <DisableUserDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(u) =>
            finish(
              u.disabled ? t('users.disabled', { name: u.displayName }) : t('users.enabled', { name: u.displayName }),
            )
          }
        />
      )}
    </section>
  );
}
