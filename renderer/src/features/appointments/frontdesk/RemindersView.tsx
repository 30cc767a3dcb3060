import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../../shared/dates';
import type { Reminder } from '../../../../../shared/domain/appointment';
import { addDays } from '../../../../../shared/zoned-time';
import { call } from '../../../api/client';
import { Notice, TextField } from '../../../ui';
import { downloadBlob } from '../../../ui/download-file';
import { errorMessage } from '../../../forms/field-errors';
import './frontdesk.css';

/** Excel reads a CSV as UTF-8 (accented names intact) only when it starts with a byte-order mark. */
const UTF8_BOM = '\uFEFF';

/** One line per appointment, the way a receptionist would read it out or paste it into a message. */
export function remindersText(reminders: Reminder[], noPhone: string): string {
  return reminders
    .map((r) =>
      [r.date, r.time, r.patientName, r.phone || noPhone, r.providerName, r.reason].filter(Boolean).join(' · '),
    )
    .join('\n');
}

/** The day's booked patients and the numbers to call, to copy or export for reminder calls and messages. */
export function RemindersView() {
  const { t } = useTranslation('frontdesk');
  const headingId = useId();
  const [date, setDate] = useState('');
  const [reminders, setReminders] = useState<Reminder[] | null>(null);
  const [alert, setAlert] = useState('');
  const [status, setStatus] = useState('');

  // Reminders go out the day before, so the list starts at tomorrow in the clinic's time zone.
  useEffect(() => {
    call('settings.get', {})
      .then((s) => setDate((d) => d || addDays(todayIn(s.timeZone, new Date()), 1)))
      .catch((e: unknown) => setAlert(t('reminders.loadFailed', { message: errorMessage(e) })));
  }, [t]);

  useEffect(() => {
    if (!date) return;
    let current = true;
    setStatus('');
    call('appointments.reminders', { date })
      .then((result) => {
        if (!current) return;
        setReminders(result);
        setAlert('');
      })
      .catch((e: unknown) => current && setAlert(t('reminders.loadFailed', { message: errorMessage(e) })));
    return () => {
      current = false;
    };
  }, [date, t]);

  async function copy() {
    if (!reminders) return;
    try {
      await navigator.clipboard.writeText(remindersText(reminders, t('reminders.noPhone')));
      setStatus(t('reminders.copied', { count: reminders.length }));
      setAlert('');
    } catch {
      // Clipboard access can be refused (no focus, a policy); the list on screen can still be selected.
      setStatus('');
      setAlert(t('reminders.copyFailed'));
    }
  }

  async function exportCsv() {
    try {
      const result = await call('appointments.remindersCsv', { date });
      downloadBlob(result.filename, new Blob([UTF8_BOM + result.csv], { type: 'text/csv;charset=utf-8' }));
      setStatus(t('reminders.exported', { filename: result.filename, count: result.rows }));
      setAlert('');
    } catch (e) {
      setAlert(t('reminders.exportFailed', { message: errorMessage(e) }));
    }
  }

  const hasRows = !!reminders && reminders.length > 0;
  return (
    <section className="frontdesk" aria-labelledby={headingId}>
      <div className="frontdesk__bar">
        <h2 id={headingId}>{t('reminders.title')}</h2>
        <div className="frontdesk__buttons">
          <button type="button" onClick={() => void copy()} disabled={!hasRows}>
            {t('reminders.copy')}
          </button>
          <button type="button" onClick={() => void exportCsv()} disabled={!date}>
            {t('reminders.exportCsv')}
          </button>
        </div>
      </div>
      <p className="muted">{t('reminders.intro')}</p>
      <div className="frontdesk__search">
        <TextField
          type="date"
          label={t('reminders.date')}
          value={date}
          onChange={(e) => e.target.value && setDate(e.target.value)}
          required
        />
      </div>
      {alert && <Notice tone="error">{alert}</Notice>}
      {status && <Notice tone="success">{status}</Notice>}
      {reminders && reminders.length === 0 && <p className="frontdesk__empty">{t('reminders.empty')}</p>}
      {hasRows && (
        <table className="frontdesk-table" aria-label={t('reminders.listLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('reminders.columns.time')}</th>
              <th scope="col">{t('reminders.columns.patient')}</th>
              <th scope="col">{t('reminders.columns.phone')}</th>
              <th scope="col">{t('reminders.columns.doctor')}</th>
              <th scope="col">{t('reminders.columns.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {reminders.map((r) => (
              <tr key={r.appointmentId}>
                <td className="frontdesk-nowrap">{r.time}</td>
                <th scope="row">
                  {r.patientName} <span className="muted small">{r.patientMrn}</span>
                </th>
                <td className="frontdesk-nowrap">
                  {r.phone || <span className="muted">{t('reminders.noPhone')}</span>}
                </td>
                <td>{r.providerName}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
