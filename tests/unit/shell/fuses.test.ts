import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The `electronFuses:` block of electron-builder.yml, as electron-builder reads it (flat booleans). */
function fusesConfig(): Record<string, boolean> {
  const lines = fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8').split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThanOrEqual(0);
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (!/^\s+\S/.test(line)) break;
    const match = /^\s+([A-Za-z0-9]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    expect(match, `"${line.trim()}" is a fuse set to true or false`).not.toBeNull();
    fuses[match![1]!] = match![2] === 'true';
  }
  return fuses;
}

describe('Electron fuses in the packaged app', () => {
  const fuses = fusesConfig();

  it('cannot be run as Node, take NODE_OPTIONS or a debugger from the command line', () => {
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
  });

  it('loads only its own app.asar, with its integrity checked', () => {
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('names only fuses that @electron/fuses knows (a misspelt one would silently do nothing)', async () => {
    const { FuseV1Options } = await import('@electron/fuses');
    const known = new Set(Object.keys(FuseV1Options).map((name) => name[0]!.toLowerCase() + name.slice(1)));
    for (const name of Object.keys(fuses)) expect(known, name).toContain(name);
  });
});
