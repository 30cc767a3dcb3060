import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage, fieldErrors } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { DataTable, Notice, TextAreaField, type Column } from '../../../ui';
import { REVIEW_COMMENT_MAX, type LabInboxItem } from '../../../../../shared/domain/lab-review';
import { LabPriorityMark } from './LabFlagMark';
import { AFTER_REVIEW, ReportView } from './ReportView';
import './lab-review.css';

/** How often the inbox looks for new results while it is open (a read of the doctor's own list). */
const REFRESH_MS = 60_000;

/**
 * The doctor's results inbox (issue 11, part 5): unreviewed reports, critical first, then abnormal,
 * then the rest, newest first within; one opens beside the list; several can be acknowledged with
 * one comment.
 */
export function ResultsScreen() {
  const { t } = useTranslation('labreview');
  const format = useDateFormat();
  const inbox = useChannelQuery('labs.review.inbox', { limit: 100 }, { refreshMs: REFRESH_MS });
  const acknowledge = useChannelMutation('labs.review.acknowledge', { invalidates: AFTER_REVIEW });
  const [open, setOpen] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const items = inbox.data?.items ?? [];
  const counts = inbox.data?.counts;
  const chosenItems = items.filter((i) => chosen.has(i.reportId));
  const errors = acknowledge.error ? fieldErrors(acknowledge.error) : {};

  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const acknowledgeChosen = () =>
    acknowledge.mutate(
      { reports: chosenItems.map((i) => ({ id: i.reportId, version: i.version })), comment },
      {
        onSuccess: (r) => {
          setDone(r.acknowledged);
          setChosen(new Set());
          setComment('');
          if (open && chosen.has(open)) setOpen(null);
        },
      },
    );

  const columns: Column<LabInboxItem>[] = [
    {
      key: 'choose',
      header: <span className="visually-hidden">{t('inbox.selected', { count: chosen.size })}</span>,
      cell: (i) => (
        <input
          type="checkbox"
          checked={chosen.has(i.reportId)}
          onChange={() => toggle(i.reportId)}
          onClick={(e) => e.stopPropagation()}
          aria-label={t('inbox.select', { name: i.name, patient: i.patientName })}
        />
      ),
    },
    { key: 'priority', header: t('inbox.priority'), cell: (i) => <LabPriorityMark priority={i.priority} /> },
    {
      key: 'patient',
      header: t('inbox.patient'),
      rowHeader: true,
      cell: (i) => (
        <>
          {i.patientName} <span className="lab-inbox__mrn">{i.patientMrn}</span>
        </>
      ),
    },
    {
      key: 'report',
      header: t('inbox.report'),
      cell: (i) => (
        <>
          {i.name}
          {i.criticalCount + i.abnormalCount > 0 && (
            <span className="lab-inbox__flagged">
              {' '}
              · {t('inbox.flagged', { count: i.criticalCount + i.abnormalCount })}
            </span>
          )}
        </>
      ),
    },
    { key: 'taken', header: t('inbox.taken'), cell: (i) => format.dateTime(i.observedAt) },
    {
      key: 'open',
      header: <span className="visually-hidden">{t('inbox.open')}</span>,
      cell: (i) => (
        <button
          type="button"
          onClick={() => setOpen(i.reportId)}
          aria-label={t('inbox.openFor', { name: i.name, patient: i.patientName })}
        >
          {t('inbox.open')}
        </button>
      ),
    },
  ];

  return (
    <div className="results-screen">
      <section className="results-screen__inbox" aria-labelledby="results-inbox-heading">
        <h1 id="results-inbox-heading">{t('inbox.heading')}</h1>
        {counts && counts.total > 0 && <p className="results-screen__summary">{t('inbox.summary', counts)}</p>}
        {inbox.error && <Notice tone="error">{errorMessage(inbox.error)}</Notice>}
        {!inbox.data && !inbox.error && <p role="status">{t('loading')}</p>}
        {done !== null && <Notice tone="success">{t('inbox.acknowledged', { count: done })}</Notice>}
        {inbox.data && items.length === 0 && <p className="results-screen__empty">{t('inbox.empty')}</p>}
        {items.length > 0 && (
          <>
            <div className="results-screen__list">
              <DataTable
                caption={t('inbox.caption')}
                columns={columns}
                rows={items}
                rowKey={(i) => i.reportId}
                rowClassName={(i) => `lab-inbox__row--${i.priority}`}
                selection={{ selectedKey: open, onSelect: setOpen }}
              />
            </div>
            {counts && counts.total > items.length && (
              <p className="results-screen__more">{t('inbox.showing', { shown: items.length, total: counts.total })}</p>
            )}
            {chosen.size > 0 && (
              <form
                className="results-screen__bulk"
                aria-label={t('inbox.acknowledgeChosen')}
                onSubmit={(e) => {
                  e.preventDefault();
                  acknowledgeChosen();
                }}
              >
                <TextAreaField
                  label={t('comment')}
                  hint={t('commentHint')}
                  value={comment}
                  rows={2}
                  limit={REVIEW_COMMENT_MAX}
                  error={errors.comment}
                  onChange={(e) => setComment(e.target.value)}
                />
                {acknowledge.error && !errors.comment && (
                  <Notice tone="error">{errorMessage(acknowledge.error)}</Notice>
                )}
                <button type="submit" className="primary" disabled={acknowledge.isPending}>
                  {t('inbox.acknowledgeSelected', { count: chosenItems.length })}
                </button>
              </form>
            )}
          </>
        )}
      </section>
      <section className="results-screen__report" aria-label={t('report.heading')}>
        {open ? (
          <ReportView key={open} reportId={open} onAcknowledged={() => setDone(1)} />
        ) : (
          <p className="results-screen__empty">{t('report.none')}</p>
        )}
      </section>
    </div>
  );
}
