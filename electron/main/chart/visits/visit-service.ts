import type Database from 'better-sqlite3';
import { todayIn } from '../../../../shared/dates';
import { VISITS_PAGE, type Visit, type VisitStartInput, type VisitWithNotes } from '../../../../shared/domain/visit';
import { AppError } from '../../../../shared/errors';
import { utcToZoned } from '../../../../shared/zoned-time';
import { findAppointmentRow, type AppointmentRow } from '../../appointments/appointment-row';
import { moveTo } from '../../appointments/status-flow';
import { auditShown } from '../../audit/read-audit';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { RecordWriter } from '../../records/record-writer';
import { clinicTimeZone } from '../../settings/settings-service';
import { visitKind } from '../chart-kinds';
import { NOTE_SELECT, toVisit, VISIT_SELECT, visitsWithNotes, type NoteRow, type VisitRow } from './visit-rows';

/** The appointment statuses a visit may start from: checked in (waiting) or already called in (queue rules, status-flow.ts). */
const LINKABLE = `a.status IN ('arrived', 'with_doctor')`;

/** Today's appointments of the patient that no visit has taken yet: the doctor's own first, the one already called in first. */
const TODAYS_APPOINTMENT = `SELECT a.id FROM appointments a
  WHERE a.patient_id = ? AND a.clinic_date = ? AND ${LINKABLE} AND a.deleted_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.appointment_id = a.id AND v.deleted_at IS NULL)
  ORDER BY a.provider_id = ? DESC, a.status = 'with_doctor' DESC, a.arrived_at, a.token
  LIMIT 1`;

/** A live patient: a visit is never started for a deleted or unknown one. */
export function assertLivePatient(db: Database.Database, patientId: string): void {
  const row = preparedOnce(db, 'SELECT deleted_at FROM patients WHERE id = ?').get(patientId) as
    { deleted_at: string | null } | undefined;
  if (!row || row.deleted_at !== null) {
    throw new AppError('NOT_FOUND', t('errors.chart.visits.patientNotFound'), {
      patientId: t('errors.chart.visits.patientNotFound'),
    });
  }
}

export function loadVisitRow(db: Database.Database, id: string): VisitRow {
  const row = preparedOnce(db, `${VISIT_SELECT} WHERE v.id = ? AND v.deleted_at IS NULL`).get(id) as
    VisitRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', t('errors.chart.visits.visitNotFound'));
  return row;
}

/**
 * Visits (FHIR Encounter, issue 9 part 1). Each change is one IMMEDIATE transaction through the
 * record writer; the appointment a visit came from moves along the queue's own status flow
 * (appointments/status-flow.ts) in the same transaction, so its history and audit read as if the
 * doctor had pressed "Call in" and "Done".
 */
export class VisitService {
  private readonly writer: RecordWriter;

  constructor(private readonly ctx: ServiceContext) {
    this.writer = new RecordWriter(ctx);
  }

  private get db(): Database.Database {
    return this.ctx.db.sqlite;
  }

  private clock(instant: string): string {
    const zoned = utcToZoned(instant, clinicTimeZone(this.ctx));
    return `${zoned.date} ${zoned.time}`;
  }

  start(input: VisitStartInput, actor: Actor): Visit {
    const db = this.db;
    return db
      .transaction(() => {
        assertLivePatient(db, input.patientId);
        const open = preparedOnce(
          db,
          `SELECT started_at FROM visits WHERE patient_id = ? AND provider_id = ? AND status = 'in_progress' AND deleted_at IS NULL LIMIT 1`,
        ).get(input.patientId, actor.userId) as { started_at: string } | undefined;
        if (open) {
          throw new AppError(
            'CONFLICT',
            t('errors.chart.visits.alreadyInProgress', { started: this.clock(open.started_at) }),
          );
        }
        const appointment = this.appointmentFor(input, actor);
        const at = isoNow(this.ctx);
        // Calling the patient in first: the queue then shows them with the doctor, as "Call in" would.
        if (appointment?.status === 'arrived') moveTo(this.ctx, appointment, 'with_doctor', actor);
        const row = this.writer.create(
          visitKind,
          {
            patient_id: input.patientId,
            provider_id: actor.userId,
            appointment_id: appointment?.id ?? null,
            status: 'in_progress',
            started_at: at,
            finished_at: null,
            reason: input.reason || appointment?.reason || '',
          },
          {
            actor,
            at,
            audit: {
              action: 'visit.start',
              details: appointment ? `appointment ${appointment.id}` : 'without appointment',
            },
          },
        );
        return toVisit(loadVisitRow(db, row.id));
      })
      .immediate();
  }

