import { FormularyScreen } from '../features/formulary/FormularyScreen';
import { LabTestsScreen } from '../features/labs/LabTestsScreen';
import { LabImportsScreen } from '../features/labs/imports/LabImportsScreen';
import { ResultsScreen } from '../features/labs/review';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditIntegrityAlarm, AuditScreen, HoursScreen, SettingsScreen, UsersScreen } from '../features/admin';
import { PatientsScreen, usePatientsNav } from '../features/patients';
import { mayUse } from '../../../shared/contract';
import type { SessionInfo } from '../../../shared/domain/user';
import { Notice } from '../ui';
import { AdminOnlyPatients } from './AdminOnlyPatients';
import { AppointmentsScreen } from '../features/appointments';
import { BackupBanner, BackupsScreen } from '../features/backups';
import { restoreFocus } from './focus-memory';
import { MainNav } from './MainNav';
import { NextSteps } from './NextSteps';
import { sectionsFor, useNavStore } from './nav-store';
import { refreshStatus, signOutNow } from './session-actions';
import { ShellHeader } from './ShellHeader';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useIdleLock } from './use-idle-lock';
import { useShellShortcuts } from './use-shell-shortcuts';

interface ShellProps {
  session: SessionInfo;
  /** False while the lock screen covers the shell: no idle timer, no shortcuts. */
  active: boolean;
}

/** The signed-in app: header, navigation and the current section. */
export function Shell({ session, active }: ShellProps) {
  const { t } = useTranslation();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const requested = useNavStore((s) => s.section);
  const sections = sectionsFor(session.roles);
  const section = sections.includes(requested) ? requested : 'patients';
  const patientsView = usePatientsNav((s) => s.view.kind);
  const seesPatients = mayUse('patients.search', session.roles);

  useIdleLock(session.idleLockMinutes, active);
  useShellShortcuts();
  useEffect(() => {
    if (active) restoreFocus();
  }, [active]);
  useEffect(() => {
    void refreshStatus();
  }, [section]);

  const signOut = () => {
    setSignOutError(null);
    signOutNow().catch((e: unknown) =>
      setSignOutError(t('shell.signOutFailed', { message: e instanceof Error ? e.message : String(e) })),
    );
  };

  return (
    <div className="shell">
      <ShellHeader session={session} onSignOut={signOut} />
      <div className="shell__body">
        <MainNav sections={sections} current={section} />
        <main className="shell__main">
          {/* An altered audit trail is told to administrators on every screen until it is dealt with. */}
          {mayUse('audit.integrity', session.roles) && <AuditIntegrityAlarm />}
          {signOutError && <Notice tone="error">{signOutError}</Notice>}
          {mayUse('backups.run', session.roles) && section !== 'backups' && <BackupBanner />}
          {/* A new clinic's administrator is told what is left to set up, on the screen they start on (not over a chart or a form). */}
          {section === 'patients' &&
            patientsView === 'search' &&
            mayUse('users.list', session.roles) &&
            mayUse('providers.setSchedule', session.roles) && <NextSteps />}
          {/* Patients stays mounted when another section is open, so a half-typed registration survives a look at another page. */}
          <div hidden={section !== 'patients'}>{seesPatients ? <PatientsScreen /> : <AdminOnlyPatients />}</div>
          {section === 'appointments' && <AppointmentsScreen />}
          {section === 'results' && <ResultsScreen />}
          {section === 'formulary' && <FormularyScreen />}
          {section === 'labTests' && <LabTestsScreen />}
          {section === 'labImports' && <LabImportsScreen />}
          {section === 'users' && <UsersScreen />}
          {section === 'hours' && <HoursScreen />}
          {section === 'settings' && <SettingsScreen />}
          {section === 'backups' && <BackupsScreen />}
          {section === 'audit' && <AuditScreen />}
        </main>
      </div>
      <ShortcutsDialog />
    </div>
  );
}
