import { useDateFormat } from '../../../format/use-date-format';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, minutesOfDay } from '../../../../../shared/zoned-time';
import { useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';
import { Notice } from '../../../ui';
import { clinicNow, DEFAULT_GRID_START, mondayOf } from './book-time';
import { DateNav } from './DateNav';
import { TimeGrid, type GridColumn } from './TimeGrid';
import { useBookDialogs } from './use-book-dialogs';
import type { BookSetup } from './use-book-setup';
import { useNewBookingKey } from './use-new-booking-key';
import { hasNoHours, NoDoctorsNotice, NoHoursNotice } from './NoHoursNotice';

interface WeekViewProps {
  setup: BookSetup;
  date: string;
  onDateChange(date: string): void;
  providerId: string;
  onProviderChange(providerId: string): void;
}

/** One doctor's week, Monday to Sunday. */
export function WeekView({ setup, date, onDateChange, providerId, onProviderChange }: WeekViewProps) {
  const { t } = useTranslation('appointments');
  const format = useDateFormat();
  const monday = mondayOf(date);
  const weekQuery = useChannelQuery('appointments.week', { providerId, startDate: monday }, { enabled: !!providerId });
  const book = weekQuery.data ?? null;
  const failure = weekQuery.error ? errorMessage(weekQuery.error) : null;
  const dialogs = useBookDialogs(setup);
  const now = clinicNow(setup.timeZone);
  const doctorSelect = useId();

  const shown = book?.providerId === providerId && book.days[0]?.date === monday ? book : null;
  const columns: GridColumn[] = (shown?.days ?? []).map((d) => ({
    key: d.date,
    label: format.date(d.date, { weekday: true, year: false }),
    day: d,
    nowMinutes: d.date === now.date ? now.minutes : null,
  }));
  const firstWork = Math.min(...columns.flatMap((c) => c.day.blocks.map((b) => minutesOfDay(b.start))), Infinity);
  const doctor = setup.providers.find((p) => p.providerId === providerId);
  useNewBookingKey(
    !dialogs.dialogOpen && !!providerId,
    columns,
    { providerId, date: monday, time: '' },
    dialogs.openBooking,
  );

  return (
    <section className="book-view book-view--week" aria-label={t('week.label')}>
      <DateNav
        leading={
          <div className="book-week__doctor">
            <label htmlFor={doctorSelect}>{t('week.doctor')}</label>
            <select id={doctorSelect} value={providerId} onChange={(e) => onProviderChange(e.target.value)}>
              {setup.providers.map((p) => (
                <option key={p.providerId} value={p.providerId}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </div>
        }
        date={monday}
        today={mondayOf(now.date)}
        step={7}
        onChange={(d) => onDateChange(mondayOf(d))}
        heading={t('week.heading', {
          from: format.date(monday, { weekday: true, year: false }),
          to: format.date(addDays(monday, 6), { weekday: true }),
        })}
      />
      {setup.providers.length === 0 && <NoDoctorsNotice fallback={t('day.noDoctors')} />}
      {doctor && hasNoHours(doctor) && <NoHoursNotice doctors={[doctor]} />}
      {failure && <Notice tone="error">{failure}</Notice>}
      {dialogs.notice}
      {shown && !hasNoHours(doctor) && (
        <TimeGrid
          columns={columns}
          slotName={(c, s) => t('grid.bookSlotOn', { time: s.start, date: c.label, doctor: doctor?.displayName ?? '' })}
          onBookSlot={(c, s) => dialogs.openBooking({ providerId, date: c.day.date, time: s.start })}
          onOpenAppointment={(a) => dialogs.openDetails(a.id)}
          onMove={(a, target) => dialogs.moveByDrag(a, target, columns)}
          scrollToMinutes={Number.isFinite(firstWork) ? firstWork : DEFAULT_GRID_START}
        />
      )}
      {dialogs.dialogs}
    </section>
  );
}
