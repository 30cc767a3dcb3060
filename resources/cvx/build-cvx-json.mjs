// Turns CDC's pipe-delimited cvx.txt (see SOURCE.md) into cvx.json, which the core bundles at build
// time (electron/main/chart/immunizations/cvx-codes.ts). Run: node resources/cvx/build-cvx-json.mjs <path to cvx.txt>
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const source = process.argv[2];
if (!source) {
  console.error('Usage: node resources/cvx/build-cvx-json.mjs <path to CDC cvx.txt>');
  process.exit(1);
}
const rows = fs
  .readFileSync(source, 'utf8')
  .split(/\r?\n/)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const fields = line.split('|');
    if (fields.length !== 7) throw new Error(`Expected 7 fields, found ${fields.length}: ${line}`);
    const [code, short, full, notes, status, nonVaccine, updated] = fields;
    return {
      code: code.trim(),
      short: short.trim(),
      full: full.trim(),
      notes: notes.trim(),
      status: status.trim(),
      nonVaccine: nonVaccine.trim() === 'True',
      updated: updated.trim().replaceAll('/', '-'),
    };
  });
const codes = new Set(rows.map((r) => r.code));
if (codes.size !== rows.length) throw new Error('Duplicate CVX codes');
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cvx.json');
fs.writeFileSync(out, `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
console.log(`${rows.length} codes written to ${out}`);
