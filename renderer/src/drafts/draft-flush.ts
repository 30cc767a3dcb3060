/**
 * Every form with a draft registers how to write it now. Locking and signing out write them all
 * before main stops taking the person's calls, so a walk-away or a sign-out loses nothing typed.
 */
const flushers = new Set<() => Promise<void>>();

export function registerDraftFlush(flush: () => Promise<void>): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** Writes every pending draft; never throws and never waits more than `timeoutMs` (locking must not hang). */
export async function flushAllDrafts(timeoutMs = 2_000): Promise<void> {
  const all = Promise.allSettled([...flushers].map((f) => f()));
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}

let ready: Promise<void> = Promise.resolve();

/**
 * Work that must finish before a form reads its draft (moving drafts an older version left in the
 * browser profile into main, see features/patients/local-draft-move.ts).
 */
export function beforeDraftsAreRead(task: Promise<void>): void {
  ready = task.catch(() => {});
}

export function draftsReady(): Promise<void> {
  return ready;
}
