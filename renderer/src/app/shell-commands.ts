import { usePatientsNav } from '../features/patients';
import { useNavStore } from './nav-store';
import { lockNow } from './session-actions';
import { useSessionStore } from './session-store';
import { useShortcutsDialog } from './shortcuts-dialog-store';

/** What a keyboard shortcut or an Electron menu item asks the shell to do. */
export const SHELL_COMMANDS = ['focus-search', 'new-patient', 'lock', 'shortcuts'] as const;
export type ShellCommand = (typeof SHELL_COMMANDS)[number];

export function isShellCommand(value: unknown): value is ShellCommand {
  return typeof value === 'string' && (SHELL_COMMANDS as readonly string[]).includes(value);
}

/** True when some screen's own modal dialog is open: navigating behind it would go unseen. */
function otherModalOpen(): boolean {
  return document.querySelector('dialog[open]:not(.lock-screen)') !== null;
}

export function runShellCommand(command: ShellCommand): void {
  if (useSessionStore.getState().phase !== 'signed-in') return;
  if (command === 'lock') {
    void lockNow();
    return;
  }
  const shortcuts = useShortcutsDialog.getState();
  if (command === 'shortcuts') {
    if (!otherModalOpen()) shortcuts.setOpen(true);
    return;
  }
  if (shortcuts.open) {
    shortcuts.setOpen(false);
    // Closing a <dialog> hands focus back to where it was; go on only after that has happened.
    setTimeout(() => goToPatients(command), 0);
    return;
  }
  if (otherModalOpen()) return;
  goToPatients(command);
}

function goToPatients(command: 'focus-search' | 'new-patient'): void {
  useNavStore.getState().go('patients');
  if (command === 'focus-search') usePatientsNav.getState().focusSearch();
  else usePatientsNav.getState().newPatient();
}
