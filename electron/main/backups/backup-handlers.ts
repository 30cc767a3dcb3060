import type { ServiceContext } from '../context';
import { actorOf } from '../ipc/actor';
import type { HandlerRegistry } from '../ipc/handler-registry';
import type { BackupEnvironment } from './backup-environment';
import { backupStatus, listBackups, runBackup, setBackupFolder } from './backup-service';
import { restoreBackup } from './restore-service';

export interface BackupHandlerOptions {
  env: BackupEnvironment;
  /** After a restore: the core signs every session out and tells main (which keeps a new master key). */
  onRestored(masterKey: Buffer): void;
}

export function registerBackupHandlers(
  ctx: ServiceContext,
  options: BackupHandlerOptions,
  registry: HandlerRegistry,
): void {
  const { env } = options;
  registry
    .register('backups.status', () => backupStatus(ctx, env))
    .register('backups.list', () => listBackups(ctx))
    .register('backups.setFolder', (input, { actor }) => setBackupFolder(ctx, env, input.folder, actorOf(actor)))
    .register('backups.run', (_input, { actor }) => runBackup(ctx, env, actorOf(actor), 'manual'))
    .register('backups.restore', async (input, { actor }) => {
      const { masterKey, ...restored } = await restoreBackup(ctx, env, input, actorOf(actor));
      options.onRestored(masterKey);
      return restored;
    });
}
