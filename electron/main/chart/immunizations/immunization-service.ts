import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import type { CvxVaccine, Immunization, ImmunizationInput } from '../../../../shared/domain/immunization';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { RecordWriter } from '../../records/record-writer';
import { immunizationKind } from '../chart-kinds';
import {
  changedColumns,
  chartPatient,
  clinicToday,
  readChartSection,
  type ChartPatient,
} from '../medications/chart-section';
import { cvxEntry, searchCvx } from './cvx-codes';

interface ImmunizationRow {
  id: string;
  version: number;
  patient_id: string;
  cvx_code: string;
  vaccine: string;
  given_date: string;
  dose_number: number | null;
  lot: string;
  site: string;
  route: Immunization['route'];
  given_here: number;
  note: string;
  recorded_by_name: string;
  updated_at: string;
}

const SELECT = `SELECT i.*, COALESCE(u.display_name, i.created_by) AS recorded_by_name FROM immunizations i
  LEFT JOIN users u ON u.id = i.created_by WHERE i.deleted_at IS NULL`;

function toImmunization(r: ImmunizationRow): Immunization {
  return {
    id: r.id,
    version: r.version,
    patientId: r.patient_id,
    cvxCode: r.cvx_code,
    vaccine: r.vaccine,
    givenDate: r.given_date,
    doseNumber: r.dose_number,
    lot: r.lot,
    site: r.site,
    route: r.route,
    givenHere: r.given_here === 1,
    note: r.note,
    recordedByName: r.recorded_by_name,
    updatedAt: r.updated_at,
  };
}

/** Vaccine doses given here or recorded from elsewhere (FHIR Immunization), coded with CVX. */
export class ImmunizationService {
  private readonly writer: RecordWriter;
  private readonly db: Database.Database;

  constructor(private readonly ctx: ServiceContext) {
    this.writer = new RecordWriter(ctx);
    this.db = ctx.db.sqlite;
  }

  /** Newest dose first. */
  list(patientId: string, actor: Actor): Immunization[] {
    return readChartSection(this.ctx, actor, patientId, 'immunizations', () => this.section(patientId));
  }

  /** Newest dose first, unaudited: for list() and the chart overview, inside their read. */
  section(patientId: string): Immunization[] {
    return (
      preparedOnce(this.db, `${SELECT} AND i.patient_id = ? ORDER BY i.given_date DESC, i.created_at DESC`).all(
        patientId,
      ) as ImmunizationRow[]
    ).map(toImmunization);
  }

  searchVaccines(text: string, limit: number): CvxVaccine[] {
    return searchCvx(text, limit);
  }

  add(patientId: string, input: ImmunizationInput, actor: Actor): Immunization {
    return this.db
      .transaction(() => {
        const patient = chartPatient(this.db, patientId);
        const columns = this.columnsOf(patient, input);
        const row = this.writer.create(
          immunizationKind,
          { patient_id: patientId, ...columns },
          {
            actor,
            at: isoNow(this.ctx),
            audit: {
              action: 'immunization.add',
              details: `CVX ${columns.cvx_code}, ${input.givenHere ? 'given here' : 'recorded from elsewhere'}`,
            },
          },
        );
        return this.read(row.id);
      })
      .immediate();
  }

  update(id: string, version: number, input: ImmunizationInput, actor: Actor): Immunization {
    return this.db
      .transaction(() => {
        const before = this.writer.load(immunizationKind, id);
        if (!before) throw new AppError('NOT_FOUND', immunizationKind.notFoundMessage());
        if (before.version !== version) throw new AppError('CONFLICT', immunizationKind.conflictMessage());
        const patient = chartPatient(this.db, before.patient_id as string);
        const patch = this.columnsOf(patient, input);
        const changed = changedColumns(before, patch);
        this.writer.update(immunizationKind, id, version, patch, {
          actor,
          at: isoNow(this.ctx),
          audit: {
            action: 'immunization.update',
            details: changed.length ? `changed: ${changed.join(', ')}` : 'saved without changes',
          },
        });
        return this.read(id);
      })
      .immediate();
  }

  /** The rules of a dose: a known, usable CVX code; a day the patient lived through. */
  private columnsOf(patient: ChartPatient, input: ImmunizationInput) {
    const entry = cvxEntry(input.cvxCode);
    const field = 'immunization.cvxCode';
    if (!entry) throw this.invalid(field, t('errors.chart.meds.unknownCvx', { code: input.cvxCode }));
    if (entry.refusal === 'not-a-dose')
      throw this.invalid(field, t('errors.chart.meds.cvxNotADose', { code: entry.code }));
    if (entry.refusal === 'never-used')
      throw this.invalid(field, t('errors.chart.meds.cvxNeverUsed', { code: entry.code }));
    if (entry.historicalOnly && input.givenHere) {
      throw this.invalid(field, t('errors.chart.meds.cvxInactiveGivenHere', { vaccine: entry.shortName }));
    }
    if (input.givenDate > clinicToday(this.ctx)) {
      throw this.invalid('immunization.givenDate', t('errors.chart.meds.givenInFuture'));
    }
    if (input.givenDate < patient.birthDate) {
      throw this.invalid(
        'immunization.givenDate',
        t('errors.chart.meds.givenBeforeBirth', { birthDate: patient.birthDate }),
      );
    }
    return {
      cvx_code: entry.code,
      vaccine: entry.shortName,
      given_date: input.givenDate,
      dose_number: input.doseNumber,
      lot: input.lot,
      site: input.site,
      route: input.route,
      given_here: input.givenHere ? 1 : 0,
      note: input.note,
    };
  }

  private read(id: string): Immunization {
    return toImmunization(preparedOnce(this.db, `${SELECT} AND i.id = ?`).get(id) as ImmunizationRow);
  }

  private invalid(field: string, message: string): AppError {
    return new AppError('VALIDATION', message, { [field]: message });
  }
}
