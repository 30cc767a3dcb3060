import { useDateFormat } from '../../format/use-date-format';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../shared/domain/patient';

/** The registration details as read-only facts; empty ones say so rather than disappear. */
export function PatientDemographics({ patient }: { patient: Patient }) {
  const { t } = useTranslation('patients');
  const format = useDateFormat();
  const none = t('details.none');
  const address = [
    patient.address.line,
    patient.address.city,
    patient.address.region,
    patient.address.postalCode,
    patient.address.country,
  ]
    .filter(Boolean)
    .join(', ');
  const contact = patient.emergencyContact;
  const rows: [string, string][] = [
    [t('form.givenNames'), patient.givenNames || none],
    [t('form.familyName'), patient.familyName || none],
    [t('form.sex'), t(`sex.${patient.sex}`)],
    [t('form.genderIdentity'), patient.genderIdentity || none],
    [
      t('form.birthDate'),
      format.date(patient.birthDate) + (patient.birthDateEstimated ? ` ${t('details.estimatedFromAge')}` : ''),
    ],
    [t('form.phones'), patient.phones.map((p) => `${p.number} (${t(`phoneKind.${p.kind}`)})`).join(' · ') || none],
    [t('form.address'), address || none],
    [t('form.identifiers'), patient.identifiers.map((i) => `${i.system}: ${i.value}`).join(' · ') || none],
    [
      t('form.emergencyContact'),
      [contact.name, contact.relationship && `(${contact.relationship})`, contact.phone].filter(Boolean).join(' ') ||
        none,
    ],
    [t('form.notes'), patient.notes || none],
    [t('details.registered'), format.dateTime(patient.createdAt)],
    [
      t('details.updated'),
      t('details.updatedValue', { when: format.dateTime(patient.updatedAt), version: patient.version }),
    ],
  ];
  return (
    <dl className="patient-details">
      {rows.map(([label, value]) => (
        <div key={label} className="patient-details__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
