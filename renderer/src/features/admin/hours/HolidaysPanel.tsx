import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { Notice, TextField } from '../../../ui';
import type { Holiday } from '../../../../../shared/domain/appointment';
import { addDays } from '../../../../../shared/zoned-time';
import { errorMessage, fieldErrors, topLevelField } from '../../../forms/field-errors';
import { ConfirmRemoveDialog } from './ConfirmRemoveDialog';
import { useDateFormat } from '../../../format/use-date-format';

/** Days the whole clinic is closed, for the coming year, with add and remove. */
export function HolidaysPanel({ today }: { today: string }) {
  const { t } = useTranslation('admin');
  const format = useDateFormat();
  const [holidays, setHolidays] = useState<Holiday[] | null>(null);
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<Holiday | null>(null);
  const label = (d: string) => format.date(d, { weekday: true });

  const load = useCallback(async () => {
    try {
      const list = await call('holidays.list', { from: today, to: addDays(today, 365) });
      setHolidays([...list].sort((a, b) => a.date.localeCompare(b.date)));
    } catch (error) {
      setAlert(t('hours.holidays.loadFailed', { message: errorMessage(error) }));
    }
  }, [today, t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function add(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    if (!date) {
      setErrors({ date: t('hours.holidays.dateRequired') });
      return;
    }
    setBusy(true);
    try {
      const added = await call('holidays.add', { date, name });
      setDate('');
      setName('');
      setErrors({});
      setAlert('');
      setStatus(t('hours.holidays.added', { name: added.name, date: label(added.date) }));
      await load();
    } catch (error) {
      setErrors(fieldErrors(error, topLevelField));
      setAlert(t('hours.holidays.addFailed', { message: errorMessage(error) }));
    } finally {
      setBusy(false);
    }
  }

  async function remove(holiday: Holiday) {
    await call('holidays.remove', { id: holiday.id });
    setRemoving(null);
    setStatus(t('hours.holidays.removed', { name: holiday.name, date: label(holiday.date) }));
    await load();
  }

  return (
    <section className="hours-panel" aria-labelledby="hours-holidays-title">
      <h2 id="hours-holidays-title">{t('hours.holidays.title')}</h2>
      <p className="admin-screen__intro">{t('hours.holidays.intro')}</p>
      {alert && <Notice tone="error">{alert}</Notice>}
      {status && <Notice tone="success">{status}</Notice>}
      {holidays === null && !alert && <p>{t('loading')}</p>}
      {holidays?.length === 0 && <p className="admin-empty">{t('hours.holidays.empty')}</p>}
      {holidays && holidays.length > 0 && (
        <table className="admin-table hours-list">
          <caption className="visually-hidden">{t('hours.holidays.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hours.holidays.colDate')}</th>
              <th scope="col">{t('hours.holidays.colName')}</th>
              <th scope="col">{t('hours.holidays.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((h) => (
              <tr key={h.id}>
                <th scope="row" className="admin-nowrap">
                  {label(h.date)}
                </th>
                <td>{h.name}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => setRemoving(h)}
                    aria-label={t('hours.holidays.removeOn', { name: h.name, date: label(h.date) })}
                  >
                    {t('hours.holidays.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
          maxLength={100}
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
