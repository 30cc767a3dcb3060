import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../api/channel-hooks';
import { useSessionStore } from '../../app/session-store';
import { errorMessage, fieldErrors, topLevelField } from '../../forms/field-errors';
import { useDateFormat } from '../../format/use-date-format';
import { DataTable, Notice, TextField, type Column } from '../../ui';
import { mayUse } from '../../../../shared/contract';
import type { BackupListEntry } from '../../../../shared/domain/backup';
import { formatAge, formatSize } from './backup-words';
import { RestoreDialog } from './RestoreDialog';
import '../admin/admin.css';

/**
 * Backups: how the last one went (everyone signed in), and for administrators the folder, "Back up
 * now", the backups in the folder and restoring one. Main decides who may do what; this follows it.
 */
export function BackupsScreen() {
  const { t, i18n } = useTranslation('admin');
  const format = useDateFormat();
  const roles = useSessionStore((s) => s.session?.roles ?? []);
  const admin = mayUse('backups.run', roles);
  const run = useChannelMutation('backups.run', { invalidates: ['backups.status', 'backups.list'] });
  const status = useChannelQuery('backups.status', {}, { refreshMs: run.isPending ? 1000 : 60_000 });
  const list = useChannelQuery('backups.list', {}, { enabled: admin });
  const setFolder = useChannelMutation('backups.setFolder', { invalidates: ['backups.status', 'backups.list'] });
  const [folder, setFolderText] = useState<string | null>(null);
  const [folderError, setFolderError] = useState('');
  const [folderSaved, setFolderSaved] = useState('');
  const [runMessage, setRunMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [restoring, setRestoring] = useState<BackupListEntry | null>(null);
  const data = status.data;
  const shownFolder = folder ?? data?.folder ?? '';

  async function chooseFolder(e: FormEvent) {
    e.preventDefault();
    setFolderSaved('');
    try {
      const saved = await setFolder.mutateAsync({ folder: shownFolder });
      setFolderText(null);
      setFolderError('');
      setFolderSaved(t('backups.folderSaved', { folder: saved.folder }));
    } catch (error) {
      setFolderError(fieldErrors(error, topLevelField).folder ?? errorMessage(error));
    }
  }

  async function backUpNow() {
    setRunMessage(null);
    try {
      const made = await run.mutateAsync({});
      setRunMessage({
        tone: 'success',
        text: t('backups.made', { file: made.file, size: formatSize(made.sizeBytes, i18n.language) }),
      });
    } catch (error) {
      setRunMessage({ tone: 'error', text: errorMessage(error) });
    }
  }

  const columns: Column<BackupListEntry>[] = [
    {
      key: 'time',
      header: t('backups.colMade'),
      rowHeader: true,
      cell: (b) => (
        <time dateTime={b.at} title={b.at}>
          {format.dateTime(b.at)}
          {b.future && ` ${t('backups.future')}`}
        </time>
      ),
    },
    { key: 'file', header: t('backups.colFile'), cell: (b) => b.file },
    { key: 'size', header: t('backups.colSize'), cell: (b) => formatSize(b.sizeBytes, i18n.language) },
    {
      key: 'check',
      header: t('backups.colCheck'),
      cell: (b) => (b.verified ? t('backups.verified') : t('backups.notChecked')),
    },
    {
      key: 'restore',
      header: t('backups.colActions'),
      cell: (b) => (
        <button type="button" onClick={() => setRestoring(b)} aria-label={t('backups.restoreOne', { file: b.file })}>
          {t('backups.restore')}
        </button>
      ),
    },
  ];

  const running = run.isPending || Boolean(data?.running);
  const percent = data?.running ? Math.round(data.running.fraction * 100) : null;

  return (
    <section className="admin-screen" aria-labelledby="backups-title">
      <h1 id="backups-title">{t('backups.title')}</h1>
      <p className="admin-screen__intro">{t('backups.intro')}</p>
      {status.error && <Notice tone="error">{t('backups.loadFailed', { message: errorMessage(status.error) })}</Notice>}
      {data && (
        <div aria-labelledby="backups-last-title" role="region">
          <h2 id="backups-last-title">{t('backups.lastTitle')}</h2>
          {data.last ? (
            <dl className="admin-facts">
              <dt>{t('backups.lastWhen')}</dt>
              <dd>
                <time dateTime={data.last.at}>{format.dateTime(data.last.at)}</time> ({formatAge(t, data.ageMs ?? 0)})
              </dd>
              <dt>{t('backups.lastSize')}</dt>
              <dd>{formatSize(data.last.sizeBytes, i18n.language)}</dd>
              <dt>{t('backups.lastFolder')}</dt>
              <dd>{data.last.folder}</dd>
            </dl>
          ) : (
            <p>{t('backups.none')}</p>
          )}
          {data.tooOld && (
            <Notice tone="error">
              {data.last ? t('backups.tooOld', { age: formatAge(t, data.ageMs ?? 0) }) : t('backups.neverWarning')}
            </Notice>
          )}
          {data.lastFailure && (
            <Notice tone="error">
              {t('backups.lastFailure', {
                when: format.dateTime(data.lastFailure.at),
                message: data.lastFailure.message,
              })}
            </Notice>
          )}
        </div>
      )}
      {admin && (
        <>
          <div className="admin-settings__actions">
            <button type="button" onClick={() => void backUpNow()} disabled={running || !data?.folder}>
              {running ? t('backups.running') : t('backups.backUpNow')}
            </button>
            {running && (
              <progress
                aria-label={t('backups.progress')}
                max={100}
                {...(percent === null ? {} : { value: percent })}
              />
            )}
            {runMessage && <Notice tone={runMessage.tone}>{runMessage.text}</Notice>}
          </div>
          <form className="admin-settings" onSubmit={chooseFolder} noValidate aria-labelledby="backups-folder-title">
            <h2 id="backups-folder-title">{t('backups.folderTitle')}</h2>
            <TextField
              label={t('backups.folder')}
              hint={t('backups.folderHint')}
              value={shownFolder}
              onChange={(e) => {
                setFolderText(e.target.value);
                setFolderError('');
                setFolderSaved('');
              }}
              error={folderError || undefined}
            />
            <div className="admin-settings__actions">
              <button type="submit" disabled={setFolder.isPending}>
                {t('backups.checkAndUse')}
              </button>
              {folderSaved && <Notice tone="success">{folderSaved}</Notice>}
            </div>
          </form>
          <h2 id="backups-list-title">{t('backups.listTitle')}</h2>
          {list.data?.problem && <Notice tone="error">{list.data.problem}</Notice>}
          {list.data && list.data.backups.length === 0 && !list.data.problem && <p>{t('backups.listEmpty')}</p>}
          {list.data && list.data.backups.length > 0 && (
            <DataTable
              caption={t('backups.listCaption')}
              className="admin-table"
              columns={columns}
              rows={list.data.backups}
              rowKey={(b) => b.file}
            />
          )}
          {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
        </>
      )}
    </section>
  );
}
