import fs from 'node:fs';
import path from 'node:path';

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

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename in the folder durable. Windows cannot open a folder to fsync it; the rename is atomic there all the same. */
export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // See above: nothing more can be done on such a platform.
  }
}

/** Writes a small file whole or not at all: a temporary file, fsync, rename over the old one, fsync the folder. */
export function writeFileDurably(file: string, text: string, mode = 0o600): void {
  const temp = `${file}.writing`;
  const fd = fs.openSync(temp, 'w', mode);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(file));
}
