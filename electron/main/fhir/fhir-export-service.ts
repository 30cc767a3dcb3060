import { AppError } from '../../../shared/errors';
import type { FhirPatientExport } from '../../../shared/chart-contract/fhir';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { t } from '../i18n/translate';
import { buildPatientBundle } from './patient-bundle';

/** A file name part from an MRN: letters, digits and dashes only. */
const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '-');

/**
 * fhir.exportPatient: the patient's whole chart as a FHIR R4 Bundle, as JSON text (like the CSV
 * exports: text crosses IPC, and the renderer saves it as it is). An export shows the patient's
 * chart, so it is audited (`fhir.export`, naming the patient) in the transaction that reads it;
 * an unknown or deleted patient is refused, and the attempt audited as a failure.
 */
export class FhirExportService {
  constructor(private readonly ctx: ServiceContext) {}

  exportPatient(patientId: string, actor: Actor): FhirPatientExport {
    const db = this.ctx.db.sqlite;
    const at = isoNow(this.ctx);
    const result = db
      .transaction(() => {
        const bundle = buildPatientBundle(db, patientId, at);
        const mrn =
          bundle?.entry?.[0]?.resource?.resourceType === 'Patient'
            ? bundle.entry[0].resource.identifier?.[0]?.value
            : undefined;
        const resources = bundle?.entry?.length ?? 0;
        appendAudit(db, {
          at,
          userId: actor.userId,
          username: actor.username,
          action: 'fhir.export',
          patientId: bundle ? patientId : null,
          outcome: bundle ? 'success' : 'failure',
          details: bundle ? `FHIR R4 bundle, ${resources} resources` : `not found: ${patientId}`,
        });
        return bundle ? { bundle, mrn: mrn ?? patientId, resources } : undefined;
      })
      .immediate();
    if (!result) throw new AppError('NOT_FOUND', t('errors.chart.fhir.patientNotFound'));
    return {
      filename: `chartbook-${fileSafe(result.mrn)}-${at.slice(0, 10)}.fhir.json`,
      json: JSON.stringify(result.bundle, null, 2),
      resources: result.resources,
    };
  }
}
