import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../../api/channel-hooks';
import { Notice, TextField } from '../../../ui';
import type { ProviderSchedule } from '../../../../../shared/domain/appointment';
import { errorMessage, fieldErrors } from '../../../forms/field-errors';
import { WeekdayRow } from './WeekdayRow';
import {
  WEEKDAYS,
  blockErrorsFrom,
  draftFrom,
  overlapOf,
  suggestBlock,
  weeklyHoursFrom,
  type WeeklyDraft,
} from './weekly-draft';

interface WeeklyHoursFormProps {
  schedule: ProviderSchedule;
}

/**
 * A doctor's working blocks per weekday and default length. Main checks every rule; its messages are
 * shown next to the block they concern, and what was typed stays as typed until a save succeeds.
 */
export function WeeklyHoursForm({ schedule }: WeeklyHoursFormProps) {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState<WeeklyDraft>(() => draftFrom(schedule));
  const [length, setLength] = useState(String(schedule.defaultLengthMinutes));
  const [version, setVersion] = useState(schedule.version);
  const [blockErrors, setBlockErrors] = useState<Record<string, string>>({});
  const [lengthError, setLengthError] = useState('');
  const [alert, setAlert] = useState('');
  const [status, setStatus] = useState('');
  // The book reads each doctor's hours from providers.list and draws the day from appointments.day.
  const setSchedule = useChannelMutation('providers.setSchedule', {
    invalidates: ['providers.list', 'appointments.day', 'appointments.week'],
  });
  const busy = setSchedule.isPending;
  const name = schedule.displayName;

  function changeDay(weekday: number, blocks: WeeklyDraft[number]) {
    setDraft((d) => ({ ...d, [weekday]: blocks }));
    setStatus('');
  }

  /** Main numbers an overlapped block across the whole week; name it by its times instead. */
  function readable(errors: Record<string, string>, next: WeeklyDraft): Record<string, string> {
    const out = { ...errors };
    for (const weekday of WEEKDAYS) {
      const blocks = next[weekday] ?? [];
      blocks.forEach((b, i) => {
        const other = overlapOf(blocks, i);
        if (other && out[b.key]?.includes('overlaps'))
          out[b.key] = t('hours.weekly.overlaps', { start: other.start, end: other.end });
      });
    }
    return out;
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const minutes = Number(length.trim());
    if (length.trim() === '' || !Number.isInteger(minutes)) {
      setLengthError(t('hours.weekly.lengthInvalid'));
      setAlert('');
      setStatus('');
      return;
    }
    const { weeklyHours, sent } = weeklyHoursFrom(draft);
    try {
      const saved = await setSchedule.mutateAsync({
        providerId: schedule.providerId,
        version,
        defaultLengthMinutes: minutes,
        weeklyHours,
      });
      setDraft(draftFrom(saved));
      setLength(String(saved.defaultLengthMinutes));
      setVersion(saved.version);
      setBlockErrors({});
      setLengthError('');
      setAlert('');
      setStatus(t('hours.weekly.saved', { name }));
    } catch (error) {
      const fields = fieldErrors(error);
      setBlockErrors(readable(blockErrorsFrom(fields, sent, draft), draft));
      setLengthError(fields.defaultLengthMinutes ?? '');
      setStatus('');
      setAlert(t('hours.weekly.saveFailed', { message: errorMessage(error) }));
    }
  }

  return (
    <form className="hours-panel" onSubmit={save} noValidate aria-labelledby="hours-weekly-title">
      <h2 id="hours-weekly-title">{t('hours.weekly.title')}</h2>
      {version === null && <p className="admin-screen__intro">{t('hours.weekly.noHoursYet', { name })}</p>}
      {alert && <Notice tone="error">{alert}</Notice>}
      <table className="admin-table hours-week">
        <caption className="visually-hidden">{t('hours.weekly.caption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hours.weekly.colDay')}</th>
            <th scope="col">{t('hours.weekly.colBlocks')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('hours.weekly.addBlock')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((weekday) => {
            const blocks = draft[weekday] ?? [];
            return (
              <WeekdayRow
                key={weekday}
                weekday={weekday}
                blocks={blocks}
                errors={blockErrors}
                onChange={(next) => changeDay(weekday, next)}
                onAdd={() => changeDay(weekday, [...blocks, suggestBlock(blocks)])}
              />
            );
          })}
        </tbody>
      </table>
      <div className="hours-panel__footer">
        <div className="hours-length">
          <TextField
            label={t('hours.weekly.length')}
            hint={t('hours.weekly.lengthHint')}
            type="number"
            inputMode="numeric"
            min={5}
            max={480}
            step={5}
            value={length}
            onChange={(e) => {
              setLength(e.target.value);
              setStatus('');
            }}
            error={lengthError || undefined}
          />
        </div>
        <div className="admin-settings__actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('hours.weekly.saving') : t('hours.weekly.save')}
          </button>
          {status && <Notice tone="success">{status}</Notice>}
        </div>
      </div>
    </form>
  );
}
