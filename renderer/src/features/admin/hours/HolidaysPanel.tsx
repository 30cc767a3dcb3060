import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { DataTable, Notice, TextField, type Column } from '../../../ui';
import type { Holiday } from '../../../../../shared/domain/appointment';
import { addDays } from '../../../../../shared/zoned-time';
import { errorMessage, fieldErrors, topLevelField } from '../../../forms/field-errors';
import { ConfirmRemoveDialog } from './ConfirmRemoveDialog';
import { useDateFormat } from '../../../format/use-date-format';

/** Days the whole clinic is closed, for the coming year, with add and remove. */
export function HolidaysPanel({ today }: { today: string }) {
  const { t } = useTranslation('admin');
  const format = useDateFormat();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  const [status, setStatus] = useState('');
  const [removing, setRemoving] = useState<Holiday | null>(null);
  const label = (d: string) => format.date(d, { weekday: true });

  const listQuery = useChannelQuery('holidays.list', { from: today, to: addDays(today, 365) });
  const holidays = useMemo(
    () => (listQuery.data ? [...listQuery.data].sort((a, b) => a.date.localeCompare(b.date)) : null),
    [listQuery.data],
  );
  const loadError = listQuery.error ? t('hours.holidays.loadFailed', { message: errorMessage(listQuery.error) }) : '';
  // The book shows closed days, so it is asked again too.
  const addMutation = useChannelMutation('holidays.add', {
    invalidates: ['holidays.list', 'appointments.day', 'appointments.week'],
  });
  const removeMutation = useChannelMutation('holidays.remove', {
    invalidates: ['holidays.list', 'appointments.day', 'appointments.week'],
  });
  const busy = addMutation.isPending;

  async function add(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    if (!date) {
      setErrors({ date: t('hours.holidays.dateRequired') });
      return;
    }
    try {
      const added = await addMutation.mutateAsync({ date, name });
      setDate('');
      setName('');
      setErrors({});
      setAlert('');
      setStatus(t('hours.holidays.added', { name: added.name, date: label(added.date) }));
    } catch (error) {
      setErrors(fieldErrors(error, topLevelField));
      setAlert(t('hours.holidays.addFailed', { message: errorMessage(error) }));
    }
  }

  async function remove(holiday: Holiday) {
    await removeMutation.mutateAsync({ id: holiday.id });
    setRemoving(null);
    setStatus(t('hours.holidays.removed', { name: holiday.name, date: label(holiday.date) }));
  }

  const columns: Column<Holiday>[] = [
    {
      key: 'date',
      header: t('hours.holidays.colDate'),
      rowHeader: true,
      className: 'admin-nowrap',
      cell: (h) => label(h.date),
    },
    { key: 'name', header: t('hours.holidays.colName'), cell: (h) => h.name },
    {
      key: 'actions',
      header: t('hours.holidays.colActions'),
      cell: (h) => (
        <button
          type="button"
          onClick={() => setRemoving(h)}
          aria-label={t('hours.holidays.removeOn', { name: h.name, date: label(h.date) })}
        >
          {t('hours.holidays.remove')}
        </button>
      ),
    },
  ];

  return (
    <section className="hours-panel" aria-labelledby="hours-holidays-title">
      <h2 id="hours-holidays-title">{t('hours.holidays.title')}</h2>
      <p className="admin-screen__intro">{t('hours.holidays.intro')}</p>
      {(alert || loadError) && <Notice tone="error">{alert || loadError}</Notice>}
      {status && <Notice tone="success">{status}</Notice>}
      {holidays === null && !loadError && <p>{t('loading')}</p>}
      {holidays?.length === 0 && <p className="admin-empty">{t('hours.holidays.empty')}</p>}
      {holidays && holidays.length > 0 && (
        <DataTable
          caption={t('hours.holidays.caption')}
          className="admin-table hours-list"
          columns={columns}
          rows={holidays}
          rowKey={(h) => h.id}
        />
      )}
      <form className="hours-add" onSubmit={add} noValidate aria-label={t('hours.holidays.add')}>
        <TextField
          label={t('hours.holidays.date')}
          type="date"
          value={date}
          min={today}
          onChange={(e) => setDate(e.target.value)}
          error={errors.date}
        />
        <TextField
          label={t('hours.holidays.name')}
          value={name}
          limit={100}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <div className="hours-add__submit">
          <button type="submit" disabled={busy}>
            {busy ? t('hours.holidays.adding') : t('hours.holidays.add')}
          </button>
        </div>
      </form>
      {removing && (
        <ConfirmRemoveDialog
          title={t('hours.holidays.confirmTitle', { name: removing.name, date: label(removing.date) })}
          explain={t('hours.holidays.confirmExplain', { date: label(removing.date) })}
          confirmLabel={t('hours.holidays.confirm')}
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
