import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { DataTable, Notice, TextField, type Column } from '../../../ui';
import type { DayOff } from '../../../../../shared/domain/appointment';
import { addDays } from '../../../../../shared/zoned-time';
import { errorMessage, fieldErrors, topLevelField } from '../../../forms/field-errors';
import { ConfirmRemoveDialog } from './ConfirmRemoveDialog';
import { useDateFormat } from '../../../format/use-date-format';

interface DaysOffPanelProps {
  providerId: string;
  name: string;
  /** Today in the clinic's time zone: the list runs from here for a year. */
  today: string;
}

/** A doctor's days off for the coming year, soonest first, with add and remove. */
export function DaysOffPanel({ providerId, name, today }: DaysOffPanelProps) {
  const { t } = useTranslation('admin');
  const format = useDateFormat();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  const [status, setStatus] = useState('');
  const [removing, setRemoving] = useState<DayOff | null>(null);
  const label = (d: string) => format.date(d, { weekday: true });

  const listQuery = useChannelQuery('providers.daysOff', { providerId, from: today, to: addDays(today, 365) });
  const days = useMemo(
    () => (listQuery.data ? [...listQuery.data].sort((a, b) => a.date.localeCompare(b.date)) : null),
    [listQuery.data],
  );
  const loadError = listQuery.error ? t('hours.daysOff.loadFailed', { message: errorMessage(listQuery.error) }) : '';
  // The book shows closed days, so it is asked again too.
  const addMutation = useChannelMutation('providers.addDayOff', {
    invalidates: ['providers.daysOff', 'appointments.day', 'appointments.week'],
  });
  const removeMutation = useChannelMutation('providers.removeDayOff', {
    invalidates: ['providers.daysOff', 'appointments.day', 'appointments.week'],
  });
  const busy = addMutation.isPending;

  async function add(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    if (!date) {
      setErrors({ date: t('hours.daysOff.dateRequired') });
      return;
    }
    try {
      const added = await addMutation.mutateAsync({ providerId, date, reason });
      setDate('');
      setReason('');
      setErrors({});
      setAlert('');
      setStatus(t('hours.daysOff.added', { date: label(added.date), name }));
    } catch (error) {
      setErrors(fieldErrors(error, topLevelField));
      setAlert(t('hours.daysOff.addFailed', { message: errorMessage(error) }));
    }
  }

  async function remove(day: DayOff) {
    await removeMutation.mutateAsync({ id: day.id });
    setRemoving(null);
    setStatus(t('hours.daysOff.removed', { date: label(day.date) }));
  }

  const columns: Column<DayOff>[] = [
    {
      key: 'date',
      header: t('hours.daysOff.colDate'),
      rowHeader: true,
      className: 'admin-nowrap',
      cell: (day) => label(day.date),
    },
    { key: 'reason', header: t('hours.daysOff.colReason'), cell: (day) => day.reason },
    {
      key: 'actions',
      header: t('hours.daysOff.colActions'),
      cell: (day) => (
        <button
          type="button"
          onClick={() => setRemoving(day)}
          aria-label={t('hours.daysOff.removeOn', { date: label(day.date) })}
        >
          {t('hours.daysOff.remove')}
        </button>
      ),
    },
  ];

  return (
    <section className="hours-panel" aria-labelledby="hours-daysoff-title">
      <h2 id="hours-daysoff-title">{t('hours.daysOff.title')}</h2>
      <p className="admin-screen__intro">{t('hours.daysOff.intro', { name })}</p>
      {(alert || loadError) && <Notice tone="error">{alert || loadError}</Notice>}
      {status && <Notice tone="success">{status}</Notice>}
      {days === null && !loadError && <p>{t('loading')}</p>}
      {days?.length === 0 && <p className="admin-empty">{t('hours.daysOff.empty')}</p>}
      {days && days.length > 0 && (
        <DataTable
          caption={t('hours.daysOff.caption', { name })}
          className="admin-table hours-list"
          columns={columns}
          rows={days}
          rowKey={(day) => day.id}
        />
      )}
      <form className="hours-add" onSubmit={add} noValidate aria-label={t('hours.daysOff.addTitle')}>
        <TextField
          label={t('hours.daysOff.date')}
          type="date"
          value={date}
          min={today}
          onChange={(e) => setDate(e.target.value)}
          error={errors.date}
        />
        <TextField
          label={t('hours.daysOff.reason')}
          value={reason}
          limit={200}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
        />
        <div className="hours-add__submit">
          <button type="submit" disabled={busy}>
            {busy ? t('hours.daysOff.adding') : t('hours.daysOff.add')}
          </button>
        </div>
      </form>
      {removing && (
        <ConfirmRemoveDialog
          title={t('hours.daysOff.confirmTitle', { date: label(removing.date) })}
          explain={t('hours.daysOff.confirmExplain', { name, date: label(removing.date) })}
          confirmLabel={t('hours.daysOff.confirm')}
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
