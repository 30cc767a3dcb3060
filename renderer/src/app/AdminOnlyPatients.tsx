import { useTranslation } from 'react-i18next';
import { Notice } from '../ui';

/** What an administrator without a clinical or front-desk role sees under Patients, and why. */
export function AdminOnlyPatients() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="patients-admin-only-title">
      <h1 id="patients-admin-only-title">{t('patientsAdminOnly.title')}</h1>
      <Notice tone="info">
        <p className="notice__lead">{t('patientsAdminOnly.explain')}</p>
        <p>{t('patientsAdminOnly.whatToDo')}</p>
      </Notice>
    </section>
  );
}
