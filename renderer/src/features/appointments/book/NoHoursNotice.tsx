import { useTranslation } from 'react-i18next';
import { mayUse } from '../../../../../shared/contract';
import type { ProviderSchedule } from '../../../../../shared/domain/appointment';
import { useNavStore } from '../../../app/nav-store';
import { useSessionStore } from '../../../app/session-store';
import { Notice } from '../../../ui';

/** True while a doctor has no weekly hours at all: the book has nothing to offer for them. */
export function hasNoHours(p: ProviderSchedule | undefined): boolean {
  return !!p && (p.version === null || p.weeklyHours.length === 0);
}

/**
 * Says which doctors have no working hours yet, instead of leaving a grey grid to puzzle over;
 * an administrator gets the way to set them, anyone else is told who does.
 */
export function NoHoursNotice({ doctors }: { doctors: ProviderSchedule[] }) {
  const { t } = useTranslation('nextsteps');
  const mayFix = useSessionStore((s) => mayUse('providers.setSchedule', s.session?.roles ?? []));
  const go = useNavStore((s) => s.go);
  if (doctors.length === 0) return null;
  // Not a live status: it is part of what the book shows, read with it.
  return (
    <div className="notice notice--info">
      {doctors.map((d) => (
        <p key={d.providerId}>{t('noHours', { name: d.displayName })}</p>
      ))}
      {mayFix ? (
        <button type="button" onClick={() => go('hours')}>
          {t('setHours')}
        </button>
      ) : (
        <p>{t('askForHours')}</p>
      )}
    </div>
  );
}

/** "No doctors yet": an administrator gets the steps and the way to Users. */
export function NoDoctorsNotice({ fallback }: { fallback: string }) {
  const { t } = useTranslation('nextsteps');
  const mayFix = useSessionStore((s) => mayUse('users.list', s.session?.roles ?? []));
  const go = useNavStore((s) => s.go);
  if (!mayFix) return <p className="muted">{fallback}</p>;
  return (
    <Notice tone="info">
      <p>{t('noDoctorsAdmin')}</p>
      <button type="button" onClick={() => go('users')}>
        {t('openUsers')}
      </button>
    </Notice>
  );
}
