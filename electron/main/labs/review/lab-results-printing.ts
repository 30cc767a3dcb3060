import { AppError } from '../../../../shared/errors';
import type { PrintLabResultsInput } from '../../../../shared/domain/lab-review';
import { appendAudit } from '../../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import type { PrintSex } from '../../printing/day-list-document';
import type { PrintJobMaker, PrintService } from '../../printing/print-service';
import { countPdfPages } from '../../printing/print-service';
import type Database from 'better-sqlite3';
import { buildLabResultsDocument, type PrintedLabReport } from './lab-results-document';
import { toResultView } from './lab-result-rows';
import { loadReport, reportResults } from './lab-review-service';

interface PatientForPrint {
  name: string;
  mrn: string;
  birth_date: string;
  birth_date_estimated: number;
  sex: PrintSex;
}

/** The chosen reports of one patient, oldest sample first, as printed; refuses another patient's. */
function printSource(db: Database.Database, input: PrintLabResultsInput) {
  if (new Set(input.reportIds).size !== input.reportIds.length) {
    const message = t('errors.labs.review.sameReportTwice');
    throw new AppError('VALIDATION', message, { reportIds: message });
  }
  const patient = preparedOnce(
    db,
    `SELECT given_names || ' ' || family_name AS name, mrn, birth_date, birth_date_estimated, sex
     FROM patients WHERE id = ? AND deleted_at IS NULL`,
  ).get(input.patientId) as PatientForPrint | undefined;
  if (!patient) throw new AppError('NOT_FOUND', t('errors.labs.review.patientNotFound'));
  const reports: (PrintedLabReport & { id: string })[] = input.reportIds.map((id) => {
    const row = loadReport(db, id);
    if (!row) throw new AppError('NOT_FOUND', t('errors.labs.review.reportNotFound'));
    if (row.patient_id !== input.patientId) {
      const message = t('errors.labs.review.notThisPatient');
      throw new AppError('VALIDATION', message, { reportIds: message });
    }
    return {
      id,
      name: row.name,
      code: row.code,
      observedAt: row.observed_at,
      performer: row.performer,
      status: row.status,
      orderNumber: row.order_number,
      comment: row.comment,
      reviewedByName: row.reviewed_by_name,
      reviewedAt: row.reviewed_at,
      reviewComment: row.review_comment,
      results: reportResults(db, id).map(toResultView),
    };
  });
  reports.sort((a, b) => a.observedAt.localeCompare(b.observedAt));
  return { patient, reports };
}

function fileSafe(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'patient'
  );
}

/** The printed lab results (print.labResults), built here and previewed or printed by the PrintService. */
export class LabResultsPrinting {
  private readonly db: Database.Database;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly printing: PrintService,
  ) {
    this.db = ctx.db.sqlite;
  }

  preview(input: PrintLabResultsInput, actor: Actor) {
    return this.printing.previewOf(this.job(input, actor), actor);
  }

  toPrinter(input: PrintLabResultsInput, actor: Actor) {
    return this.printing.printOf(this.job(input, actor), actor);
  }

  private job(input: PrintLabResultsInput, actor: Actor): PrintJobMaker {
    return async ({ printedBy, clinic, render }) => {
      const { patient, reports } = printSource(this.db, input);
      const pdf = await render(
        buildLabResultsDocument({
          ...printedBy,
          clinic,
          patient: {
            name: patient.name,
            mrn: patient.mrn,
            birthDate: patient.birth_date,
            birthDateEstimated: patient.birth_date_estimated === 1,
            sex: patient.sex,
          },
          reports,
        }),
      );
      const day = printedBy.printedAt.slice(0, 10);
      return {
        printed: {
          filename: `lab-results-${day}-${fileSafe(patient.mrn)}.pdf`,
          title: `Lab results – ${patient.mrn} – ${day}`,
          pdf,
          pages: countPdfPages(pdf),
        },
        record: (what, outcome) =>
          appendAudit(this.db, {
            at: isoNow(this.ctx),
            userId: actor.userId,
            username: actor.username,
            action: 'print.lab_results',
            patientId: input.patientId,
            outcome,
            details: `${reports.length} report${reports.length === 1 ? '' : 's'}: ${reports
              .map((r) => r.code)
              .join(', ')} (${what})`,
          }),
      };
    };
  }
}
