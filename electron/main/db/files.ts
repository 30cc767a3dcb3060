import fs from 'node:fs';

/**
 * The clinic's database file in the data folder, and how to tell a plain one from an encrypted one
 * without opening it. Kept free of the driver so the shell's main thread can use it.
 */
export const DATABASE_FILE = 'chartbook.sqlite';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** A readable (unencrypted) SQLite file, or an empty one SQLite would treat as new. */
export function isPlainSqliteFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    return read === 0 || (read === header.length && header.equals(SQLITE_HEADER));
  } finally {
    fs.closeSync(fd);
  }
}
