import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PatientSummary } from '../../../../shared/domain/patient';
import { channelKey } from '../../api/channel-hooks';
import { call } from '../../api/client';
import { errorMessage } from '../../forms/field-errors';

export interface PatientSearchState {
  /** The text these results answer (may lag the box by one keystroke). */
  text: string;
  results: PatientSummary[];
  loaded: boolean;
  error: string | null;
}

export const SEARCH_LIMIT = 25;

/** One empty list for "nothing yet", so screens that reset on a new list do not reset every render. */
const NO_RESULTS: PatientSummary[] = [];

/**
 * Searches on every change of `text`, through the query cache (keyed like every channel read), so
 * an answer that arrives late never replaces a newer one. The previous answer stays while the next
 * loads, labelled with the text it answers, so a screen can tell "no match" from "not yet".
 */
export function usePatientSearch(text: string): PatientSearchState {
  const input = { text, limit: SEARCH_LIMIT };
  const query = useQuery({
    queryKey: channelKey('patients.search', input),
    queryFn: async () => ({ text, results: await call('patients.search', input) }),
    placeholderData: keepPreviousData,
  });
  return {
    text: query.data?.text ?? '',
    results: query.data?.results ?? NO_RESULTS,
    loaded: query.data !== undefined || query.isError,
    error: query.error ? errorMessage(query.error) : null,
  };
}
