import { useDateFormat } from '../../format/use-date-format';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/channel-hooks';
import { errorMessage } from '../../forms/field-errors';
import { Notice } from '../../ui';

/** Every saved version: when, who, and each field's value before and after. Newest first. */
export function PatientHistory({ patientId, version }: { patientId: string; version: number }) {
  const { t } = useTranslation('patients');
  const format = useDateFormat();
  // Keyed by version too: a saved edit is a new version whose history must be read again.
  const query = useChannelQuery('patients.history', { id: patientId }, { key: version });
  const entries = query.data ?? null;

  if (query.error) return <Notice tone="error">{errorMessage(query.error)}</Notice>;
  if (!entries) return <p role="status">{t('history.loading')}</p>;
  return (
    <ol className="patient-history">
      {entries.map((entry) => {
        const title = t(entry.version === 1 ? 'history.registered' : 'history.version', { version: entry.version });
        return (
          <li key={entry.version}>
            <article aria-label={title} className="patient-history__entry">
              <h3>
                {title}{' '}
                <span className="patient-history__meta">
                  {t('history.byOn', { who: entry.changedByName, when: format.dateTime(entry.changedAt) })}
                </span>
              </h3>
              {entry.changes.length === 0 ? (
                <p>{t('history.noChanges')}</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('history.field')}</th>
                      <th scope="col">{t('history.from')}</th>
                      <th scope="col">{t('history.to')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entry.changes.map((c) => (
                      <tr key={c.field}>
                        <th scope="row">{c.field}</th>
                        <td>{c.from || <span className="patient-history__empty">{t('history.empty')}</span>}</td>
                        <td>{c.to || <span className="patient-history__empty">{t('history.empty')}</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
