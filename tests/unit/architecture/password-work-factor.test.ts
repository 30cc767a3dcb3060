import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true }).flatMap((e) =>
    e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name) ? [path.relative(ROOT, path.join(e.parentPath, e.name))] : [],
  );
}

describe('the password work factor', () => {
  it('is lowered only by the test setup: nothing the app or the bench runs can weaken it', () => {
    const callers = ['electron', 'renderer', 'shared', 'scripts']
      .flatMap(sourceFiles)
      .filter((file) => fs.readFileSync(path.join(ROOT, file), 'utf8').includes('setPasswordWorkFactorForTests'));
    expect(callers).toEqual([path.join('electron', 'main', 'accounts', 'password.ts')]);
  });
});
