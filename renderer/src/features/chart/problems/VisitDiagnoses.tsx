import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';
import { Notice } from '../../../ui';
import { AddProblemDialog } from './AddProblemDialog';
import './problems.css';

/**
 * One visit's diagnoses (category encounter-diagnosis) with "Add diagnosis", for the visit screen
 * to place (the visits area owns that screen). A diagnosis may also go on the problem list, in the
 * same save. Reads the same problems.list as the Problems panel (one cache entry, one audit).
 */
export function VisitDiagnoses({ patientId, visitId }: { patientId: string; visitId: string }) {
  const { t } = useTranslation('problems');
  const [adding, setAdding] = useState(false);
  const list = useChannelQuery('problems.list', { patientId });
  const diagnoses = (list.data ?? []).filter((p) => p.category === 'encounter-diagnosis' && p.visitId === visitId);
  return (
    <section className="visit-diagnoses" aria-labelledby={`diagnoses-${visitId}`}>
      <div className="chart-panel__header">
        <h3 id={`diagnoses-${visitId}`}>{t('visitDiagnoses')}</h3>
        <button type="button" onClick={() => setAdding(true)}>
          {t('addDiagnosis')}
        </button>
      </div>
      {list.error && <Notice tone="error">{errorMessage(list.error)}</Notice>}
      {list.data && diagnoses.length === 0 && <p className="chart-panel__empty">{t('noDiagnoses')}</p>}
      {diagnoses.length > 0 && (
        <ul aria-labelledby={`diagnoses-${visitId}`}>
          {diagnoses.map((d) => (
            <li key={d.id}>
              <span className="problem__code">{d.code ?? t('uncoded')}</span> {d.description}
            </li>
          ))}
        </ul>
      )}
      <AddProblemDialog patientId={patientId} visitId={visitId} open={adding} onClose={() => setAdding(false)} />
    </section>
  );
}
