import { useState } from 'react';
import { LAB_RESULT_READS } from '../lab-reads';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage, fieldErrors } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { DataTable, Notice, TextAreaField, type Column } from '../../../ui';
import type { LabResultView } from '../../../../../shared/domain/lab';
import { REVIEW_COMMENT_MAX, labRangeText, labValueText } from '../../../../../shared/domain/lab-review';
import { LabFlagMark, LabPriorityMark } from './LabFlagMark';
import { PrintLabResultsButton } from './PrintLabResultsButton';

/** The reads an acknowledgement makes stale. */
/** A review moves the order to "reviewed" too. */
export const AFTER_REVIEW = LAB_RESULT_READS;

/** One report: who and when, every result with its flag and range, the review, and "Acknowledge" with a comment. */
export function ReportView({ reportId, onAcknowledged }: { reportId: string; onAcknowledged?(): void }) {
  const { t } = useTranslation('labreview');
  const format = useDateFormat();
  const query = useChannelQuery('labs.review.report', { reportId });
  const acknowledge = useChannelMutation('labs.review.acknowledge', { invalidates: AFTER_REVIEW });
  const [comment, setComment] = useState('');
  if (query.error) return <Notice tone="error">{errorMessage(query.error)}</Notice>;
  if (!query.data) return <p role="status">{t('loading')}</p>;
  const { report, results } = query.data;
  const errors = acknowledge.error ? fieldErrors(acknowledge.error) : {};
  const columns: Column<LabResultView>[] = [
    {
      key: 'test',
      header: t('report.test'),
      rowHeader: true,
      cell: (r) => (
        <>
          {r.name}
          {r.status === 'cancelled' && <span className="lab-report__note"> · {t('report.cancelled')}</span>}
          {r.status === 'preliminary' && <span className="lab-report__note"> · {t('report.preliminary')}</span>}
          {(r.comment || r.deltaNote) && (
            <span className="lab-report__note">{[r.comment, r.deltaNote].filter(Boolean).join(' · ')}</span>
          )}
        </>
      ),
    },
    {
      key: 'result',
      header: t('report.result'),
      cell: (r) => <span className="lab-report__value">{labValueText(r)}</span>,
    },
    { key: 'flag', header: t('report.flag'), cell: (r) => <LabFlagMark flag={r.flag} critical={r.critical} /> },
    { key: 'range', header: t('report.range'), cell: (r) => labRangeText(r) },
  ];
  const submit = () =>
    acknowledge.mutate(
      { reports: [{ id: report.id, version: report.version }], comment },
      {
        onSuccess: () => {
          setComment('');
          onAcknowledged?.();
        },
      },
    );
  return (
    <article className="lab-report" aria-labelledby={`report-${report.id}`}>
      <header className="lab-report__header">
        <h3 id={`report-${report.id}`}>
          {report.name} <LabPriorityMark priority={report.priority} />
        </h3>
        <p className="lab-report__patient">{t('report.for', { name: report.patientName, mrn: report.patientMrn })}</p>
        <p className="lab-report__meta">
          {[
            t('report.taken', { when: format.dateTime(report.observedAt) }),
            report.performer ? t('report.lab', { name: report.performer }) : '',
            report.orderNumber ? t('report.order', { number: report.orderNumber }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </header>
      <DataTable
        caption={t('report.caption', { name: report.name })}
        columns={columns}
        rows={results}
        rowKey={(r) => r.id}
        rowClassName={(r) => (r.status === 'cancelled' ? 'lab-report__row--cancelled' : undefined)}
        scroll
      />
      {report.comment && <p className="lab-report__comment">{t('report.labComment', { text: report.comment })}</p>}
      {report.reviewedAt ? (
        <p className="lab-report__review">
          {t('report.reviewed', { name: report.reviewedByName ?? '', when: format.dateTime(report.reviewedAt) })}
          {report.reviewComment && <>: {report.reviewComment}</>}
        </p>
      ) : (
        <form
          className="lab-report__acknowledge"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <TextAreaField
            label={t('comment')}
            hint={t('commentHint')}
            value={comment}
            limit={REVIEW_COMMENT_MAX}
            rows={2}
            error={errors.comment}
            onChange={(e) => setComment(e.target.value)}
          />
          {acknowledge.error && !errors.comment && <Notice tone="error">{errorMessage(acknowledge.error)}</Notice>}
          <button type="submit" className="primary" disabled={acknowledge.isPending}>
            {t('report.acknowledge')}
          </button>
        </form>
      )}
      <div className="lab-report__actions">
        <PrintLabResultsButton patientId={report.patientId} reportIds={[report.id]} label={t('panel.print')} />
      </div>
    </article>
  );
}
