import type Database from 'better-sqlite3';
import { PRAGMAS } from './connection';
import { preparedOnce } from './records';

/**
 * Runs `fn` in an immediate transaction committed with synchronous=NORMAL, for transactions that
 * only record who saw what (a record view, the buffered list reads). In WAL mode such a commit is in
 * the operating system's hands when it returns, so it survives Chartbook crashing or being killed;
 * only a power cut or OS crash in the next moment can lose it. Every change to patient data keeps
 * synchronous=FULL. It saves an fsync each time a doctor opens a chart.
 */
export function viewTransaction<T>(sqlite: Database.Database, fn: () => T): T {
  // Prepared once: db.pragma() prepares its statement again on each call, on the chart's hot path.
  preparedOnce(sqlite, 'PRAGMA synchronous = NORMAL').run();
  try {
    return sqlite.transaction(fn).immediate();
  } finally {
    preparedOnce(sqlite, `PRAGMA synchronous = ${PRAGMAS.synchronous}`).run();
  }
}
