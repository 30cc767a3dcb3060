import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { DraftKind, DraftOfKind } from '../../shared/domain/draft';
import type { CoreSession, RunningApp } from '../harness/app-harness';
import { dispatchOk } from './patients-helpers';

/** The draft main holds for the page's signed-in person (or another session's), as the form would read it. */
export async function storedDraft<K extends DraftKind>(
  app: RunningApp,
  kind: K,
  key: string,
  session: CoreSession = app.session,
): Promise<DraftOfKind<K> | null> {
  return (await dispatchOk(app, session, 'drafts.get', { kind, key })) as DraftOfKind<K> | null;
}

/** Confirms a discard in the dialog that asks for it. */
export async function confirmDiscard(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Discard draft' }).click();
}

/** Every file under `dir` (links not followed), with its bytes. */
export function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  const found: { file: string; bytes: Buffer }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(file));
    else if (entry.isFile()) found.push({ file, bytes: fs.readFileSync(file) });
  }
  return found;
}

/**
 * The files under `dir` that hold `text` in any encoding a browser stores text in: UTF-8 (and so
 * Latin-1 for ASCII text, which is how Chromium's localStorage keeps it), UTF-16 in either byte order.
 */
export function filesHolding(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), Buffer.from(text, 'utf16le').swap16()];
  return filesUnder(dir)
    .filter(({ bytes }) => needles.some((n) => bytes.includes(n)))
    .map(({ file }) => path.relative(dir, file));
}
