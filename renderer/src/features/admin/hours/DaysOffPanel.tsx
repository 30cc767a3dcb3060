import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import type { DayOff } from '../../../../../shared/domain/appointment';
import { addDays } from '../../../../../shared/zoned-time';
import { ClosedDaysPanel } from './ClosedDaysPanel';

interface DaysOffPanelProps {
  providerId: string;
  name: string;
  /** Today in the clinic's time zone: the list runs from here for a year. */
  today: string;
}

/** A doctor's days off for the coming year, soonest first, with add and remove. */
export function DaysOffPanel({ providerId, name, today }: DaysOffPanelProps) {
  const list = useChannelQuery('providers.daysOff', { providerId, from: today, to: addDays(today, 365) });
  // The book shows days off, so it is asked again too.
  const invalidates = ['providers.daysOff', 'appointments.day', 'appointments.week'] as const;
  const addMutation = useChannelMutation('providers.addDayOff', { invalidates: [...invalidates] });
  const removeMutation = useChannelMutation('providers.removeDayOff', { invalidates: [...invalidates] });
  return (
    <ClosedDaysPanel<DayOff>
      words="hours.daysOff"
      vars={{ name }}
      today={today}
      days={list.data}
      loadFailure={list.error}
      text={{ field: 'reason', limit: 200, of: (day) => day.reason }}
      onAdd={(date, reason) => addMutation.mutateAsync({ providerId, date, reason })}
      onRemove={(day) => removeMutation.mutateAsync({ id: day.id })}
      adding={addMutation.isPending}
    />
  );
}
