import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { channelKey, useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import type { Preferences } from '../../../../../shared/domain/preferences';
import type { UnitSystem } from '../../../../../shared/domain/vitals';

const PREFERENCES = channelKey('preferences.get', {});
/**
 * The newest choice: a quick metric-US-metric sends three saves, and an older save's answer must not
 * put the screen back on what was chosen before the last click.
 */
let newestChoice = 0;

/**
 * The units a person reads and types vitals in, metric or US: their own preference, kept in main
 * (preferences.get / preferences.set, table user_preferences), so it follows them to any computer
 * and survives a reload. Until they choose, a US locale starts in US units and every other in metric.
 */
export function useVitalsUnits(): [UnitSystem, (units: UnitSystem) => void] {
  const client = useQueryClient();
  const preferences = useChannelQuery('preferences.get', {});
  const { mutate } = useChannelMutation('preferences.set');
  // The choice just made, shown in the same render as the click: a controlled radio button whose
  // state arrives a task later (the query cache notifies asynchronously) would flick back first.
  const [chosen, setChosen] = useState<UnitSystem | null>(null);
  const units = chosen ?? preferences.data?.['vitals.units'] ?? (navigator.language === 'en-US' ? 'us' : 'metric');
  const choose = useCallback(
    (next: UnitSystem) => {
      // Shown at once; main's answer (every preference as stored) replaces it, and a refusal reads
      // them again so the screen shows what main holds.
      const choice = ++newestChoice;
      setChosen(next);
      client.setQueryData<Preferences>(PREFERENCES, (old) => ({ ...old, 'vitals.units': next }));
      mutate(
        { key: 'vitals.units', value: next },
        {
          onSuccess: (stored) => {
            if (choice === newestChoice) client.setQueryData(PREFERENCES, stored);
          },
          onError: () => {
            setChosen(null);
            void client.invalidateQueries({ queryKey: ['preferences.get'] });
          },
        },
      );
    },
    [client, mutate],
  );
  return [units, choose];
}
