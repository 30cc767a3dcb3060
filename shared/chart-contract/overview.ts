import { z } from 'zod';
import { DOCTOR } from '../access';
import type { ChannelSpecs } from '../contract';
import { allergyListSchema } from '../domain/allergy';
import { appointmentSchema } from '../domain/appointment';
import { patientHistorySchema } from '../domain/history';
import { immunizationSchema } from '../domain/immunization';
import { labPatientReportsSchema } from '../domain/lab-review';
import { medicationListSchema } from '../domain/medication';
import { problemSchema } from '../domain/problem';
import { idSchema } from '../domain/common';
import { visitWithNotesSchema } from '../domain/visit';
import { vitalsListSchema } from '../domain/vitals';

/**
 * What the chart overview shows when it opens: each panel's first read, the same values its own
 * channel answers (visits.list with VISITS_PAGE, vitals.list's first VITALS_PAGE sets,
 * problems.list, allergies.list, medications.list, immunizations.list, history.get,
 * appointments.upcomingForPatient, labs.review.patientReports with LAB_REPORTS_PAGE), read in one
 * snapshot and recorded as one view.
 */
export const chartOverviewSchema = z.object({
  visits: z.array(visitWithNotesSchema),
  vitals: vitalsListSchema,
  problems: z.array(problemSchema),
  allergies: allergyListSchema,
  medications: medicationListSchema,
  immunizations: z.array(immunizationSchema),
  history: patientHistorySchema,
  upcoming: z.array(appointmentSchema),
  labReports: labPatientReportsSchema,
});
export type ChartOverview = z.infer<typeof chartOverviewSchema>;

/** The chart overview (issue 9 part 9). Clinical: doctors only (DOCTOR in shared/access.ts). */
export const overviewChannels = {
  /** Every panel's first read for one patient, in one read transaction; audited as one chart.view ("overview"). */
  'chart.overview': {
    access: DOCTOR,
    input: z.strictObject({ patientId: idSchema }),
    output: chartOverviewSchema,
  },
} as const satisfies ChannelSpecs;
