import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
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
