import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type ChartbookDatabase } from './db/connection';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { registerHandlers } from './ipc/handlers';
import { Session } from './ipc/session';
import type { ServiceContext } from './services/context';

export const DATABASE_FILE = 'chartbook.sqlite';

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  nativeBinding?: string;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
}

export interface ChartbookCore {
  db: ChartbookDatabase;
  ctx: ServiceContext;
  dispatch: Dispatch;
  newSession(): Session;
  close(): void;
}

/**
 * Everything main does apart from Electron: open and migrate the database, register handlers,
 * build the dispatcher. The Electron shell, the e2e harness, the explore command and the tests all
 * start Chartbook through this one function.
 */
export function startCore(options: CoreOptions): ChartbookCore {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(path.join(options.dataDir, DATABASE_FILE), {
    migrationsDir: options.migrationsDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const ctx: ServiceContext = { db, now: options.now ?? (() => new Date()) };
  const dispatch = createDispatcher(ctx, registerHandlers(ctx), options.log);
  return { db, ctx, dispatch, newSession: () => new Session(), close: () => db.close() };
}
