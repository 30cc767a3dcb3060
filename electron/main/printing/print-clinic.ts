import type { ClinicSettings } from '../../../shared/domain/settings';

/** What a printed document needs from the clinic's settings; ClinicSettings itself fits. */
export type PrintClinic = Pick<
  ClinicSettings,
  'clinicName' | 'address' | 'phone' | 'letterhead' | 'timeZone' | 'paperSize'
> &
  /** The appointment slip's page (A6 when not given). */
  Partial<Pick<ClinicSettings, 'slipSize'>>;

/** Who printed, and when (an ISO-8601 instant), for the footer of every document. */
export interface PrintedBy {
  printedAt: string;
  printedBy: string;
}
