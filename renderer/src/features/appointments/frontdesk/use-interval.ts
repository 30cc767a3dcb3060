import { useEffect, useRef } from 'react';

/** Calls `callback` every `ms` while the component is mounted (the latest callback, not a stale one). */
export function useInterval(callback: () => void, ms: number): void {
  const saved = useRef(callback);
  useEffect(() => {
    saved.current = callback;
  }, [callback]);
  useEffect(() => {
    const id = setInterval(() => saved.current(), ms);
    return () => clearInterval(id);
  }, [ms]);
}
