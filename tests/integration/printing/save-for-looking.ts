import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * With CHARTBOOK_PRINT_SHOTS=<folder> set, keeps each rendered PDF and its pages as PNGs
 * (Debian's pdftoppm) so a person can look at what the tests printed.
 */
export function savePdfForLooking(name: string, pdf: Buffer): void {
  const dir = process.env.CHARTBOOK_PRINT_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(dir, name)]);
}
