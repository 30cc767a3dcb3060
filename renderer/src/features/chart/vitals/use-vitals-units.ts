import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { channelKey, useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import type { Preferences } from '../../../../../shared/domain/preferences';
import type { UnitSystem } from '../../../../../shared/domain/vitals';

const PREFERENCES = channelKey('preferences.get', {});

/**
 * The units a person reads and types vitals in, metric or US: their own preference, kept in main
 * (preferences.get / preferences.set, table user_preferences), so it follows them to any computer
 * and survives a reload. Until they choose, a US locale starts in US units and every other in metric.
 */
export function useVitalsUnits(): [UnitSystem, (units: UnitSystem) => void] {
  const client = useQueryClient();
  const preferences = useChannelQuery('preferences.get', {});
  const { mutate } = useChannelMutation('preferences.set');
  const units = preferences.data?.['vitals.units'] ?? (navigator.language === 'en-US' ? 'us' : 'metric');
  const choose = useCallback(
    (next: UnitSystem) => {
      // Shown at once; main's answer (every preference as stored) replaces it, and a refusal reads
      // them again so the screen shows what main holds.
      client.setQueryData<Preferences>(PREFERENCES, (old) => ({ ...old, 'vitals.units': next }));
      mutate(
        { key: 'vitals.units', value: next },
        {
          onSuccess: (stored) => client.setQueryData(PREFERENCES, stored),
          onError: () => void client.invalidateQueries({ queryKey: ['preferences.get'] }),
        },
      );
    },
    [client, mutate],
  );
  return [units, choose];
}
