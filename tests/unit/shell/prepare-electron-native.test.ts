import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStamp, rebuildReason, type NativeBuildTarget } from '../../../scripts/prepare-electron-native.mjs';

const target: NativeBuildTarget = {
  electronVersion: '41.7.1',
  betterSqlite3Package: 'better-sqlite3-multiple-ciphers',
  betterSqlite3Version: '12.11.1',
  platform: 'linux',
  arch: 'x64',
};
const SCRIPT = path.resolve(__dirname, '../../../scripts/prepare-electron-native.mjs');

describe('prepare-electron-native: does it need to rebuild?', () => {
  it('skips when the stamp matches and the binding exists', () => {
    expect(rebuildReason({ ...target }, target, true)).toBeNull();
  });

  it('rebuilds when the binding file is missing, whatever the stamp says', () => {
    expect(rebuildReason({ ...target }, target, false)).toMatch(/no Electron build/);
  });

  it('rebuilds when there is no stamp', () => {
    expect(rebuildReason(null, target, true)).toMatch(/stamp/);
  });

  it.each([
    ['electronVersion', '42.0.0'],
    ['betterSqlite3Version', '12.12.0'],
    // The same version of plain better-sqlite3 has no ciphers: it must not be kept.
    ['betterSqlite3Package', 'better-sqlite3'],
    ['platform', 'win32'],
    ['arch', 'arm64'],
  ] as const)('rebuilds when %s changed', (key, value) => {
    expect(rebuildReason({ ...target, [key]: value }, target, true)).toContain(key);
  });

  it('treats a corrupt or incomplete stamp as no stamp', () => {
    expect(parseStamp('{not json')).toBeNull();
    expect(parseStamp(JSON.stringify({ electronVersion: '41.7.1' }))).toBeNull();
    expect(parseStamp(JSON.stringify(target))).toEqual(target);
  });

  // This runs the real script, so it can only show the "not installed" path where Electron's binary
  // is absent (CI installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1); where the binary exists the script
  // would start a real build instead, so the test is skipped there, with this reason in its title.
  const electronInstalled = fs.existsSync(path.resolve(__dirname, '../../../node_modules/electron/dist'));
  it.skipIf(electronInstalled)(
    "exits non-zero with a clear message when Electron is not installed (skipped where Electron's binary is installed)",
    () => {
      const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/Electron's binary is not installed/);
      expect(run.stderr).toMatch(/npm run explore/);
    },
  );
});
