import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/channel-hooks';
import { useNavStore } from '../../app/nav-store';
import { formatAge } from './backup-words';

/** The shell's warning for administrators when the last good backup is too old, or there is none. */
export function BackupBanner() {
  const { t } = useTranslation('admin');
  const status = useChannelQuery('backups.status', {}, { refreshMs: 10 * 60_000 });
  const go = useNavStore((s) => s.go);
  const data = status.data;
  if (!data?.tooOld || data.running) return null;
  const text = data.last ? t('backups.banner.old', { age: formatAge(t, data.ageMs ?? 0) }) : t('backups.banner.never');
  return (
    // A standing warning, not a live status message: a labelled region, so it is found by its name
    // and does not compete with the screens' own status messages.
    <aside className="notice notice--info" aria-label={t('backups.banner.label')}>
      {text}{' '}
      <button type="button" className="link-button" onClick={() => go('backups')}>
        {t('backups.banner.open')}
      </button>
    </aside>
  );
}
