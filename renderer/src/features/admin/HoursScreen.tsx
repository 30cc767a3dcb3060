import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/channel-hooks';
import { useClinicTimeZone } from '../../app/session-store';
import { Notice, SelectField } from '../../ui';
import { todayIn } from '../../../../shared/dates';
import { errorMessage } from '../../forms/field-errors';
import { DaysOffPanel } from './hours/DaysOffPanel';
import { HolidaysPanel } from './hours/HolidaysPanel';
import { WeeklyHoursForm } from './hours/WeeklyHoursForm';
import './admin.css';
import './hours/hours.css';

/** Administrators set each doctor's weekly hours, default length and days off, and the clinic's holidays. */
export function HoursScreen() {
  const { t } = useTranslation('admin');
  const providersQuery = useChannelQuery('providers.list', {});
  const providers = providersQuery.data ?? null;
  const loadError = providersQuery.error ? t('hours.loadFailed', { message: errorMessage(providersQuery.error) }) : '';
  // "Upcoming" means from today at the clinic, whatever this computer's own zone is.
  const today = todayIn(useClinicTimeZone());
  const [picked, setPicked] = useState('');
  const chosen = picked || providers?.[0]?.providerId || '';
  const schedule = providers?.find((p) => p.providerId === chosen);

  return (
    <section className="admin-screen" aria-labelledby="admin-hours-title">
      <h1 id="admin-hours-title">{t('hours.title')}</h1>
      <p className="admin-screen__intro">{t('hours.intro')}</p>
      {loadError && <Notice tone="error">{loadError}</Notice>}
      {!providers && !loadError && <p>{t('loading')}</p>}
      {providers?.length === 0 && <p className="admin-empty">{t('hours.noDoctors')}</p>}
      {providers && providers.length > 0 && (
        <div className="hours-doctor">
          <SelectField
            label={t('hours.doctor')}
            value={chosen}
            onChange={(e) => setPicked(e.target.value)}
            options={providers.map((p) => ({ value: p.providerId, label: p.displayName }))}
          />
        </div>
      )}
      {schedule && today && (
        <>
          {/* Keyed by doctor so switching doctors starts from that doctor's saved hours. */}
          <WeeklyHoursForm key={schedule.providerId} schedule={schedule} />
          <div className="hours-columns">
            <DaysOffPanel
              key={schedule.providerId}
              providerId={schedule.providerId}
              name={schedule.displayName}
              today={today}
            />
            <HolidaysPanel today={today} />
          </div>
        </>
      )}
      {providers?.length === 0 && today && <HolidaysPanel today={today} />}
    </section>
  );
}
