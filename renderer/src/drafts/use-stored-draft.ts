import { useEffect, useState } from 'react';
import type { DraftKind, DraftOfKind } from '../../../shared/domain/draft';
import { call } from '../api/client';
import { draftsReady } from './draft-flush';

export type StoredDraft<K extends DraftKind> = { loaded: false } | { loaded: true; draft: DraftOfKind<K> | null };

/**
 * Reads the person's draft of a form from main, once per `kind`, `key` and `refresh`. Not cached: a
 * draft changes as it is typed and must never outlive a sign-out in a cache. A draft that cannot be
 * read (a refusal, main unreachable) opens the form empty rather than not at all.
 */
export function useStoredDraft<K extends DraftKind>(kind: K, key: string, refresh: unknown = 0): StoredDraft<K> {
  const [state, setState] = useState<{ of: string; value: StoredDraft<K> }>({ of: '', value: { loaded: false } });
  const of = JSON.stringify([kind, key, refresh]);
  useEffect(() => {
    let live = true;
    draftsReady()
      .then(() => call('drafts.get', { kind, key }))
      .then(
        (draft) => live && setState({ of, value: { loaded: true, draft: draft as DraftOfKind<K> | null } }),
        () => live && setState({ of, value: { loaded: true, draft: null } }),
      );
    return () => {
      live = false;
    };
  }, [kind, key, of]);
  return state.of === of ? state.value : { loaded: false };
}
