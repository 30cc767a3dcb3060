import { useCallback, useSyncExternalStore } from 'react';
import type { UnitSystem } from '../../../../../shared/domain/vitals';

/**
 * The units a person reads and types vitals in, metric or US. The clinic's settings hold no unit
 * system yet, so each person's choice is kept on this computer (a display preference, never patient
 * data); until they choose, a US locale starts in US units and every other in metric.
 */
const KEY = 'chartbook.vitals.units';
const listeners = new Set<() => void>();

function read(): UnitSystem {
  try {
    const stored = window.localStorage.getItem(KEY);
    if (stored === 'metric' || stored === 'us') return stored;
  } catch {
    // Storage unavailable: fall back to the locale.
  }
  return navigator.language === 'en-US' ? 'us' : 'metric';
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useVitalsUnits(): [UnitSystem, (units: UnitSystem) => void] {
  const units = useSyncExternalStore(subscribe, read);
  const choose = useCallback((next: UnitSystem) => {
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Kept for this screen only.
    }
    listeners.forEach((l) => l());
  }, []);
  return [units, choose];
}
