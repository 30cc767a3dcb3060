import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, Notice, TextField, type Column } from '../../../ui';
import { errorMessage, fieldErrors, topLevelField } from '../../../forms/field-errors';
import { ConfirmRemoveDialog } from './ConfirmRemoveDialog';
import { useDateFormat } from '../../../format/use-date-format';

interface ClosedDay {
  id: string;
  date: string;
}

export interface ClosedDaysPanelProps<T extends ClosedDay> {
  /** The messages' prefix in the admin namespace ('hours.holidays', 'hours.daysOff'). */
  words: string;
  /** Words every message may use (the doctor's name for days off). */
  vars?: Record<string, string>;
  /** What a day's own words add (a holiday's name). */
  rowVars?: (day: T) => Record<string, string>;
  /** Today in the clinic's time zone: the list runs from here for a year. */
  today: string;
  days: readonly T[] | undefined;
  loadFailure: unknown;
  /** The text beside the date: its field, column, length limit and value. */
  text: { field: string; limit: number; of: (day: T) => string };
  onAdd: (date: string, text: string) => Promise<T>;
  onRemove: (day: T) => Promise<unknown>;
  adding: boolean;
}

/**
 * A year of closed days, soonest first, with add and a confirmed remove: the clinic's holidays and a
 * doctor's days off are the same screen with their own words and channels.
 */
export function ClosedDaysPanel<T extends ClosedDay>(props: ClosedDaysPanelProps<T>) {
  const { words, today, text } = props;
  const { t } = useTranslation('admin');
  const format = useDateFormat();
  const [date, setDate] = useState('');
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  const [status, setStatus] = useState('');
  const [removing, setRemoving] = useState<T | null>(null);
  const label = (d: string) => format.date(d, { weekday: true });
  const say = (key: string, day?: T, more: Record<string, string> = {}) =>
    t(`${words}.${key}`, {
      ...props.vars,
      ...(day ? { ...props.rowVars?.(day), date: label(day.date) } : {}),
      ...more,
    });

  const days = useMemo(
    () => (props.days ? [...props.days].sort((a, b) => a.date.localeCompare(b.date)) : null),
    [props.days],
  );
  const loadError = props.loadFailure ? say('loadFailed', undefined, { message: errorMessage(props.loadFailure) }) : '';

  async function add(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    if (!date) {
      setErrors({ date: say('dateRequired') });
      return;
    }
    try {
      const added = await props.onAdd(date, typed);
      setDate('');
      setTyped('');
      setErrors({});
      setAlert('');
      setStatus(say('added', added));
    } catch (error) {
      setErrors(fieldErrors(error, topLevelField));
      setAlert(say('addFailed', undefined, { message: errorMessage(error) }));
    }
  }

  async function remove(day: T) {
    await props.onRemove(day);
    setRemoving(null);
    setStatus(say('removed', day));
  }

  const columns: Column<T>[] = [
    { key: 'date', header: say('colDate'), rowHeader: true, className: 'admin-nowrap', cell: (d) => label(d.date) },
    { key: text.field, header: say(`col${text.field[0]!.toUpperCase()}${text.field.slice(1)}`), cell: text.of },
    {
      key: 'actions',
      header: say('colActions'),
      cell: (d) => (
        <button type="button" onClick={() => setRemoving(d)} aria-label={say('removeOn', d)}>
          {say('remove')}
        </button>
      ),
    },
  ];
  const headingId = `${words.replace('.', '-')}-title`;

  return (
    <section className="hours-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{say('title')}</h2>
      <p className="admin-screen__intro">{say('intro')}</p>
      {(alert || loadError) && <Notice tone="error">{alert || loadError}</Notice>}
      {status && <Notice tone="success">{status}</Notice>}
      {days === null && !loadError && <p>{t('loading')}</p>}
      {days?.length === 0 && <p className="admin-empty">{say('empty')}</p>}
      {days && days.length > 0 && (
        <DataTable
          caption={say('caption')}
          className="admin-table hours-list"
          columns={columns}
          rows={days}
          rowKey={(d) => d.id}
        />
      )}
      <form className="hours-add" onSubmit={add} noValidate aria-label={say('addTitle')}>
        <TextField
          label={say('date')}
          type="date"
          value={date}
          min={today}
          onChange={(e) => setDate(e.target.value)}
          error={errors.date}
        />
        <TextField
          label={say(text.field)}
          value={typed}
          limit={text.limit}
          onChange={(e) => setTyped(e.target.value)}
          error={errors[text.field]}
        />
        <div className="hours-add__submit">
          <button type="submit" disabled={props.adding}>
            {props.adding ? say('adding') : say('add')}
          </button>
        </div>
      </form>
      {removing && (
        <ConfirmRemoveDialog
          title={say('confirmTitle', removing)}
          explain={say('confirmExplain', removing)}
          confirmLabel={say('confirm')}
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
