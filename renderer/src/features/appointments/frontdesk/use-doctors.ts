import type { ProviderSchedule } from '../../../../../shared/domain/appointment';
import { useChannelQuery } from '../../../api/channel-hooks';

/** The clinic's doctors (providers.list); empty until they arrive, and empty if they cannot be read. */
export function useDoctors(): { doctors: ProviderSchedule[]; loaded: boolean } {
  const query = useChannelQuery('providers.list', {});
  return { doctors: query.data ?? [], loaded: !query.isPending };
}
