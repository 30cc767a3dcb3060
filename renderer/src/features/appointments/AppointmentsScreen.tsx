import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BookTab } from './book';
import './book/book.css';
import { QueueView, RemindersView, TodayView } from './frontdesk';
import { APPOINTMENT_TABS as TABS, useAppointmentsNav, type AppointmentTab as Tab } from './appointments-nav-store';

/** The Appointments section: the book (day and week) and the front desk (today, queue, reminders) as tabs. */
export function AppointmentsScreen() {
  const { t } = useTranslation('appointments');
  const tab = useAppointmentsNav((s) => s.tab);
  const setTab = useAppointmentsNav((s) => s.setTab);
  const ids = useId();
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  // Arrow keys move between tabs (and select them), as in every tab set.
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? TABS[(i + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(i + TABS.length - 1) % TABS.length]
          : e.key === 'Home'
            ? TABS[0]
            : e.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <section className="appointments" aria-labelledby={`${ids}-title`}>
      <div className="appointments__header">
        <h1 id={`${ids}-title`}>{t('title')}</h1>
        <div role="tablist" aria-label={t('tabs.label')} className="appointments__tabs" onKeyDown={onKeyDown}>
          {TABS.map((name) => (
            <button
              key={name}
              ref={(el) => {
                tabRefs.current[name] = el;
              }}
              type="button"
              role="tab"
              id={`${ids}-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`${ids}-panel`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setTab(name)}
            >
              {t(`tabs.${name}`)}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-tab-${tab}`} className="appointments__panel">
        {(tab === 'day' || tab === 'week') && <BookTab view={tab} />}
        {tab === 'today' && <TodayView />}
        {tab === 'queue' && <QueueView />}
        {tab === 'reminders' && <RemindersView />}
      </div>
    </section>
  );
}
