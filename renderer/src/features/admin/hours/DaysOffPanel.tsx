import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { Notice, TextField } from '../../../ui';
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
  const [days, setDays] = useState<DayOff[] | null>(null);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<DayOff | null>(null);
  const label = (d: string) => format.date(d, { weekday: true });

  const load = useCallback(async () => {
    try {
      const list = await call('providers.daysOff', { providerId, from: today, to: addDays(today, 365) });
      setDays([...list].sort((a, b) => a.date.localeCompare(b.date)));
    } catch (error) {
      setAlert(t('hours.daysOff.loadFailed', { message: errorMessage(error) }));
    }
  }, [providerId, today, t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function add(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    if (!date) {
      setErrors({ date: t('hours.daysOff.dateRequired') });
      return;
    }
    setBusy(true);
    try {
      const added = await call('providers.addDayOff', { providerId, date, reason });
      setDate('');
      setReason('');
      setErrors({});
      setAlert('');
      setStatus(t('hours.daysOff.added', { date: label(added.date), name }));
      await load();
    } catch (error) {
      setErrors(fieldErrors(error, topLevelField));
      setAlert(t('hours.daysOff.addFailed', { message: errorMessage(error) }));
    } finally {
      setBusy(false);
    }
  }

  async function remove(day: DayOff) {
    await call('providers.removeDayOff', { id: day.id });
    setRemoving(null);
    setStatus(t('hours.daysOff.removed', { date: label(day.date) }));
    await load();
  }

  return (
    <section className="hours-panel" aria-labelledby="hours-daysoff-title">
      <h2 id="hours-daysoff-title">{t('hours.daysOff.title')}</h2>
      <p className="admin-screen__intro">{t('hours.daysOff.intro', { name })}</p>
      {alert && <Notice tone="error">{alert}</Notice>}
      {status && <Notice tone="success">{status}</Notice>}
      {days === null && !alert && <p>{t('loading')}</p>}
      {days?.length === 0 && <p className="admin-empty">{t('hours.daysOff.empty')}</p>}
      {days && days.length > 0 && (
        <table className="admin-table hours-list">
          <caption className="visually-hidden">{t('hours.daysOff.caption', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hours.daysOff.colDate')}</th>
              <th scope="col">{t('hours.daysOff.colReason')}</th>
              <th scope="col">{t('hours.daysOff.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.id}>
                <th scope="row" className="admin-nowrap">
                  {label(day.date)}
                </th>
                <td>{day.reason}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => setRemoving(day)}
                    aria-label={t('hours.daysOff.removeOn', { date: label(day.date) })}
                  >
                    {t('hours.daysOff.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
          maxLength={200}
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
