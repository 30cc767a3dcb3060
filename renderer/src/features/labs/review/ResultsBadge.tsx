import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../../api/channel-hooks';

const REFRESH_MS = 60_000;

/** The number of reports waiting in the doctor's inbox, beside "Results" in the navigation; marked when any is critical. */
export function ResultsBadge() {
  const { t } = useTranslation('labreview');
  const counts = useChannelQuery('labs.review.counts', {}, { refreshMs: REFRESH_MS }).data;
  if (!counts || counts.total === 0) return null;
  const label = counts.critical
    ? t('badgeCritical', { count: counts.total, critical: counts.critical })
    : t('badge', { count: counts.total });
  return (
    <span className={`results-badge${counts.critical ? ' results-badge--critical' : ''}`} title={label}>
      <span aria-hidden="true">{counts.total}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
