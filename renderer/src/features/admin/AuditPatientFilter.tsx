import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/channel-hooks';
import { errorMessage } from '../../forms/field-errors';
import { TextField } from '../../ui';
import type { AuditPatientChoice } from '../../../../shared/audit-contract/find-patient';

interface AuditPatientFilterProps {
  patientId: string;
  patientLabel: string;
  onChoose(patientId: string, patientLabel: string): void;
  error?: string | undefined;
}

/** "Priya Sharma (PUNE-000004)", or the MRN alone for a reader who is not shown names. */
export function choiceLabel(p: AuditPatientChoice): string {
  return p.name ? `${p.name} (${p.mrn})` : p.mrn;
}

/**
 * The audit screen's patient filter: type a name, MRN or phone, choose the patient from what main
 * finds (audit.findPatient). Nobody needs a record id, which no screen shows.
 */
export function AuditPatientFilter({ patientId, patientLabel, onChoose, error }: AuditPatientFilterProps) {
  const { t } = useTranslation('admin');
  const listId = useId();
  const [text, setText] = useState('');
  const typed = useDeferredValue(text.trim());
  const found = useChannelQuery('audit.findPatient', { text: typed }, { enabled: !patientId && typed.length >= 2 });
  const choices = typed.length >= 2 ? (found.data ?? []) : [];

  if (patientId) {
    return (
      <div className="admin-audit-patient">
        <p className="admin-audit-patient__chosen">
          {t('audit.patientChosen', { patient: patientLabel || patientId })}
        </p>
        <button type="button" onClick={() => onChoose('', '')}>
          {t('audit.patientClear')}
        </button>
      </div>
    );
  }
  return (
    <div className="admin-audit-patient">
      <TextField
        label={t('audit.patient')}
        hint={t('audit.patientHint')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={error ?? (found.error ? errorMessage(found.error) : undefined)}
        spellCheck={false}
        autoComplete="off"
        aria-controls={listId}
      />
      <ul id={listId} className="admin-audit-patient__choices" aria-label={t('audit.patientChoices')}>
        {choices.map((p) => (
          <li key={p.patientId}>
            <button
              type="button"
              onClick={() => {
                setText('');
                onChoose(p.patientId, choiceLabel(p));
              }}
            >
              {choiceLabel(p)}
            </button>
          </li>
        ))}
        {typed.length >= 2 && found.data?.length === 0 && <li className="muted">{t('audit.patientNone')}</li>}
      </ul>
    </div>
  );
}
