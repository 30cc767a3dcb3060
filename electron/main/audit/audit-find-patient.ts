import type { AuditPatientChoice } from '../../../shared/audit-contract/find-patient';
import type { ServiceContext } from '../context';
import { PatientSearch } from '../patients/patient-search';
import type { AuditReader } from './audit-service';

const CHOICES = 10;

/**
 * The audit screen's patient finder: the Patients screen's search (name, MRN, phone, identifier),
 * answering each patient as the audit rows would show them to this reader.
 */
export class AuditPatientFinder {
  private readonly search: PatientSearch;
  constructor(ctx: ServiceContext) {
    this.search = new PatientSearch(ctx.db.sqlite);
  }

  find(text: string, reader: AuditReader): AuditPatientChoice[] {
    return this.search.search(text, CHOICES).map((p) => ({
      patientId: p.id,
      mrn: p.mrn,
      name: reader.patientNames ? `${p.givenNames} ${p.familyName}`.trim() : null,
    }));
  }
}
