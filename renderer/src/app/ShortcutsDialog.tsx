import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui';
import { useShortcutsDialog } from './shortcuts-dialog-store';

/**
 * Key combinations per action, grouped by where they work; kept next to the dialog so the list cannot
 * drift from what it shows. The appointment book and Today rows mirror use-new-booking-key.ts and TodayView.tsx.
 */
const SHORTCUT_GROUPS: { title: string; shortcuts: { keys: string[][]; action: string }[] }[] = [
  {
    title: 'shortcuts.everywhere',
    shortcuts: [
      { keys: [['Ctrl', 'K'], ['/']], action: 'shortcuts.findPatient' },
      { keys: [['Ctrl', 'Shift', 'N']], action: 'shortcuts.newPatient' },
      { keys: [['Ctrl', 'L']], action: 'shortcuts.lock' },
      { keys: [['F1'], ['?']], action: 'shortcuts.showShortcuts' },
    ],
  },
  {
    title: 'shortcuts.book',
    shortcuts: [{ keys: [['N']], action: 'shortcuts.bookNext' }],
  },
  {
    title: 'shortcuts.today',
    shortcuts: [
      { keys: [['↑'], ['↓']], action: 'shortcuts.chooseRow' },
      { keys: [['Alt', 'C']], action: 'shortcuts.checkIn' },
      { keys: [['Alt', 'P']], action: 'shortcuts.printSlip' },
      { keys: [['Alt', 'W']], action: 'shortcuts.walkIn' },
      { keys: [['Alt', 'F']], action: 'shortcuts.findToday' },
    ],
  },
  {
    title: 'shortcuts.chart',
    shortcuts: [
      { keys: [['Alt', 'V']], action: 'shortcuts.startVisit' },
      { keys: [['Alt', 'L']], action: 'shortcuts.orderLabs' },
      { keys: [['Ctrl', 'S']], action: 'shortcuts.saveNote' },
      { keys: [['Ctrl', 'Enter']], action: 'shortcuts.signNote' },
      { keys: [['C'], ['S'], ['E'], ['U']], action: 'shortcuts.reconcile' },
    ],
  },
];

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const open = useShortcutsDialog((s) => s.open);
  const setOpen = useShortcutsDialog((s) => s.setOpen);
  const close = () => setOpen(false);
  return (
    <Dialog
      open={open}
      title={t('shortcuts.title')}
      onClose={close}
      actions={
        <button type="button" onClick={close} autoFocus>
          {t('close')}
        </button>
      }
    >
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keys')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        {SHORTCUT_GROUPS.map(({ title, shortcuts }) => (
          <tbody key={title}>
            <tr>
              <th scope="rowgroup" colSpan={2}>
                {t(title)}
              </th>
            </tr>
            {shortcuts.map(({ keys, action }) => (
              <tr key={action}>
                <td>
                  {keys.map((combo, i) => (
                    <Fragment key={combo.join('+')}>
                      {i > 0 && <span className="muted"> {t('shortcuts.or')} </span>}
                      {combo.map((k, j) => (
                        <Fragment key={k}>
                          {j > 0 && '+'}
                          <kbd>{k}</kbd>
                        </Fragment>
                      ))}
                    </Fragment>
                  ))}
                </td>
                <td>{t(action)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <p className="muted small">{t('shortcuts.slashNote')}</p>
    </Dialog>
  );
}
