import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../../api/channel-hooks';
import { useDateFormat } from '../../../format/use-date-format';
import { Notice } from '../../../ui';
import { usePatientsNav } from '../../patients/patients-nav-store';

/** The doctor's own notes unsigned for more than a day, each opening its patient's chart, until signed. */
export function UnsignedNotesNotice({ patientId }: { patientId: string }) {
  const { t } = useTranslation('visits');
  const format = useDateFormat();
  const openPatient = usePatientsNav((s) => s.openPatient);
  const unsigned = useChannelQuery('notes.unsigned', {});
  const notes = unsigned.data ?? [];
  if (notes.length === 0) return null;
  return (
    <Notice tone="info">
      <details className="unsigned-notes">
        <summary>{t('unsigned.summary', { count: notes.length })}</summary>
        <ul aria-label={t('unsigned.list')}>
          {notes.map((n) => (
            <li key={n.id}>
              {n.patientId === patientId ? (
                <span>{t('unsigned.thisPatient', { when: format.dateTime(n.createdAt) })}</span>
              ) : (
                <button type="button" onClick={() => openPatient(n.patientId)}>
                  {t('unsigned.open', { name: n.patientName, mrn: n.patientMrn, when: format.dateTime(n.createdAt) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      </details>
    </Notice>
  );
}
