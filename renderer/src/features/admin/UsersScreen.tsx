import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/channel-hooks';
import { useSessionStore } from '../../app/session-store';
import { refreshStatus } from '../../app/session-actions';
import { DataTable, Notice, type Column } from '../../ui';
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
  const usersQuery = useChannelQuery('users.list', {});
  const users = usersQuery.data ?? null;
  const loadError = usersQuery.error ? t('users.loadFailed', { message: errorMessage(usersQuery.error) }) : '';
  const [status, setStatus] = useState('');
  const [dialog, setDialog] = useState<OpenDialog>(null);

  function open(next: OpenDialog) {
    setStatus('');
    setDialog(next);
  }

  function finish(message: string) {
    setDialog(null);
    setStatus(message);
  }

  function statusOf(user: User): string {
    if (user.disabled) return t('users.statusDisabled');
    if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) {
      return t('users.statusLocked', { time: format.time(user.lockedUntil) });
    }
    if (user.mustChangePassword) return t('users.statusMustChange');
    return t('users.statusActive');
  }

  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('users.colName'),
      rowHeader: true,
      cell: (user) => (
        <>
          {user.displayName}
          {user.id === myId && <span className="admin-you"> {t('users.you')}</span>}
        </>
      ),
    },
    { key: 'username', header: t('users.colUsername'), cell: (user) => user.username },
    {
      key: 'roles',
      header: t('users.colRoles'),
      cell: (user) => user.roles.map((r) => t(`roles.${r}`)).join(', '),
    },
    { key: 'status', header: t('users.colStatus'), cell: statusOf },
    {
      key: 'actions',
      header: t('users.colActions'),
      cell: (user) => (
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
      ),
    },
  ];

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
        <DataTable
          caption={t('users.tableCaption')}
          className="admin-table"
          columns={columns}
          rows={users}
          rowKey={(user) => user.id}
          rowClassName={(user) => (user.disabled ? 'admin-table__row--muted' : undefined)}
        />
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
          onSaved={(u) => {
            finish(t('users.updated', { name: u.displayName }));
            // One's own roles or name: the header and the menu follow at once.
            if (u.id === myId) void refreshStatus();
          }}
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
