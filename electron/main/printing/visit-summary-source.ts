import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { allergies, immunizations, medications, notes, problems, visits, vitals } from '../db/schema';
import { t } from '../i18n/translate';
import type { PrintSex } from './day-list-document';
import type { SummaryNote, VisitSummaryInput } from './visit-summary-document';

type VisitRow = typeof visits.$inferSelect;
type NoteRow = typeof notes.$inferSelect;
type VitalsRow = typeof vitals.$inferSelect;

/** What the summary needs of the visit's patient. */
interface SummaryPatientRow {
  id: string;
  name: string;
  mrn: string;
  birth_date: string;
  birth_date_estimated: number;
  sex: PrintSex;
}

/** ICD-10-CM codes are stored without the dot (as CMS publishes them) and printed with it: E119 -> E11.9. */
export function dottedIcd10(code: string): string {
  return code.length > 3 && !code.includes('.') ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

const number = (value: number) => String(Math.round(value * 10) / 10);

/** One set of vitals as printed lines, in the canonical UCUM units the chart stores. */
export function vitalsLines(row: VitalsRow): string[] {
  const out: string[] = [];
  if (row.systolic !== null && row.diastolic !== null) out.push(`BP ${row.systolic}/${row.diastolic} mmHg`);
  if (row.pulse !== null) out.push(`Pulse ${row.pulse}/min`);
  if (row.temperature !== null) out.push(`Temp ${number(row.temperature)} °C`);
  if (row.respiratory_rate !== null) out.push(`Resp ${row.respiratory_rate}/min`);
  if (row.spo2 !== null) out.push(`SpO₂ ${row.spo2}%`);
  if (row.weight !== null) out.push(`Weight ${number(row.weight)} kg`);
  if (row.height !== null) out.push(`Height ${number(row.height)} cm`);
  if (row.bmi !== null) out.push(`BMI ${number(row.bmi)} kg/m²`);
  if (row.pain !== null) out.push(`Pain ${row.pain}/10`);
  if (row.head_circumference !== null) out.push(`Head circumference ${number(row.head_circumference)} cm`);
  if (row.muac !== null) out.push(`MUAC ${number(row.muac)} cm`);
  return out;
}

const joinParts = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join(', ');

/** Reads one visit and what the summary prints about it, from the chart's tables. */
export function visitSummarySource(
  db: Database.Database,
  visitId: string,
): Omit<VisitSummaryInput, 'clinic' | 'printedAt' | 'printedBy'> & { patientId: string; visitDate: string } {
  const visit = db.prepare('SELECT * FROM visits WHERE id = ? AND deleted_at IS NULL').get(visitId) as
    VisitRow | undefined;
  if (!visit) throw new AppError('NOT_FOUND', t('errors.printing.visitNotFound'));
  const patient = db
    .prepare(
      `SELECT id, given_names || ' ' || family_name AS name, mrn, birth_date, birth_date_estimated, sex
         FROM patients WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(visit.patient_id) as SummaryPatientRow | undefined;
  if (!patient) throw new AppError('NOT_FOUND', t('errors.printing.visitNotFound'));

  const names = new Map<string, string>();
  const nameOf = (userId: string | null): string => {
    if (!userId) return '';
    let name = names.get(userId);
    if (name === undefined) {
      const row = db.prepare('SELECT display_name FROM users WHERE id = ?').get(userId) as
        { display_name: string } | undefined;
      name = row?.display_name ?? userId;
      names.set(userId, name);
    }
    return name;
  };

  const noteRows = db
    .prepare(
      'SELECT * FROM notes WHERE visit_id = ? AND addendum_to IS NULL AND deleted_at IS NULL ORDER BY created_at',
    )
    .all(visitId) as NoteRow[];
  const addendaOf = db.prepare('SELECT * FROM notes WHERE addendum_to = ? AND deleted_at IS NULL ORDER BY created_at');
  const summaryNotes: SummaryNote[] = noteRows.map((n) => ({
    format: n.format === 'soap' ? 'soap' : 'free',
    subjective: n.subjective,
    objective: n.objective,
    assessment: n.assessment,
    plan: n.plan,
    body: n.body,
    authorName: nameOf(n.author_id),
    signedAt: n.status === 'signed' ? n.signed_at : null,
    signedByName: n.signed_by ? nameOf(n.signed_by) : null,
    addenda: (addendaOf.all(n.id) as NoteRow[]).map((a) => ({
      body: a.body,
      authorName: nameOf(a.author_id),
      at: a.signed_at ?? a.created_at,
    })),
  }));

  const vitalRows = db
    .prepare('SELECT * FROM vitals WHERE visit_id = ? AND deleted_at IS NULL ORDER BY taken_at')
    .all(visitId) as VitalsRow[];
  const diagnoses = db
    .prepare(`SELECT * FROM problems WHERE visit_id = ? AND deleted_at IS NULL ORDER BY created_at`)
    .all(visitId) as (typeof problems.$inferSelect)[];
  const meds = db
    .prepare(
      `SELECT * FROM medications WHERE patient_id = ? AND status = 'active' AND deleted_at IS NULL ORDER BY name COLLATE NOCASE`,
    )
    .all(patient.id) as (typeof medications.$inferSelect)[];
  const allergyRows = db
    .prepare(
      `SELECT * FROM allergies WHERE patient_id = ? AND status = 'active' AND deleted_at IS NULL ORDER BY substance COLLATE NOCASE`,
    )
    .all(patient.id) as (typeof allergies.$inferSelect)[];
  const shots = db
    .prepare('SELECT * FROM immunizations WHERE visit_id = ? AND deleted_at IS NULL ORDER BY given_date')
    .all(visitId) as (typeof immunizations.$inferSelect)[];

  return {
    patientId: patient.id,
    visitDate: visit.started_at,
    patient: {
      name: patient.name,
      mrn: patient.mrn,
      birthDate: patient.birth_date,
      birthDateEstimated: patient.birth_date_estimated === 1,
      sex: patient.sex,
    },
    visit: {
      startedAt: visit.started_at,
      finishedAt: visit.finished_at,
      doctorName: nameOf(visit.provider_id),
      reason: visit.reason,
    },
    vitals: vitalRows.map((v) => ({ takenAt: v.taken_at, values: vitalsLines(v) })).filter((v) => v.values.length),
    diagnoses: diagnoses.map((d) => ({
      code: d.icd10_code ? dottedIcd10(d.icd10_code) : null,
      description: d.description,
    })),
    notes: summaryNotes,
    medications: meds.map((m) => ({
      name: m.name,
      detail: joinParts(m.dose, m.route, m.frequency, m.source === 'outside' ? 'prescribed elsewhere' : null),
    })),
    allergies: allergyRows
      .filter((a) => a.kind === 'allergy')
      .map((a) => ({
        substance: a.substance,
        detail: joinParts(a.reaction, a.severity, a.criticality === 'high' ? 'high criticality' : null),
      })),
    noKnownAllergies: allergyRows.some((a) => a.kind === 'nka'),
    immunizations: shots.map((s) => ({
      vaccine: s.vaccine,
      detail: joinParts(
        s.dose_number !== null ? `dose ${s.dose_number}` : null,
        s.lot ? `lot ${s.lot}` : null,
        s.route,
        s.site,
      ),
    })),
  };
}
