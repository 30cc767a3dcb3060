import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../../electron/main/i18n/translate';
import { mainMessages as catalog } from '../../../shared/i18n/main-messages';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MAIN = path.join(ROOT, 'electron', 'main');
// The Electron shell's few start-up texts are shown before the core runs; everything else goes through t().
const TRANSLATED = [
  'accounts',
  'appointments',
  'audit',
  'backups',
  'chart',
  'drafts',
  'fhir',
  'ipc',
  'labs',
  'patients',
  'printing',
  'records',
  'rx',
  'security',
  'settings',
];

function sources(): { file: string; text: string }[] {
  // Feature folders may have their own folders (chart/vitals/, chart/notes/, ...).
  return TRANSLATED.filter((dir) => fs.existsSync(path.join(MAIN, dir))).flatMap((dir) =>
    fs
      .readdirSync(path.join(MAIN, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => ({ file: `${dir}/${f}`, text: fs.readFileSync(path.join(MAIN, dir, f), 'utf8') })),
  );
}

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v as object, `${prefix}${k}.`),
  );
}

describe('main’s messages for people', () => {
  it('come from the translation catalog: no refusal is written as a literal', () => {
    const literal = /new AppError\(\s*'[A-Z_]+',\s*[`'"]/;
    expect(
      sources()
        .filter((s) => literal.test(s.text))
        .map((s) => s.file),
    ).toEqual([]);
  });

  it('name only keys the catalog has, and the catalog has no key nobody uses', () => {
    const used = new Set(sources().flatMap((s) => [...s.text.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1]!)));
    // Keys chosen in code before t() is called (one of two messages, a status's next step).
    for (const s of sources()) for (const m of s.text.matchAll(/'(errors\.[\w.]+)'/g)) used.add(m[1]!);
    for (const key of used) expect(hasMessage(key) || hasMessage(`${key}_other`), key).toBe(true);
    // A plural's forms (_one, _other) are used through their common key.
    const unused = keysOf(catalog).filter(
      (k) => !k.startsWith('status.') && !used.has(k) && !used.has(k.replace(/_(one|other)$/, '')),
    );
    expect(unused).toEqual([]);
  });
});
