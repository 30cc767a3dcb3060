import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .flatMap((e) =>
      e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name) ? [path.relative(ROOT, path.join(e.parentPath, e.name))] : [],
    );
}

describe('the password work factor', () => {
  const app = () => ['electron', 'renderer', 'shared', 'scripts'].flatMap(sourceFiles);
  const mentioning = (word: string) =>
    app().filter((file) => fs.readFileSync(path.join(ROOT, file), 'utf8').includes(word));

  it('is lowered only by tests: the app changes it only through the core start option the harness sets', () => {
    expect(mentioning('setPasswordWorkFactorForTests').sort()).toEqual(
      [path.join('electron', 'main', 'accounts', 'password.ts'), path.join('electron', 'main', 'core.ts')].sort(),
    );
    // The option passes from the core client to the core and nowhere else: the Electron shell never sets it.
    expect(mentioning('passwordWorkFactorLog2').sort()).toEqual(
      [
        path.join('electron', 'main', 'core.ts'),
        path.join('electron', 'main', 'core-thread', 'core-client.ts'),
        path.join('electron', 'main', 'core-thread', 'protocol.ts'),
        path.join('electron', 'main', 'core-thread', 'serve-core.ts'),
      ].sort(),
    );
  });
});
