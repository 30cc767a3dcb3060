import { useTranslation } from 'react-i18next';
import type { AppointmentStatus } from '../../../../../shared/domain/appointment';

/** The state's one word, the same as in the book and on printouts (shared/format/appointment-status.ts). */
export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const { t } = useTranslation('appointments');
  return <span className={`frontdesk-status frontdesk-status--${status}`}>{t(`status.${status}`)}</span>;
}
