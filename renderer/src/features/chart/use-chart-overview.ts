import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LAB_REPORTS_PAGE } from '../../../../shared/domain/lab-review';
import { VISITS_PAGE } from '../../../../shared/domain/visit';
import { VITALS_PAGE } from '../../../../shared/domain/vitals';
import { call } from '../../api/client';
import { channelKey, seedChannelQuery } from '../../api/channel-hooks';

/**
 * Opens a patient's chart with one read (chart.overview): every panel's first page in one
 * snapshot and one audit entry, put in the cache under each panel's own read so the panels mount
 * on it without asking main again (docs/ARCHITECTURE.md, "The chart"). Later reads (a change, the
 * next page, a lab import) go through each panel's own channel as before. `opened` is true once the
 * answer is in, or once it failed: the panels then read for themselves and show their own errors.
 */
export function useChartOverview(patientId: string, enabled: boolean): { opened: boolean } {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: channelKey('chart.overview', { patientId }),
    enabled,
    // Read again each time the chart opens; nothing else keeps the whole answer.
    gcTime: 0,
    queryFn: async () => {
      const o = await call('chart.overview', { patientId });
      seedChannelQuery(client, 'visits.list', { patientId, limit: VISITS_PAGE }, o.visits);
      seedChannelQuery(client, 'vitals.list', { patientId, limit: VITALS_PAGE, offset: 0 }, o.vitals);
      seedChannelQuery(client, 'problems.list', { patientId }, o.problems);
      seedChannelQuery(client, 'allergies.list', { patientId }, o.allergies);
      seedChannelQuery(client, 'medications.list', { patientId }, o.medications);
      seedChannelQuery(client, 'immunizations.list', { patientId }, o.immunizations);
      seedChannelQuery(client, 'history.get', { patientId }, o.history);
      seedChannelQuery(client, 'appointments.upcomingForPatient', { patientId }, o.upcoming);
      seedChannelQuery(client, 'labs.review.patientReports', { patientId, limit: LAB_REPORTS_PAGE }, o.labReports);
      return true;
    },
  });
  return { opened: !enabled || query.isFetchedAfterMount || query.isError };
}
