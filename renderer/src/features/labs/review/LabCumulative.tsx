import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { Notice } from '../../../ui';
import { LabFlagMark } from './LabFlagMark';

/** A panel's tests by date (issue 11, part 6): one row per test, one column per report, oldest first. */
export function LabCumulative({
  patientId,
  reportCode,
  name,
  onClose,
}: {
  patientId: string;
  reportCode: string;
  name: string;
  onClose(): void;
}) {
  const { t } = useTranslation('labreview');
  const format = useDateFormat();
  const headingId = useId();
  const query = useChannelQuery('labs.review.cumulative', { patientId, reportCode });
  const data = query.data;
  return (
    <section className="lab-cumulative" aria-labelledby={headingId}>
      <div className="chart-panel__header">
        <h3 id={headingId}>{t('cumulative.title', { name: data?.name ?? name })}</h3>
        <button type="button" onClick={onClose}>
          {t('cumulative.close')}
        </button>
      </div>
      {query.error && <Notice tone="error">{errorMessage(query.error)}</Notice>}
      {!data && !query.error && <p role="status">{t('loading')}</p>}
      {data && data.columns.length === 0 && <p className="chart-panel__empty">{t('cumulative.none', { name })}</p>}
      {data && data.columns.length > 0 && (
        <div className="lab-cumulative__scroll">
          <table className="data-table lab-cumulative__table">
            <caption className="visually-hidden">{t('cumulative.caption', { name: data.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cumulative.test')}</th>
                <th scope="col">{t('cumulative.range')}</th>
                {data.columns.map((c) => (
                  <th key={c.reportId} scope="col">
                    {format.dateTime(c.observedAt)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.code}>
                  <th scope="row">
                    {row.name}
                    {row.unit && <span className="lab-cumulative__unit"> ({row.unit})</span>}
                  </th>
                  <td>{row.range}</td>
                  {row.cells.map((cell, i) => (
                    <td key={data.columns[i]!.reportId}>
                      {cell ? (
                        <>
                          {cell.value} <LabFlagMark flag={cell.flag} critical={cell.critical} />
                        </>
                      ) : (
                        ''
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
