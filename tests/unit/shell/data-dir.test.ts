import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../electron/main/data-dir';

const base = { argv: ['electron', '.'], env: {}, defaultDir: '/home/amara/.config/Chartbook', cwd: '/work' };

describe('data folder resolution', () => {
  it('uses the per-user folder when nothing is given', () => {
    expect(resolveDataDir(base)).toEqual({ dataDir: '/home/amara/.config/Chartbook', source: 'default' });
  });

  it('uses CHARTBOOK_DATA_DIR over the default', () => {
    expect(resolveDataDir({ ...base, env: { CHARTBOOK_DATA_DIR: '/srv/clinic' } })).toEqual({
      dataDir: '/srv/clinic',
      source: 'env',
    });
  });

  it('uses --data-dir=PATH over the environment and the default', () => {
    const resolved = resolveDataDir({
      ...base,
      argv: ['electron', '.', '--data-dir=/tmp/clinic-a'],
      env: { CHARTBOOK_DATA_DIR: '/srv/clinic' },
    });
    expect(resolved).toEqual({ dataDir: '/tmp/clinic-a', source: 'flag' });
  });

  it('accepts --data-dir PATH as two arguments too', () => {
    expect(resolveDataDir({ ...base, argv: ['electron', '.', '--data-dir', '/tmp/clinic-b'] }).dataDir).toBe(
      '/tmp/clinic-b',
    );
  });

  it('resolves relative paths against the working folder', () => {
    expect(resolveDataDir({ ...base, argv: ['x', '--data-dir=data'] }).dataDir).toBe(path.resolve('/work', 'data'));
    expect(resolveDataDir({ ...base, env: { CHARTBOOK_DATA_DIR: 'env-data' } }).dataDir).toBe(
      path.resolve('/work', 'env-data'),
    );
  });

  it('ignores an empty environment variable', () => {
    expect(resolveDataDir({ ...base, env: { CHARTBOOK_DATA_DIR: ' ' } }).source).toBe('default');
  });

  it.each([['--data-dir='], ['--data-dir'], ['--data-dir', '--headed']])(
    'refuses a flag with no folder: %s',
    (...args) => {
      expect(() => resolveDataDir({ ...base, argv: ['electron', '.', ...args] })).toThrow(/--data-dir needs a folder/);
    },
  );
});
