import { useDateFormat } from '../../format/use-date-format';
import { useTranslation } from 'react-i18next';
import { useClinicTimeZone } from '../../app/session-store';
import type { PatientSummary } from '../../../../shared/domain/patient';
import { fullName } from '../../../../shared/text';
import { ageLabel } from './patient-display';

interface PatientResultsProps {
  id: string;
  label: string;
  results: PatientSummary[];
  activeIndex: number;
  onOpen(patient: PatientSummary): void;
  onHover(index: number): void;
}

export function resultOptionId(listId: string, patient: PatientSummary): string {
  return `${listId}-${patient.id}`;
}

/**
 * Results as a listbox driven from the search box (the box keeps focus; aria-activedescendant says
 * which row is active), with a visual column header that screen readers skip.
 */
export function PatientResults({ id, label, results, activeIndex, onOpen, onHover }: PatientResultsProps) {
  const { t } = useTranslation('patients');
  const format = useDateFormat();
  const clinicTimeZone = useClinicTimeZone();
  return (
    <div className="patient-results">
      <div className="patient-results__row patient-results__head" aria-hidden="true">
        <span>{t('results.name')}</span>
        <span>{t('results.sex')}</span>
        <span>{t('results.age')}</span>
        <span>{t('results.birthDate')}</span>
        <span>{t('results.mrn')}</span>
        <span>{t('results.phone')}</span>
      </div>
      <ul id={id} role="listbox" aria-label={label} className="patient-results__list">
        {results.map((p, index) => (
          <li
            key={p.id}
            id={resultOptionId(id, p)}
            role="option"
            aria-selected={index === activeIndex}
            className="patient-results__row patient-results__option"
            onClick={() => onOpen(p)}
            onMouseMove={() => index !== activeIndex && onHover(index)}
          >
            <span className="patient-results__name">{fullName(p) || t('unnamed')}</span>
            <span>{t(`sex.${p.sex}`)}</span>
            <span>{ageLabel(p.birthDate, clinicTimeZone)}</span>
            <span>
              {format.date(p.birthDate)}
              {p.birthDateEstimated && <span className="patient-results__estimated"> {t('results.estimated')}</span>}
            </span>
            <span className="patient-results__mrn">{p.mrn}</span>
            <span>{p.phone}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
