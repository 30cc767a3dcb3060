import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/domain/user';
import { lockNow } from './session-actions';
import { useSessionStore } from './session-store';
import { useShortcutsDialog } from './shortcuts-dialog-store';
import { ThemeToggle } from './ThemeToggle';
import { OwnCredentialsButton } from '../features/rx/print/OwnCredentialsButton';

interface ShellHeaderProps {
  session: SessionInfo;
  onSignOut(): void;
}

/** Clinic name, who is signed in (and as what), and the always-there actions. */
export function ShellHeader({ session, onSignOut }: ShellHeaderProps) {
  const { t } = useTranslation();
  const clinicName = useSessionStore((s) => s.clinicName);
  const openShortcuts = useShortcutsDialog((s) => s.setOpen);
  const roles = session.roles.map((r) => t(`roles.${r}`)).join(', ');
  return (
    <header className="shell-header">
      <div className="shell-header__clinic">
        <span className="brand">{t('appName')}</span>
        {clinicName && <span className="shell-header__clinic-name">{clinicName}</span>}
      </div>
      <div className="shell-header__user">
        <span className="shell-header__name">{t('shell.signedInAs', { name: session.displayName })}</span>
        <span className="shell-header__roles">{t('shell.rolesLabel', { roles })}</span>
      </div>
      <div className="shell-header__actions">
        <ThemeToggle />
        <OwnCredentialsButton roles={session.roles} />
        <button
          type="button"
          aria-label={t('shell.shortcuts')}
          title={t('shell.shortcuts')}
          onClick={() => openShortcuts(true)}
        >
          ?
        </button>
        <button type="button" title={t('shell.lockTitle')} onClick={() => void lockNow()}>
          {t('shell.lock')}
        </button>
        <button type="button" onClick={onSignOut}>
          {t('shell.signOut')}
        </button>
      </div>
    </header>
  );
}
