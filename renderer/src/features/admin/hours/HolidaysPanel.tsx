import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import type { Holiday } from '../../../../../shared/domain/appointment';
import { addDays } from '../../../../../shared/zoned-time';
import { ClosedDaysPanel } from './ClosedDaysPanel';

/** Days the whole clinic is closed, for the coming year, with add and remove. */
export function HolidaysPanel({ today }: { today: string }) {
  const list = useChannelQuery('holidays.list', { from: today, to: addDays(today, 365) });
  // The book shows closed days, so it is asked again too.
  const invalidates = ['holidays.list', 'appointments.day', 'appointments.week'] as const;
  const addMutation = useChannelMutation('holidays.add', { invalidates: [...invalidates] });
  const removeMutation = useChannelMutation('holidays.remove', { invalidates: [...invalidates] });
  return (
    <ClosedDaysPanel<Holiday>
      words="hours.holidays"
      rowVars={(holiday) => ({ name: holiday.name })}
      today={today}
      days={list.data}
      loadFailure={list.error}
      text={{ field: 'name', limit: 100, of: (holiday) => holiday.name }}
      onAdd={(date, name) => addMutation.mutateAsync({ date, name })}
      onRemove={(holiday) => removeMutation.mutateAsync({ id: holiday.id })}
      adding={addMutation.isPending}
    />
  );
}
