import { useDateFormat } from '../../../format/use-date-format';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { minutesOfDay } from '../../../../../shared/zoned-time';
import { useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';
import { Notice } from '../../../ui';
import { useAppointmentsNav } from '../appointments-nav-store';
import { PrintDayListButton } from '../frontdesk';
import { clinicNow, DEFAULT_GRID_START } from './book-time';
import { DateNav } from './DateNav';
import { TimeGrid, type GridColumn } from './TimeGrid';
import { useBookDialogs } from './use-book-dialogs';
import type { BookSetup } from './use-book-setup';
import { useNewBookingKey } from './use-new-booking-key';
import { hasNoHours, NoDoctorsNotice, NoHoursNotice } from './NoHoursNotice';

/** Every doctor's column for one clinic day. */
export function DayView({
  setup,
  date,
  onDateChange,
}: {
  setup: BookSetup;
  date: string;
  onDateChange(date: string): void;
}) {
  const { t } = useTranslation('appointments');
  const format = useDateFormat();
  const dayQuery = useChannelQuery('appointments.day', { date });
  const failure = dayQuery.error ? errorMessage(dayQuery.error) : null;
  const dialogs = useBookDialogs(setup);
  const now = clinicNow(setup.timeZone);
  const { openDetails } = dialogs;

  // Another tab asked for an appointment's details (Today's "Reschedule"): open them once, here.
  useEffect(() => {
    const id = useAppointmentsNav.getState().takeOpenAppointment();
    if (id) openDetails(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mount: openDetails is a fresh function each render
  }, []);

  const shown = dayQuery.data?.date === date ? dayQuery.data : null;
  // A doctor with no hours at all gets words, in the notice and on the column, not just grey.
  const withoutHours = setup.providers.filter(hasNoHours);
  const noHours = new Set(withoutHours.map((p) => p.providerId));
  const columns: GridColumn[] = (shown?.providers ?? []).map((p) => ({
    key: p.providerId,
    label: p.providerName,
    headerExtra: <PrintDayListButton providerId={p.providerId} date={date} />,
    day: noHours.has(p.providerId) && !p.closedReason ? { ...p, closedReason: t('nextsteps:noHoursColumn') } : p,
    nowMinutes: date === now.date ? now.minutes : null,
  }));
  const firstWork = Math.min(...columns.flatMap((c) => c.day.blocks.map((b) => minutesOfDay(b.start))), Infinity);
  useNewBookingKey(!dialogs.dialogOpen, columns, { providerId: '', date, time: '' }, dialogs.openBooking);

  return (
    <section className="book-view" aria-label={t('day.label')}>
      <DateNav
        date={date}
        today={now.date}
        step={1}
        onChange={onDateChange}
        heading={format.date(date, { weekday: true })}
      />
      {shown?.holiday && <Notice tone="info">{t('day.holiday', { name: shown.holiday })}</Notice>}
      {failure && <Notice tone="error">{failure}</Notice>}
      {dialogs.notice}
      {shown && columns.length === 0 && <NoDoctorsNotice fallback={t('day.noDoctors')} />}
      {shown && <NoHoursNotice doctors={withoutHours} />}
      {shown && columns.length > 0 && (
        <TimeGrid
          columns={columns}
          slotName={(c, s) => t('grid.bookSlot', { time: s.start, doctor: c.label })}
          onBookSlot={(c, s) => dialogs.openBooking({ providerId: c.day.providerId, date: c.day.date, time: s.start })}
          onOpenAppointment={(a) => dialogs.openDetails(a.id)}
          onMove={(a, target) => dialogs.moveByDrag(a, target, columns)}
          scrollToMinutes={
            date === now.date ? now.minutes - 30 : Number.isFinite(firstWork) ? firstWork : DEFAULT_GRID_START
          }
        />
      )}
      <p className="muted small">{t('day.keys')}</p>
      {dialogs.dialogs}
    </section>
  );
}
