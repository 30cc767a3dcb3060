import { useEffect, useRef } from 'react';
import { useSessionStore } from '../../../app/session-store';

/**
 * Calls `callback` every `ms` while the component is mounted and the session is signed in (a
 * locked screen stays mounted behind the lock and must not keep asking main for patient lists).
 */
export function useInterval(callback: () => void, ms: number): void {
  const saved = useRef(callback);
  useEffect(() => {
    saved.current = callback;
  }, [callback]);
  useEffect(() => {
    const id = setInterval(() => {
      if (useSessionStore.getState().phase === 'signed-in') saved.current();
    }, ms);
    return () => clearInterval(id);
  }, [ms]);
}
