import {
  hashKey,
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type Query,
  type QueryClient,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { useSessionStore } from '../app/session-store';
import { call, type ApiError } from './client';

/** The cache key of one call: the channel first, so a mutation can invalidate every read of a channel. */
export function channelKey<C extends Channel>(channel: C, input?: ChannelInput<C>): readonly unknown[] {
  return input === undefined ? [channel] : [channel, input];
}

export interface ChannelQueryOptions {
  /** False to wait (e.g. until a doctor is chosen). */
  enabled?: boolean;
  /**
   * Poll every this many ms while signed in. A locked screen stays mounted behind the lock and must
   * not keep asking main for patient lists, so polling pauses while the session is not signed in.
   */
  refreshMs?: number;
  /** Keep showing the last answer while a new input loads (search boxes, paging), instead of a blank. */
  keepPrevious?: boolean;
  /** Something outside the input that makes a new answer necessary (a record's version after a save). */
  key?: string | number;
}

/** How long an answer put in the cache by a combined read counts as just read (the panels mount within it). */
export const SEEDED_FRESH_MS = 5_000;

/** When each seeded answer was put in the cache, by query hash. */
const seededAt = new Map<string, number>();

/**
 * Puts the answer a channel would give into the cache, read by a call that answers for several
 * (chart.overview answers for every panel of the chart): the panel that mounts next shows it
 * without asking main again. A later mount, or an invalidation after a change, reads as usual.
 */
export function seedChannelQuery<C extends Channel>(
  client: QueryClient,
  channel: C,
  input: ChannelInput<C>,
  value: ChannelOutput<C>,
): void {
  const key = channelKey(channel, input);
  const at = Date.now();
  for (const [hash, when] of seededAt) if (at - when > SEEDED_FRESH_MS) seededAt.delete(hash);
  client.setQueryData(key, value, { updatedAt: at });
  seededAt.set(hashKey(key), at);
}

/** A first mount refetches unless the answer was seeded a moment ago and not replaced since. */
function refetchUnlessJustSeeded(query: Pick<Query, 'queryHash' | 'state'>): boolean {
  const at = seededAt.get(query.queryHash);
  if (at === undefined) return true;
  // Every panel showing it (the problem list and the visit's diagnoses) mounts on the same answer.
  return query.state.dataUpdatedAt !== at || Date.now() - at > SEEDED_FRESH_MS;
}

/** Reads a channel through the cache: loading, error (typed as main's ApiError) and data in one place. */
export function useChannelQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options: ChannelQueryOptions = {},
): UseQueryResult<ChannelOutput<C>, ApiError | Error> {
  const signedIn = useSessionStore((s) => s.phase === 'signed-in');
  const { refreshMs } = options;
  return useQuery({
    queryKey: options.key === undefined ? channelKey(channel, input) : [...channelKey(channel, input), options.key],
    queryFn: () => call(channel, input),
    enabled: options.enabled ?? true,
    refetchOnMount: refetchUnlessJustSeeded,
    refetchInterval: refreshMs && signedIn ? refreshMs : false,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}

export interface ChannelMutationOptions {
  /** Channels whose cached reads this change makes stale; those on screen refetch at once. */
  invalidates?: readonly Channel[];
}

/**
 * Changes something through a channel: busy state is `isPending`, the error is main's ApiError.
 * Invalidation is declared per use, not "everything": re-reading a patient's record writes an
 * audit entry, so only the reads this change affects are asked again.
 */
export function useChannelMutation<C extends Channel>(
  channel: C,
  options: ChannelMutationOptions = {},
): UseMutationResult<ChannelOutput<C>, ApiError | Error, ChannelInput<C>> {
  const client = useQueryClient();
  const { invalidates = [] } = options;
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => call(channel, input),
    onSettled: () => Promise.all(invalidates.map((c) => client.invalidateQueries({ queryKey: [c] }))),
  });
}
