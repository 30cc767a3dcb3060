import { useTranslation } from 'react-i18next';
import { Notice } from '../ui';
import { useNavStore } from './nav-store';

/** What an administrator without a clinical or front-desk role sees under Patients, and why. */
export function AdminOnlyPatients() {
  const { t } = useTranslation();
  const go = useNavStore((s) => s.go);
  return (
    <section aria-labelledby="patients-admin-only-title">
      <h1 id="patients-admin-only-title">{t('patientsAdminOnly.title')}</h1>
      <Notice tone="info">
        <p className="notice__lead">{t('patientsAdminOnly.explain')}</p>
        {/* The reader is an administrator: they can do it themselves, nobody else needs asking. */}
        <p>{t('nextsteps:adminOnlyWhatToDo')}</p>
        <button type="button" onClick={() => go('users')}>
          {t('nextsteps:openUsers')}
        </button>
      </Notice>
    </section>
  );
}
