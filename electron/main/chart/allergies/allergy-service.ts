import { AppError } from '../../../../shared/errors';
import type { Allergy, AllergyList } from '../../../../shared/domain/allergy';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { RecordWriter } from '../../records/record-writer';
import { allergyKind } from '../chart-kinds';
import { auditChartView, refuseFutureDate, requireLivePatient } from '../problems/chart-checks';

interface AllergyRow {
  id: string;
  version: number;
  patient_id: string;
  kind: 'allergy' | 'nka';
  substance: string;
  substance_type: Allergy['substanceType'];
  reaction: string;
  severity: Allergy['severity'];
  criticality: Allergy['criticality'];
  status: Allergy['status'];
  onset_date: string | null;
  note: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

function toAllergy(r: AllergyRow): Allergy {
  return {
    id: r.id,
    version: r.version,
    substance: r.substance,
    substanceType: r.substance_type,
    reaction: r.reaction,
    severity: r.severity,
    criticality: r.criticality,
    status: r.status,
    onsetDate: r.onset_date,
    note: r.note,
    updatedAt: r.updated_at,
  };
}

export interface AllergyFields {
  substance: string;
  substanceType: Allergy['substanceType'];
  reaction: string;
  severity: Allergy['severity'];
  criticality: Allergy['criticality'];
  onsetDate: string | null;
  note: string;
}

function columnsOf(f: AllergyFields) {
  return {
    substance: f.substance,
    substance_type: f.substanceType,
    reaction: f.reaction,
    severity: f.severity,
    criticality: f.criticality,
    onset_date: f.onsetDate,
    note: f.note,
  };
}

/**
 * A patient's allergies and the explicit "No known allergies" (an allergies row of kind 'nka',
 * active while it holds; who said so and when are its created_by and created_at). The two exclude
 * each other: NKA is refused while an allergy is active, and recording an allergy makes an active
 * NKA inactive in the same transaction.
 */
export class AllergyService {
  private readonly writer: RecordWriter;

  constructor(private readonly ctx: ServiceContext) {
    this.writer = new RecordWriter(ctx);
  }

  list(patientId: string, actor: Actor): AllergyList {
    const db = this.ctx.db.sqlite;
    return db.transaction(() => {
      requireLivePatient(this.ctx, patientId);
      auditChartView(this.ctx, actor, patientId, 'allergies');
      return this.section(patientId);
    })();
  }

  /** The list and the "no known allergies" record, unaudited: for list() and the chart overview, inside their read. */
  section(patientId: string): AllergyList {
    const db = this.ctx.db.sqlite;
    const rows = this.rowsOf(patientId);
    const allergies = rows.filter((r) => r.kind === 'allergy').map(toAllergy);
    const nka = rows.find((r) => r.kind === 'nka' && r.status === 'active');
    const recordedBy = nka
      ? ((
          preparedOnce(db, 'SELECT display_name FROM users WHERE id = ?').get(nka.created_by) as
            { display_name: string } | undefined
        )?.display_name ?? nka.created_by)
      : '';
    const status: AllergyList['status'] = allergies.some((a) => a.status === 'active')
      ? 'recorded'
      : nka
        ? 'nka'
        : 'not-recorded';
    return {
      status,
      allergies,
      nka: nka ? { id: nka.id, version: nka.version, recordedBy, recordedAt: nka.created_at } : null,
    };
  }

  private rowsOf(patientId: string): AllergyRow[] {
    return preparedOnce(
      this.ctx.db.sqlite,
      `SELECT * FROM allergies WHERE patient_id = ? AND deleted_at IS NULL
       ORDER BY status = 'active' DESC, severity = 'severe' DESC, created_at DESC`,
    ).all(patientId) as AllergyRow[];
  }

  private checkOnset(onsetDate: string | null): void {
    refuseFutureDate(this.ctx, onsetDate, 'onsetDate', t('errors.chart.allergies.onsetInFuture'));
  }

  add(patientId: string, fields: AllergyFields, actor: Actor): Allergy {
    const db = this.ctx.db.sqlite;
    return db
      .transaction(() => {
        requireLivePatient(this.ctx, patientId);
        this.checkOnset(fields.onsetDate);
        const at = isoNow(this.ctx);
        this.endNka(patientId, actor, at);
        const row = this.writer.create(
          allergyKind,
          { patient_id: patientId, kind: 'allergy', status: 'active', ...columnsOf(fields) },
          { actor, at, audit: { action: 'allergy.add', details: `${fields.substanceType}: ${fields.substance}` } },
        );
        return toAllergy(row as unknown as AllergyRow);
      })
      .immediate();
  }

  update(id: string, version: number, fields: AllergyFields & { status: Allergy['status'] }, actor: Actor): Allergy {
    const db = this.ctx.db.sqlite;
    return db
      .transaction(() => {
        const before = this.writer.load(allergyKind, id) as unknown as AllergyRow | undefined;
        if (!before || before.kind !== 'allergy') throw new AppError('NOT_FOUND', allergyKind.notFoundMessage());
        if (before.version !== version) throw new AppError('CONFLICT', allergyKind.conflictMessage());
        requireLivePatient(this.ctx, before.patient_id);
        this.checkOnset(fields.onsetDate);
        const at = isoNow(this.ctx);
        // An allergy made active again ends a "No known allergies" recorded meanwhile.
        if (fields.status === 'active') this.endNka(before.patient_id, actor, at);
        const row = this.writer.update(
          allergyKind,
          id,
          version,
          { ...columnsOf(fields), status: fields.status },
          { actor, at, audit: { action: 'allergy.update', details: `${fields.substance}: ${fields.status}` } },
        );
        return toAllergy(row as unknown as AllergyRow);
      })
      .immediate();
  }

  /** "No known allergies", said explicitly; refused while the patient has an active allergy. */
  recordNka(patientId: string, actor: Actor): null {
    const db = this.ctx.db.sqlite;
    db.transaction(() => {
      requireLivePatient(this.ctx, patientId);
      const rows = this.rowsOf(patientId);
      if (rows.some((r) => r.kind === 'allergy' && r.status === 'active')) {
        throw new AppError('VALIDATION', t('errors.chart.allergies.nkaWithActiveAllergy'));
      }
      if (rows.some((r) => r.kind === 'nka' && r.status === 'active')) {
        throw new AppError('VALIDATION', t('errors.chart.allergies.nkaAlreadyRecorded'));
      }
      this.writer.create(
        allergyKind,
        { patient_id: patientId, kind: 'nka', status: 'active', substance: '', reaction: '', note: '' },
        { actor, at: isoNow(this.ctx), audit: { action: 'allergy.nka', details: 'no known allergies' } },
      );
    }).immediate();
    return null;
  }

  private endNka(patientId: string, actor: Actor, at: string): void {
    for (const nka of this.rowsOf(patientId).filter((r) => r.kind === 'nka' && r.status === 'active')) {
      this.writer.update(
        allergyKind,
        nka.id,
        nka.version,
        { status: 'inactive' },
        {
          actor,
          at,
          audit: { action: 'allergy.update', details: 'no known allergies ended: an allergy was recorded' },
        },
      );
    }
  }
}
