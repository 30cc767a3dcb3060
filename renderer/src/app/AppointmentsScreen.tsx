import { useTranslation } from 'react-i18next';

/** Holds the Appointments place in the menu until the front-desk release brings scheduling. */
export function AppointmentsScreen() {
  const { t } = useTranslation();
  return (
    <section className="empty-state" aria-labelledby="appointments-title">
      <h1 id="appointments-title">{t('appointments.title')}</h1>
      <p className="empty-state__main">{t('appointments.empty')}</p>
      <p className="muted">{t('appointments.emptyDetail')}</p>
    </section>
  );
}
