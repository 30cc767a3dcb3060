import { useEffect, useState } from 'react';
import type { ProviderSchedule } from '../../../../../shared/domain/appointment';
import { call } from '../../../api/client';

export interface BookSetup {
  providers: ProviderSchedule[];
  /** The clinic's time zone: every date and time in the book is wall time there. */
  timeZone: string;
}

/** The doctors and the clinic's time zone, loaded once per visit to the book. */
export function useBookSetup(): { setup: BookSetup | null; error: string | null } {
  const [setup, setSetup] = useState<BookSetup | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([call('providers.list', {}), call('settings.get', {})]).then(
      ([providers, settings]) => live && setSetup({ providers, timeZone: settings.timeZone }),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { setup, error };
}
