import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput } from '../../../shared/contract';
import type { DraftBody, DraftKind } from '../../../shared/domain/draft';
import { ApiError, call } from '../api/client';
import { errorMessage } from '../forms/field-errors';
import { useSessionStore } from '../app/session-store';
import { registerDraftFlush } from './draft-flush';

/** How long after the last keystroke a draft is written. */
export const DRAFT_DELAY_MS = 500;

export interface DraftAutosave {
  /** Writes a pending change now (on blur; awaited before locking). */
  flush(): Promise<void>;
  /** Drops the draft in main (after a deliberate, confirmed discard, or a save that used it). */
  forget(): Promise<void>;
  /** Why the last write failed (e.g. the draft is too long to keep), for the form to show. */
  problem: string | null;
}

/**
 * Keeps the draft of a form in main (drafts.save), never in the browser: written DRAFT_DELAY_MS
 * after typing stops, and at once on blur, when the page goes away, when the form closes, and before
 * the screen locks or the person signs out. `body` is null while the form holds nothing typed (as it
 * is when new, or the record as saved): a draft is then removed. `stored` is the body main already
 * has (a restored draft), so opening a form writes nothing. Writes go out one after another, so an
 * older body never lands last.
 */
export function useDraftAutosave<K extends DraftKind>(
  kind: K,
  key: string,
  body: DraftBody<K> | null,
  stored: DraftBody<K> | null = null,
): DraftAutosave {
  const json = body === null ? null : JSON.stringify(body);
  /** What main holds, as far as this form knows (null: no draft). */
  const inMain = useRef<string | null>(stored === null ? null : JSON.stringify(stored));
  const latest = useRef<string | null>(json);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [problem, setProblem] = useState<string | null>(null);
  // Whose form this is. Someone else signing in at the lock screen replaces the shell; the form must
  // not then write its owner's typing as the newcomer's draft.
  const [owner] = useState(() => useSessionStore.getState().session?.userId ?? null);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const sending = latest.current;
    if (sending === inMain.current || useSessionStore.getState().session?.userId !== owner) return queue.current;
    const before = inMain.current;
    inMain.current = sending;
    queue.current = queue.current.then(async () => {
      try {
        if (sending === null) await call('drafts.discard', { kind, key });
        else
          await call('drafts.save', { kind, key, body: JSON.parse(sending) as unknown } as ChannelInput<'drafts.save'>);
        setProblem(null);
      } catch (error) {
        // Not written: tried again at the next change, blur or unlock. Locked or signed out is shown
        // by the lock or sign-in screen; anything else (too long to keep) is said on the form, whose
        // text is untouched.
        if (inMain.current === sending) inMain.current = before;
        const quiet =
          error instanceof ApiError && (error.code === 'SESSION_LOCKED' || error.code === 'UNAUTHENTICATED');
        // A body too long to keep is named on its field ("body"): that message says what to do.
        if (!quiet) setProblem(error instanceof ApiError ? (error.fields.body ?? error.message) : errorMessage(error));
      }
    });
    return queue.current;
  }, [kind, key, owner]);

  useEffect(() => {
    latest.current = json;
    if (json === inMain.current) {
      clearTimeout(timer.current);
      return;
    }
    timer.current = setTimeout(() => void flush(), DRAFT_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [json, flush]);

  // Back from the lock screen: anything main refused while locked is written now.
  const signedIn = useSessionStore((s) => s.phase === 'signed-in');
  useEffect(() => {
    if (signedIn) void flush();
  }, [signedIn, flush]);

  useEffect(() => {
    const now = () => void flush();
    window.addEventListener('pagehide', now);
    window.addEventListener('beforeunload', now);
    const unregister = registerDraftFlush(flush);
    return () => {
      window.removeEventListener('pagehide', now);
      window.removeEventListener('beforeunload', now);
      unregister();
      void flush(); // the form closed (another screen, another patient): keep what it held
    };
  }, [flush]);

  const forget = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    latest.current = null;
    inMain.current = null;
    setProblem(null);
    if (useSessionStore.getState().session?.userId !== owner) return queue.current;
    queue.current = queue.current.then(() =>
      call('drafts.discard', { kind, key }).then(
        () => {},
        () => {},
      ),
    );
    return queue.current;
  }, [kind, key, owner]);

  return { flush, forget, problem };
}
