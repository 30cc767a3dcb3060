import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISITS_PAGE, type VisitWithNotes } from '../../../../../shared/domain/visit';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { useSessionStore } from '../../../app/session-store';
import { useDateFormat } from '../../../format/use-date-format';
import { errorMessage } from '../../../forms/field-errors';
import { Notice } from '../../../ui';
import { CurrentVisit } from './CurrentVisit';
import { NoteLibraryDialog } from './NoteLibraryDialog';
import { NoteView } from './NoteView';
import { LabOrdersPanel } from '../../labs/LabOrdersPanel';
import { PrintVisitSummaryButton } from './PrintVisitSummaryButton';
import { UnsignedNotesNotice } from './UnsignedNotesNotice';
import './visits.css';

/** Alt+V starts a visit for the patient on screen (aria-keyshortcuts on the button says so). */
const isStartKey = (e: KeyboardEvent) =>
  e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.key.toLowerCase() === 'v';

function PastVisit({ visit }: { visit: VisitWithNotes }) {
  const { t } = useTranslation('visits');
  const format = useDateFormat();
  const label = t('past.label', { when: format.dateTime(visit.startedAt), doctor: visit.providerName });
  return (
    <li>
      <article className="past-visit" aria-label={label}>
        <h4>
          {label}
          {visit.status === 'in_progress' && <span className="past-visit__status"> · {t('past.inProgress')}</span>}
        </h4>
        {visit.reason && <p className="past-visit__reason">{visit.reason}</p>}
        <div className="past-visit__actions">
          <PrintVisitSummaryButton visitId={visit.id} label={label} />
        </div>
        {visit.notes.length === 0 ? (
          <p className="chart-panel__empty">{t('past.noNotes')}</p>
        ) : (
          visit.notes.map((n) => <NoteView key={n.id} note={n} />)
        )}
        <LabOrdersPanel visitId={visit.id} patientId={visit.patientId} canOrder={false} />
      </article>
    </li>
  );
}

/**
 * The chart's Visits panel: Start visit (Alt+V), the doctor's visit in progress with its note
 * editor, and the patient's visits newest first with their notes and addenda.
 */
export function VisitsPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation('visits');
  const headingId = useId();
  const me = useSessionStore((s) => s.session?.userId);
  // The newest page first; "Show older visits" asks main for more (a long chart opens as fast as a new one).
  const [limit, setLimit] = useState(VISITS_PAGE);
  const visits = useChannelQuery('visits.list', { patientId, limit });
  const start = useChannelMutation('visits.start', {
    invalidates: ['visits.list', 'appointments.queue', 'appointments.today', 'appointments.day'],
  });
  const [library, setLibrary] = useState(false);
  const list = visits.data ?? [];
  const current = list.find((v) => v.status === 'in_progress' && v.providerId === me);
  const others = list.filter((v) => v !== current);
  const canStart = visits.isSuccess && !current && !start.isPending;

  const startVisit = () => {
    if (canStart) start.mutate({ patientId });
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isStartKey(e) || e.defaultPrevented) return;
      e.preventDefault();
      startVisit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section className="chart-panel visits-panel" aria-labelledby={headingId}>
      <div className="chart-panel__header">
        <h2 id={headingId}>{t('title')}</h2>
        <div className="visits-panel__actions">
          <button type="button" onClick={() => setLibrary(true)}>
            {t('library.open')}
          </button>
          {!current && (
            <button
              type="button"
              className="primary"
              disabled={!canStart}
              onClick={startVisit}
              aria-keyshortcuts="Alt+V"
            >
              {t('start')}
            </button>
          )}
        </div>
      </div>
      <UnsignedNotesNotice patientId={patientId} />
      {visits.error && <Notice tone="error">{errorMessage(visits.error)}</Notice>}
      {start.error && <Notice tone="error">{errorMessage(start.error)}</Notice>}
      {current && <CurrentVisit visit={current} />}
      <h3 className="visits-panel__subheading">{t('past.title')}</h3>
      <div className="chart-panel__body">
        {visits.isPending ? (
          <p role="status">{t('loading')}</p>
        ) : others.length === 0 ? (
          <p className="chart-panel__empty">{t('past.empty')}</p>
        ) : (
          <ol className="past-visits" aria-label={t('past.title')}>
            {others.map((v) => (
              <PastVisit key={v.id} visit={v} />
            ))}
          </ol>
        )}
        {list.length >= limit && (
          <button type="button" onClick={() => setLimit((n) => n + VISITS_PAGE)}>
            {t('past.showOlder')}
          </button>
        )}
      </div>
      {library && <NoteLibraryDialog onClose={() => setLibrary(false)} />}
    </section>
  );
}
