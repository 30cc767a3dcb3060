import { useDateFormat } from '../../format/use-date-format';
import { useTranslation } from 'react-i18next';
import { useClinicTimeZone } from '../../app/session-store';
import type { Patient, PatientSummary } from '../../../../shared/domain/patient';
import { fullName } from '../../../../shared/text';
import { ageLabel } from './patient-display';

interface PatientBannerProps {
  patient: Patient | PatientSummary;
  /** The name is the page's main heading on the chart; other screens may nest it lower. */
  headingLevel?: 1 | 2;
}

/**
 * Who this is, at a glance, on every screen about one patient: the identity checks a clinician
 * makes before acting (name, age, sex, MRN) and the alerts that must never be missed.
 */
export function PatientBanner({ patient, headingLevel = 1 }: PatientBannerProps) {
  const { t } = useTranslation('patients');
  const format = useDateFormat();
  const clinicTimeZone = useClinicTimeZone();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const phone = 'phones' in patient ? (patient.phones[0]?.number ?? '') : patient.phone;
  const born = format.date(patient.birthDate) + (patient.birthDateEstimated ? ` ${t('results.estimated')}` : '');
  return (
    <section className="patient-banner" aria-label={t('banner.label')}>
      <Heading className="patient-banner__name">{fullName(patient) || t('unnamed')}</Heading>
      <dl className="patient-banner__facts">
        <div>
          <dt>{t('banner.age')}</dt>
          <dd>{ageLabel(patient.birthDate, clinicTimeZone)}</dd>
        </div>
        <div>
          <dt>{t('banner.sex')}</dt>
          <dd>{t(`sex.${patient.sex}`)}</dd>
        </div>
        <div>
          <dt>{t('banner.born')}</dt>
          <dd>{born}</dd>
        </div>
        <div>
          <dt>{t('banner.mrn')}</dt>
          <dd className="patient-banner__mrn">{patient.mrn}</dd>
        </div>
        <div>
          <dt>{t('banner.phone')}</dt>
          <dd>{phone || t('banner.none')}</dd>
        </div>
      </dl>
    </section>
  );
}
