import { useEffect, useState } from 'react';
import type { ProviderSchedule } from '../../../../../shared/domain/appointment';
import { call } from '../../../api/client';

/** The clinic's doctors (providers.list), loaded once per view; empty until they arrive. */
export function useDoctors(): { doctors: ProviderSchedule[]; loaded: boolean } {
  const [state, setState] = useState<{ doctors: ProviderSchedule[]; loaded: boolean }>({ doctors: [], loaded: false });
  useEffect(() => {
    let current = true;
    call('providers.list', {})
      .then((doctors) => current && setState({ doctors, loaded: true }))
      .catch(() => current && setState({ doctors: [], loaded: true }));
    return () => {
      current = false;
    };
  }, []);
  return state;
}
