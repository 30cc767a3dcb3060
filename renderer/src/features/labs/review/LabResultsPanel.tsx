import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { Dialog, Notice } from '../../../ui';
import { LAB_REPORTS_PAGE, type LabPatientReport } from '../../../../../shared/domain/lab-review';
import { LabCumulative } from './LabCumulative';
import { LabFlagMark, LabPriorityMark } from './LabFlagMark';
import { LabTrend } from './LabTrend';
import { PrintLabResultsButton } from './PrintLabResultsButton';
import { ReportView } from './ReportView';
import './lab-review.css';

type Opened =
  | null
  | { kind: 'trend'; code: string; name: string }
  | { kind: 'cumulative'; code: string; name: string }
  | { kind: 'report'; id: string; name: string };

/**
 * The chart's lab results (issue 11, parts 5-6): new (unreviewed) reports first marked "New" with
 * their out-of-range values, every report newest first; a trend of any test with numbers, a panel's
 * tests by date, a report opened to read and acknowledge, and the chosen reports printed.
 */
export function LabResultsPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation('labreview');
  const format = useDateFormat();
  const query = useChannelQuery('labs.review.patientReports', { patientId, limit: LAB_REPORTS_PAGE });
  const [opened, setOpened] = useState<Opened>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const reports = query.data?.reports ?? [];
  const fresh = reports.filter((r) => !r.reviewed);
  const older = reports.filter((r) => r.reviewed);
  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const item = (r: LabPatientReport) => (
    <li key={r.id} className={`lab-panel__report${r.reviewed ? '' : ' lab-panel__report--new'}`}>
      <div className="lab-panel__line">
        <input
          type="checkbox"
          checked={chosen.has(r.id)}
          onChange={() => toggle(r.id)}
          aria-label={t('panel.chooseToPrint', { name: r.name, date: format.dateTime(r.observedAt) })}
        />
        <button
          type="button"
          className="link-button"
          onClick={() => setOpened({ kind: 'report', id: r.id, name: r.name })}
        >
          {r.name}
        </button>
        {!r.reviewed && <span className="lab-panel__new">{t('panel.newMark')}</span>}
        {r.priority !== 'normal' && <LabPriorityMark priority={r.priority} />}
        <span className="lab-panel__date">{format.dateTime(r.observedAt)}</span>
      </div>
      {r.flagged.length > 0 ? (
        <ul className="lab-panel__flagged">
          {r.flagged.map((f) => (
            <li key={f.code}>
              {f.name}: <strong>{f.value}</strong> <LabFlagMark flag={f.flag} critical={f.critical} />
            </li>
          ))}
        </ul>
      ) : (
        !r.reviewed && <p className="lab-panel__normal">{t('panel.allNormal')}</p>
      )}
      <div className="lab-panel__links">
        {r.numericCodes.slice(0, 4).map((c) => (
          <button
            key={c.code}
            type="button"
            className="link-button"
            onClick={() => setOpened({ kind: 'trend', code: c.code, name: c.name })}
          >
            {t('panel.trend', { name: c.name })}
          </button>
        ))}
        {r.resultCount > 1 && (
          <button
            type="button"
            className="link-button"
            onClick={() => setOpened({ kind: 'cumulative', code: r.code, name: r.name })}
          >
            {t('panel.cumulative', { name: r.name })}
          </button>
        )}
      </div>
    </li>
  );

  return (
    <section className="chart-panel lab-panel" aria-labelledby={`labs-${patientId}`}>
      <div className="chart-panel__header">
        <h2 id={`labs-${patientId}`}>
          {t('panel.title')}
          {fresh.length > 0 && <span className="lab-panel__count"> · {t('panel.new', { count: fresh.length })}</span>}
        </h2>
        {chosen.size > 0 && (
          <PrintLabResultsButton
            patientId={patientId}
            reportIds={reports.filter((r) => chosen.has(r.id)).map((r) => r.id)}
            label={t('panel.printChosen', { count: chosen.size })}
          />
        )}
      </div>
      <div className="chart-panel__body">
        {query.error && <Notice tone="error">{errorMessage(query.error)}</Notice>}
        {!query.data && !query.error && <p role="status">{t('loading')}</p>}
        {query.data && reports.length === 0 && <p className="chart-panel__empty">{t('panel.none')}</p>}
        {reports.length > 0 && (
          <ul className="lab-panel__list" aria-label={t('panel.caption')}>
            {fresh.map(item)}
            {older.map(item)}
          </ul>
        )}
        {opened?.kind === 'trend' && (
          <LabTrend patientId={patientId} code={opened.code} name={opened.name} onClose={() => setOpened(null)} />
        )}
        {opened?.kind === 'cumulative' && (
          <LabCumulative
            patientId={patientId}
            reportCode={opened.code}
            name={opened.name}
            onClose={() => setOpened(null)}
          />
        )}
      </div>
      <Dialog
        open={opened?.kind === 'report'}
        title={opened?.kind === 'report' ? opened.name : ''}
        onClose={() => setOpened(null)}
      >
        {opened?.kind === 'report' && <ReportView reportId={opened.id} />}
      </Dialog>
    </section>
  );
}
