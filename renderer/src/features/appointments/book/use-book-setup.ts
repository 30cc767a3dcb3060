import type { ProviderSchedule } from '../../../../../shared/domain/appointment';
import { useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';

export interface BookSetup {
  providers: ProviderSchedule[];
  /** The clinic's time zone: every date and time in the book is wall time there. */
  timeZone: string;
}

/** The doctors and the clinic's time zone, read on each visit to the book. */
export function useBookSetup(): { setup: BookSetup | null; error: string | null } {
  const providers = useChannelQuery('providers.list', {});
  const settings = useChannelQuery('settings.get', {});
  const error = providers.error ?? settings.error;
  return {
    setup: providers.data && settings.data ? { providers: providers.data, timeZone: settings.data.timeZone } : null,
    error: error ? errorMessage(error) : null,
  };
}
