import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 12, point 2: no field may cut what is typed or pasted. A native maxLength drops the rest of a
 * paste without a word and the cut text is saved; fields say `limit` instead (renderer/src/ui/Field.tsx),
 * which keeps every character and shows a message, and the shared schemas refuse the save.
 */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(tsx?|jsx?)$/.test(e.name) ? [path] : [];
  });
}

describe('no field cuts text silently', () => {
  it('no renderer control sets a native maxLength', () => {
    const offenders = sources('renderer/src').filter((file) =>
      /\bmaxLength\s*=|maxlength\s*=|\.maxLength\s*=/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
