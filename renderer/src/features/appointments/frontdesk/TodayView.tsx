import { useDateFormat } from '../../../format/use-date-format';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../shared/contract';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { APPOINTMENT_READS } from '../appointment-reads';
import { Notice, TextField } from '../../../ui';
import { useAppointmentsNav } from '../appointments-nav-store';
import { errorMessage } from '../../../forms/field-errors';
import { SlipPreview } from './print-buttons';
import { TodayCounts } from './TodayCounts';
import { TodayTable } from './TodayTable';
import { WalkInDialog } from './WalkInDialog';
import { anyDialogOpen, moveSelection } from './keyboard';
import './frontdesk.css';

type Today = ChannelOutput<'appointments.today'>;
export type TodayEntry = Today['appointments'][number];

const REFRESH_MS = 30_000;

/** The receptionist's day: who is expected, who has come, who is waiting; check in, walk-ins, slips. */
export function TodayView() {
  const { t } = useTranslation('frontdesk');
  const format = useDateFormat();
  const headingId = useId();
  const [text, setText] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [actionError, setActionError] = useState('');
  const [status, setStatus] = useState('');
  const [walkInOpen, setWalkInOpen] = useState(false);
  const [slipFor, setSlipFor] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const openInDayView = useAppointmentsNav((s) => s.openInDayView);
  // The last answer stays on screen while the next search loads, so the list does not blink per key.
  const todayQuery = useChannelQuery(
    'appointments.today',
    { text: text.trim() },
    { refreshMs: REFRESH_MS, keepPrevious: true },
  );
  const today = todayQuery.data ?? null;
  const checkInMutation = useChannelMutation('appointments.checkIn', { invalidates: APPOINTMENT_READS });
  const alert =
    actionError || (todayQuery.error ? t('today.loadFailed', { message: errorMessage(todayQuery.error) }) : '');

  const rows = today?.appointments ?? [];
  const selected = rows.find((r) => r.id === selectedId) ?? rows[0] ?? null;

  const { mutateAsync: checkInAsync } = checkInMutation;
  const checkIn = useCallback(
    async (entry: TodayEntry) => {
      setStatus('');
      setActionError('');
      try {
        const after = await checkInAsync({ id: entry.id, version: entry.version });
        setStatus(t('today.checkedIn', { name: after.patientName, token: after.token }));
      } catch (e) {
        setActionError(t('today.actionFailed', { message: errorMessage(e) }));
      }
    },
    [checkInAsync, t],
  );

  // Alt shortcuts work anywhere in the view while no dialog is open; they are listed below the list.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || anyDialogOpen()) return;
      if (e.code === 'KeyW') setWalkInOpen(true);
      else if (e.code === 'KeyF') searchRef.current?.focus();
      else if (e.code === 'KeyC' && selected?.status === 'booked') void checkIn(selected);
      else if (e.code === 'KeyP' && selected) setSlipFor(selected.id);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, checkIn]);

  const onListKey = (e: ReactKeyboardEvent) => {
    const next = moveSelection(e, rows, selected?.id ?? null);
    if (next !== undefined) setSelectedId(next);
  };

  return (
    <section className="frontdesk" aria-labelledby={headingId} onKeyDown={onListKey}>
      <div className="frontdesk__bar">
        <h2 id={headingId}>
          {t('today.title')}{' '}
          {today && <span className="muted frontdesk__date">{format.date(today.date, { weekday: true })}</span>}
        </h2>
        <button type="button" className="primary" onClick={() => setWalkInOpen(true)} aria-keyshortcuts="Alt+W">
          {t('today.walkIn')}
        </button>
      </div>
      {today && <TodayCounts counts={today.counts} />}
      <div className="frontdesk__search">
        <TextField
          ref={searchRef}
          type="search"
          label={t('today.search')}
          hint={t('today.searchHint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-keyshortcuts="Alt+F"
          autoComplete="off"
        />
      </div>
      {alert && <Notice tone="error">{alert}</Notice>}
      {status && <Notice tone="success">{status}</Notice>}
      {today && rows.length === 0 && (
        <p className="frontdesk__empty">{text.trim() ? t('today.noMatch', { text: text.trim() }) : t('today.empty')}</p>
      )}
      {rows.length > 0 && (
        <TodayTable
          rows={rows}
          selectedId={selected?.id ?? null}
          onSelect={setSelectedId}
          onCheckIn={(r) => void checkIn(r)}
          onSlip={(r) => setSlipFor(r.id)}
          onReschedule={(r) => openInDayView(r.date, r.id)}
        />
      )}
      <aside className="frontdesk__keys" aria-label={t('today.shortcutsTitle')}>
        <h3>{t('today.shortcutsTitle')}</h3>
        <ul>
          {(['move', 'checkIn', 'slip', 'walkIn', 'search'] as const).map((k) => (
            <li key={k}>{t(`today.shortcuts.${k}`)}</li>
          ))}
        </ul>
      </aside>
      <WalkInDialog open={walkInOpen} onClose={() => setWalkInOpen(false)} />
      {slipFor && <SlipPreview appointmentId={slipFor} open onClose={() => setSlipFor(null)} />}
    </section>
  );
}
