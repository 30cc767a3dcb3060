import type { ServiceContext } from '../context';

/** A backup being made now: what the status shows while it runs. */
export interface RunningBackup {
  startedAt: string;
  partialFile: string;
  /** The database's size (with its WAL) when it started: the progress estimate's denominator. */
  sourceBytes: number;
  done: Promise<unknown>;
}

/** Kept by the core across a restore (the services are rebuilt on the restored database). */
export interface BackupRunState {
  running: RunningBackup | null;
  restoring: boolean;
}

/** How a restore swaps the database files while the core's database is closed (core.ts restartCore). */
export interface DatabaseSwap {
  apply(): void;
  /** Puts back what apply moved; called if apply or opening the restored database fails. */
  undo(): void;
}

/** What the backup services need beyond ServiceContext: files, the backup thread, and the core's restart. */
export interface BackupEnvironment {
  dataDir: string;
  databaseFile: string;
  /** The backup thread's entry (core-thread/protocol.ts backupWorker); null: backups cannot run. */
  workerEntry: string | null;
  nativeBinding?: string;
  /** False only for the bench's plain database. */
  encrypted: boolean;
  /** The newest schema version this app knows; a backup from a newer one is refused. */
  schemaVersion: number;
  state: BackupRunState;
  /** Closes the database, runs the swap, opens the core again with this master key; returns the new context. */
  restart(masterKey: Buffer, swap: DatabaseSwap): ServiceContext;
}
