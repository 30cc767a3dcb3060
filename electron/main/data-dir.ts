import path from 'node:path';

export const DATA_DIR_FLAG = '--data-dir';
export const DATA_DIR_ENV = 'CHARTBOOK_DATA_DIR';

export interface DataDirSources {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Electron's per-user folder (app.getPath('userData')), used when nothing else is given. */
  defaultDir: string;
  cwd?: string;
}

export interface ResolvedDataDir {
  dataDir: string;
  source: 'flag' | 'env' | 'default';
}

function flagValue(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  argv.forEach((arg, i) => {
    if (arg.startsWith(`${DATA_DIR_FLAG}=`)) value = arg.slice(DATA_DIR_FLAG.length + 1);
    else if (arg === DATA_DIR_FLAG) value = argv[i + 1] ?? '';
  });
  return value;
}

/**
 * Where the clinic's database lives: `--data-dir=PATH` on the command line, else the
 * CHARTBOOK_DATA_DIR environment variable, else the per-user app folder. A flag given with no
 * path is an error rather than a silent fall-back, so nobody opens the wrong clinic's records.
 */
export function resolveDataDir(sources: DataDirSources): ResolvedDataDir {
  const cwd = sources.cwd ?? process.cwd();
  const fromFlag = flagValue(sources.argv);
  if (fromFlag !== undefined) {
    if (fromFlag.trim() === '' || fromFlag.startsWith('--')) {
      throw new Error(`${DATA_DIR_FLAG} needs a folder, for example ${DATA_DIR_FLAG}=/path/to/clinic-data.`);
    }
    return { dataDir: path.resolve(cwd, fromFlag), source: 'flag' };
  }
  const fromEnv = sources.env[DATA_DIR_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { dataDir: path.resolve(cwd, fromEnv), source: 'env' };
  return { dataDir: sources.defaultDir, source: 'default' };
}
