import { useTranslation } from 'react-i18next';
import type { AppointmentStatus } from '../../../../../shared/domain/appointment';

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const { t } = useTranslation('frontdesk');
  return <span className={`frontdesk-status frontdesk-status--${status}`}>{t(`status.${status}`)}</span>;
}
