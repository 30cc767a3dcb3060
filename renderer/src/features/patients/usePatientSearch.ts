import { useEffect, useRef, useState } from 'react';
import type { PatientSummary } from '../../../../shared/domain/patient';
import { call } from '../../api/client';

export interface PatientSearchState {
  /** The text these results answer (may lag the box by one keystroke). */
  text: string;
  results: PatientSummary[];
  loaded: boolean;
  error: string | null;
}

export const SEARCH_LIMIT = 25;

/**
 * Searches on every change of `text`. Answers can arrive out of order, so each request is numbered
 * and only the newest one's answer is shown.
 */
export function usePatientSearch(text: string): PatientSearchState {
  const [state, setState] = useState<PatientSearchState>({ text: '', results: [], loaded: false, error: null });
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    call('patients.search', { text, limit: SEARCH_LIMIT }).then(
      (results) => {
        if (request === latest.current) setState({ text, results, loaded: true, error: null });
      },
      (error: unknown) => {
        if (request === latest.current) {
          setState((s) => ({
            ...s,
            text,
            loaded: true,
            error: error instanceof Error ? error.message : String(error),
          }));
        }
      },
    );
  }, [text]);
  return state;
}
