import { registerAccountHandlers } from '../accounts/account-handlers';
import { registerAppointmentHandlers } from '../appointments/appointment-handlers';
import { registerAuditHandlers } from '../audit/audit-handlers';
import { registerVisitHandlers } from '../chart/visits/visits-handlers';
import { registerChartOverviewHandlers } from '../chart/overview/chart-overview-handlers';
import { registerBackupHandlers, type BackupHandlerOptions } from '../backups/backup-handlers';
import { registerMedicationHandlers } from '../chart/medications/medication-handlers';
import type { ServiceContext } from '../context';
import { registerDraftHandlers } from '../drafts/draft-handlers';
import { registerFhirHandlers } from '../fhir/fhir-handlers';
import { registerPrescriptionHandlers } from '../rx/prescriptions/prescription-handlers';
import { registerVitalsHandlers } from '../chart/vitals/vitals-handlers';
import { registerPatientHandlers } from '../patients/patient-handlers';
import { registerProblemHandlers } from '../chart/problems/problem-handlers';
import { registerPreferencesHandlers } from '../preferences/preferences-handlers';
import { registerPrintHandlers } from '../printing/print-handlers';
import { PrintService, type PrintServiceOptions } from '../printing/print-service';
import { registerDrugHandlers } from '../rx/formulary/formulary-handlers';
import { registerLabOrderHandlers } from '../labs/orders/lab-order-handlers';
import { registerLabImportHandlers } from '../labs/imports/lab-import-handlers';
import { registerLabReviewHandlers } from '../labs/review/lab-review-handlers';
import { registerSecurityHandlers } from '../security/security-handlers';
import { registerSettingsHandlers } from '../settings/settings-handlers';
import { HandlerRegistry } from './handler-registry';

/**
 * The features and their channels: each feature folder registers its own handlers (handlers only
 * translate parsed input into one service call; services do the work). The dispatcher refuses to
 * start if a contract channel has no handler.
 */
export function registerHandlers(
  ctx: ServiceContext,
  printing: PrintServiceOptions,
  backups: BackupHandlerOptions,
): HandlerRegistry {
  const registry = new HandlerRegistry();
  registerAccountHandlers(ctx, registry);
  registerSettingsHandlers(ctx, registry);
  registerSecurityHandlers(ctx, registry);
  registerPatientHandlers(ctx, registry);
  registerAuditHandlers(ctx, registry);
  registerAppointmentHandlers(ctx, registry);
  registerDraftHandlers(ctx, registry);
  const printService = new PrintService(ctx, printing);
  registerPrintHandlers(printService, registry);
  registerBackupHandlers(ctx, backups, registry);
  registerProblemHandlers(ctx, registry);
  registerVisitHandlers(ctx, registry);
  registerChartOverviewHandlers(ctx, registry);
  registerMedicationHandlers(ctx, registry);
  registerFhirHandlers(ctx, registry);
  registerVitalsHandlers(ctx, registry);
  registerPrescriptionHandlers(ctx, registry);
  registerDrugHandlers(ctx, registry);
  registerLabOrderHandlers(ctx, registry);
  registerLabImportHandlers(ctx, registry);
  registerLabReviewHandlers(ctx, registry, printService);
  registerPreferencesHandlers(ctx, registry);
  return registry;
}
