import { useTranslation } from 'react-i18next';
import { Notice } from '../../../ui';
import { clinicNow } from './book-time';
import { useBookStore } from './book-store';
import { DayView } from './DayView';
import { useBookSetup } from './use-book-setup';
import { WeekView } from './WeekView';

/** The appointment book's Day or Week tab, once the doctors and the clinic's time zone are known. */
export function BookTab({ view }: { view: 'day' | 'week' }) {
  const { t } = useTranslation('appointments');
  const { setup, error } = useBookSetup();
  const storedDate = useBookStore((s) => s.date);
  const setDate = useBookStore((s) => s.setDate);
  const storedProvider = useBookStore((s) => s.weekProviderId);
  const setProvider = useBookStore((s) => s.setWeekProviderId);
  if (error) {
    return (
      <Notice tone="error">
        {t('unavailable')} {error}
      </Notice>
    );
  }
  if (!setup) return <p className="muted">{t('loading')}</p>;
  const date = storedDate ?? clinicNow(setup.timeZone).date;
  if (view === 'day') return <DayView setup={setup} date={date} onDateChange={setDate} />;
  const providerId = setup.providers.some((p) => p.providerId === storedProvider)
    ? storedProvider
    : (setup.providers[0]?.providerId ?? '');
  return (
    <WeekView setup={setup} date={date} onDateChange={setDate} providerId={providerId} onProviderChange={setProvider} />
  );
}
