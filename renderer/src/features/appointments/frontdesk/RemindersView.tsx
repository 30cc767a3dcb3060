import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../../shared/dates';
import type { Reminder } from '../../../../../shared/domain/appointment';
import { addDays } from '../../../../../shared/zoned-time';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { useClinicTimeZone } from '../../../app/session-store';
import { DataTable, Notice, TextField, type Column } from '../../../ui';
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
  const zone = useClinicTimeZone();
  // Reminders go out the day before, so the list starts at tomorrow in the clinic's time zone.
  const [date, setDate] = useState(() => addDays(todayIn(zone, new Date()), 1));
  const [actionError, setActionError] = useState('');
  const [status, setStatus] = useState('');
  const remindersQuery = useChannelQuery('appointments.reminders', { date });
  const reminders = remindersQuery.data ?? null;
  // An export is a file to hand over, not a read to cache: it runs as a one-off call.
  const exportCsvMutation = useChannelMutation('appointments.remindersCsv');
  const alert =
    actionError ||
    (remindersQuery.error ? t('reminders.loadFailed', { message: errorMessage(remindersQuery.error) }) : '');

  function changeDate(next: string) {
    setDate(next);
    setStatus('');
    setActionError('');
  }

  async function copy() {
    if (!reminders) return;
    try {
      await navigator.clipboard.writeText(remindersText(reminders, t('reminders.noPhone')));
      setStatus(t('reminders.copied', { count: reminders.length }));
      setActionError('');
    } catch {
      // Clipboard access can be refused (no focus, a policy); the list on screen can still be selected.
      setStatus('');
      setActionError(t('reminders.copyFailed'));
    }
  }

  async function exportCsv() {
    try {
      const result = await exportCsvMutation.mutateAsync({ date });
      downloadBlob(result.filename, new Blob([UTF8_BOM + result.csv], { type: 'text/csv;charset=utf-8' }));
      setStatus(t('reminders.exported', { filename: result.filename, count: result.rows }));
      setActionError('');
    } catch (e) {
      setActionError(t('reminders.exportFailed', { message: errorMessage(e) }));
    }
  }

  const hasRows = !!reminders && reminders.length > 0;
  const columns: Column<Reminder>[] = [
    { key: 'time', header: t('reminders.columns.time'), className: 'frontdesk-nowrap', cell: (r) => r.time },
    {
      key: 'patient',
      header: t('reminders.columns.patient'),
      rowHeader: true,
      cell: (r) => (
        <>
          {r.patientName} <span className="muted small">{r.patientMrn}</span>
        </>
      ),
    },
    {
      key: 'phone',
      header: t('reminders.columns.phone'),
      className: 'frontdesk-nowrap',
      cell: (r) => r.phone || <span className="muted">{t('reminders.noPhone')}</span>,
    },
    { key: 'doctor', header: t('reminders.columns.doctor'), cell: (r) => r.providerName },
    { key: 'reason', header: t('reminders.columns.reason'), cell: (r) => r.reason },
  ];
  return (
    <section className="frontdesk" aria-labelledby={headingId}>
      <div className="frontdesk__bar">
        <h2 id={headingId}>{t('reminders.title')}</h2>
        <div className="frontdesk__buttons">
          <button type="button" onClick={() => void copy()} disabled={!hasRows}>
            {t('reminders.copy')}
          </button>
          <button type="button" onClick={() => void exportCsv()} disabled={!date || exportCsvMutation.isPending}>
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
          onChange={(e) => e.target.value && changeDate(e.target.value)}
          required
        />
      </div>
      {alert && <Notice tone="error">{alert}</Notice>}
      {status && <Notice tone="success">{status}</Notice>}
      {reminders && reminders.length === 0 && <p className="frontdesk__empty">{t('reminders.empty')}</p>}
      {hasRows && (
        <DataTable
          caption={t('reminders.listLabel')}
          className="frontdesk-table"
          columns={columns}
          rows={reminders}
          rowKey={(r) => r.appointmentId}
        />
      )}
    </section>
  );
}
