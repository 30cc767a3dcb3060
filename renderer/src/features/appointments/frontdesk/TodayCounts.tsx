import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../shared/contract';

type Counts = ChannelOutput<'appointments.today'>['counts'];
const ORDER = ['expected', 'checkedIn', 'waiting', 'withDoctor', 'done', 'noShow', 'cancelled'] as const;

/** The day at a glance: one number per status, as a description list screen readers read in pairs. */
export function TodayCounts({ counts }: { counts: Counts }) {
  const { t } = useTranslation('frontdesk');
  return (
    <dl className="frontdesk-counts" aria-label={t('today.countsLabel')}>
      {ORDER.map((key) => (
        <div key={key} className={`frontdesk-counts__item frontdesk-counts__item--${key}`}>
          <dt>{t(`today.counts.${key}`)}</dt>
          <dd>{counts[key]}</dd>
        </div>
      ))}
    </dl>
  );
}
