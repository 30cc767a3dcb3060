import { useTranslation } from 'react-i18next';
import { DOCTOR, mayCall } from '../../../../../shared/access';
import { useChannelQuery } from '../../../api/channel-hooks';
import { useSessionStore } from '../../../app/session-store';
import { useDateFormat } from '../../../format/use-date-format';
import './allergies.css';

/**
 * Under the patient banner, for doctors only (allergies are clinical: receptionists never ask for
 * them, and main refuses them anyway): the active allergies, or "No known allergies" with who said
 * so and when, or that nobody has recorded them yet. Same read as the Allergies panel (one cache entry).
 */
export function AllergyBanner({ patientId }: { patientId: string }) {
  const roles = useSessionStore((s) => s.session?.roles ?? []);
  const clinical = mayCall(DOCTOR, roles);
  if (!clinical) return null;
  return <AllergyBannerText patientId={patientId} />;
}

function AllergyBannerText({ patientId }: { patientId: string }) {
  const { t } = useTranslation('problems');
  const format = useDateFormat();
  const list = useChannelQuery('allergies.list', { patientId });
  if (!list.data) return null;
  const { status, allergies, nka } = list.data;
  const active = allergies.filter((a) => a.status === 'active');
  const text =
    status === 'recorded'
      ? t('allergies.bannerRecorded', {
          list: active
            .map((a) => (a.severity ? `${a.substance} (${t(`allergies.severityValue.${a.severity}`)})` : a.substance))
            .join(', '),
        })
      : status === 'nka' && nka
        ? t('allergies.bannerNka', { who: nka.recordedBy, date: format.dateTime(nka.recordedAt) })
        : t('allergies.bannerNotRecorded');
  return (
    <p className={`allergy-banner allergy-banner--${status}`} role="note" aria-label={t('allergies.bannerLabel')}>
      {text}
    </p>
  );
}
