// Builds growth-lms.json (bundled into the core) from the CDC LMS tables beside this file.
// Run: node resources/growth/build-growth-json.mjs   (see SOURCE.md; a unit test keeps the two equal)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const TABLES = ['wtageinf', 'lenageinf', 'hcageinf', 'wtage', 'statage'];

export function parseLmsCsv(text) {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  if (header !== 'Sex,Agemos,L,M,S') throw new Error(`unexpected header: ${header}`);
  const bySex = { male: [], female: [] };
  for (const line of lines) {
    const [sex, agemos, l, m, s] = line.split(',').map(Number);
    bySex[sex === 1 ? 'male' : 'female'].push([agemos, l, m, s]);
  }
  return bySex;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tables = Object.fromEntries(
    TABLES.map((name) => [name, parseLmsCsv(readFileSync(join(here, `${name}.csv`), 'utf8'))]),
  );
  writeFileSync(join(here, 'growth-lms.json'), JSON.stringify(tables) + '\n');
}