  /** The appointment named, checked; or the patient's own of today; or none (a visit on its own). */
  private appointmentFor(input: VisitStartInput, actor: Actor): AppointmentRow | null {
    const db = this.db;
    const today = todayIn(clinicTimeZone(this.ctx), this.ctx.now());
    if (input.appointmentId === undefined) {
      const found = preparedOnce(db, TODAYS_APPOINTMENT).get(input.patientId, today, actor.userId) as
        { id: string } | undefined;
      return found ? (findAppointmentRow(db, found.id) ?? null) : null;
    }
    const row = findAppointmentRow(db, input.appointmentId);
    const taken =
      row &&
      preparedOnce(db, 'SELECT 1 FROM visits WHERE appointment_id = ? AND deleted_at IS NULL').get(row.id) !==
        undefined;
    if (
      !row ||
      taken ||
      row.patient_id !== input.patientId ||
      row.clinic_date !== today ||
      (row.status !== 'arrived' && row.status !== 'with_doctor')
    ) {
      const message = t('errors.chart.visits.appointmentNotLinkable');
      throw new AppError('VALIDATION', message, { appointmentId: message });
    }
    return row;
  }

  /** Finishes the visit and marks its appointment done, in one transaction: one act for the doctor and the queue. */
  finish(id: string, version: number, actor: Actor): Visit {
    const db = this.db;
    return db
      .transaction(() => {
        const before = loadVisitRow(db, id);
        if (before.status === 'finished') {
          throw new AppError(
            'VALIDATION',
            t('errors.chart.visits.alreadyFinished', { finished: this.clock(before.finished_at ?? before.updated_at) }),
          );
        }
        const at = isoNow(this.ctx);
        this.writer.update(
          visitKind,
          id,
          version,
          { status: 'finished', finished_at: at },
          { actor, at, audit: { action: 'visit.finish' } },
        );
        const appointment = before.appointment_id ? findAppointmentRow(db, before.appointment_id) : undefined;
        // Done in the queue already (or cancelled meanwhile): left as it is.
        if (appointment?.status === 'with_doctor') moveTo(this.ctx, appointment, 'done', actor);
        return toVisit(loadVisitRow(db, id));
      })
      .immediate();
  }

  /** A patient's visits, newest first, with their notes and addenda: a view of the chart, audited. */
  list(patientId: string, actor: Actor, limit: number = VISITS_PAGE): VisitWithNotes[] {
    const db = this.db;
    return db.transaction(() => {
      const exists = preparedOnce(db, 'SELECT 1 FROM patients WHERE id = ?').get(patientId) !== undefined;
      if (!exists) throw new AppError('NOT_FOUND', t('errors.chart.visits.patientNotFound'));
      // A section of the opened chart: through the read-audit buffer (medications/chart-section.ts).
      auditShown(this.ctx, actor, 'chart.view', [patientId], 'visits');
      return this.section(patientId, limit);
    })();
  }

  /** The newest `limit` visits with their notes, unaudited: for list() and the chart overview, inside their read. */
  section(patientId: string, limit: number = VISITS_PAGE): VisitWithNotes[] {
    const db = this.db;
    const visitRows = preparedOnce(
      db,
      `${VISIT_SELECT} WHERE v.patient_id = ? AND v.deleted_at IS NULL ORDER BY v.started_at DESC, v.id DESC LIMIT ?`,
    ).all(patientId, limit) as VisitRow[];
    // Notes (and addenda) of these visits were all written after the oldest of them started.
    const oldest = visitRows.at(-1)?.started_at;
    const noteRows = oldest
      ? (preparedOnce(
          db,
          `${NOTE_SELECT} WHERE n.patient_id = ? AND n.created_at >= ? AND n.deleted_at IS NULL ORDER BY n.created_at, n.id`,
        ).all(patientId, oldest) as NoteRow[])
      : [];
    return visitsWithNotes(visitRows, noteRows);
  }
}
