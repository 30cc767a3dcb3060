import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Preferences } from '../../../shared/domain/preferences';
import { channelKey, useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { useNavStore } from './nav-store';

const PREFERENCES = channelKey('preferences.get', {});

/**
 * A new clinic's next steps, shown to an administrator while any is left: add the people who work
 * here, then give every doctor working hours (without them, nobody can be booked). Each step opens
 * its screen; the list goes away by itself once both are done, or for good with "Hide" (the
 * administrator's own preference in main: a doctor working alone has nobody to add).
 */
export function NextSteps() {
  const { t } = useTranslation('nextsteps');
  const headingId = useId();
  const client = useQueryClient();
  const go = useNavStore((s) => s.go);
  const preferences = useChannelQuery('preferences.get', {});
  const hide = useChannelMutation('preferences.set');
  const users = useChannelQuery('users.list', {}).data;
  const providers = useChannelQuery('providers.list', {}).data;
  if (!preferences.data || preferences.data['setup.nextStepsHidden'] || !users || !providers) return null;

  const active = users.filter((u) => !u.disabled);
  const usersDone = active.length > 1;
  const withoutHours = providers.filter((p) => p.version === null || p.weeklyHours.length === 0);
  const hoursDone = providers.length > 0 && withoutHours.length === 0;
  if (usersDone && hoursDone) return null;

  const step = (done: boolean) => (
    <span className={`next-steps__state${done ? ' next-steps__state--done' : ''}`}>{done ? t('done') : t('toDo')}</span>
  );
  return (
    <section className="next-steps" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('title')}</h2>
      <p>{t('intro')}</p>
      <ol>
        <li>
          {step(usersDone)} {t('users')}{' '}
          {usersDone && <span className="muted">{t('usersDone', { count: active.length })}</span>}{' '}
          <button type="button" onClick={() => go('users')}>
            {t('openUsers')}
          </button>
        </li>
        <li>
          {step(hoursDone)} {t('hours')}{' '}
          <span className="muted">
            {providers.length === 0
              ? t('hoursNoDoctors')
              : withoutHours.length > 0
                ? t('hoursMissing', { names: withoutHours.map((p) => p.displayName).join(', ') })
                : t('hoursDone')}
          </span>{' '}
          <button type="button" onClick={() => go('hours')}>
            {t('openHours')}
          </button>
        </li>
      </ol>
      <button
        type="button"
        className="next-steps__hide"
        onClick={() => {
          // Gone at once; main's answer keeps it so, and a refusal brings the steps back.
          client.setQueryData<Preferences>(PREFERENCES, (old) => ({ ...old, 'setup.nextStepsHidden': true }));
          hide.mutate(
            { key: 'setup.nextStepsHidden', value: true },
            {
              onSuccess: (stored) => client.setQueryData(PREFERENCES, stored),
              onError: () => void client.invalidateQueries({ queryKey: ['preferences.get'] }),
            },
          );
        }}
      >
        {t('hide')}
      </button>
      <p className="muted">{t('hideNote')}</p>
    </section>
  );
}
