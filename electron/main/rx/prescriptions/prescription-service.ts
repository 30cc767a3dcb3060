import type Database from 'better-sqlite3';
import { removeDraft } from '../../drafts/draft-store';
import { rxItemDraftKey } from '../../../../shared/domain/draft';
import { ageOn } from '../../../../shared/dates';
import type { DrugProduct, SafetyAlert, SafetyContext, SafetyItem } from '../../../../shared/domain/drug';
import { ingredientMgPerDose } from '../../../../shared/domain/dose-per-kg';
import {
  computeQuantity,
  doseSentence,
  dosesPerDay,
  frequencyWords,
  formatAmount,
  unitWords,
  type AlertOverride,
  type AlertReportRow,
  type DoseLine,
  type Favourite,
  type Prescription,
  type PrescriptionItem,
  type PrescriptionItemInput,
  type PrescriptionStatus,
} from '../../../../shared/domain/prescription';
import { AppError } from '../../../../shared/errors';
import { clinicDayBounds } from '../../../../shared/zoned-time';
import { appendAudit } from '../../audit/audit-service';
import { medicationKind, visitKind } from '../../chart/chart-kinds';
import { chartPatient, clinicToday, readChartSection } from '../../chart/medications/chart-section';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { newId, preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import type { StoredRow } from '../../records/record-kind';
import { RecordWriter, type ColumnValues } from '../../records/record-writer';
import { clinicTimeZone } from '../../settings/settings-service';
import { prescriptionItemKind, prescriptionKind, rxAlertOverrideKind, rxFavouriteKind } from './prescription-kinds';
import { NO_ENGINE, type RxEngine } from './rx-engine';

/** Under this age (completed years) the pad shows the latest weight and the engine checks mg/kg. */
export const CHILD_AGE_YEARS = 18;

interface PrescriptionRow extends StoredRow {
  patient_id: string;
  visit_id: string;
  doctor_id: string;
  doctor_name: string;
  status: PrescriptionStatus;
  number: string | null;
  created_at: string;
  signed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string;
  replaces_id: string | null;
}

interface ItemRow extends StoredRow {
  prescription_id: string;
  patient_id: string;
  position: number;
  kind: 'structured' | 'free';
  product_id: string | null;
  name: string;
  form: string | null;
  route: string | null;
  lines_json: string | null;
  directions: string;
  quantity_value: number | null;
  quantity_unit: string | null;
  repeats: number;
  instructions: string;
  medication_id: string | null;
}

interface OverrideRow {
  id: string;
  version: number;
  item_id: string;
  rule_id: string;
  kind: string;
  severity: string;
  message: string;
  reason: string;
  created_at: string;
  by_name: string;
}

export interface OverrideGiven {
  ruleId: string;
  reason: string;
}

const SELECT_RX = `SELECT p.*, u.display_name AS doctor_name FROM prescriptions p
  JOIN users u ON u.id = p.doctor_id WHERE p.deleted_at IS NULL`;

/** The item as written, read back from its row. */
export function itemOf(r: ItemRow): PrescriptionItemInput {
  const quantity =
    r.quantity_value !== null && r.quantity_unit ? { value: r.quantity_value, unit: r.quantity_unit } : null;
  if (r.kind === 'free') {
    return {
      kind: 'free',
      productId: r.product_id,
      name: r.name,
      directions: r.directions,
      quantity,
      repeats: r.repeats,
    };
  }
  return {
    kind: 'structured',
    productId: r.product_id,
    name: r.name,
    form: r.form as never,
    route: r.route as never,
    lines: JSON.parse(r.lines_json ?? '[]') as DoseLine[],
    quantity,
    repeats: r.repeats,
    instructions: r.instructions,
  };
}

function itemColumns(item: PrescriptionItemInput): ColumnValues {
  const quantity = item.quantity ?? (item.kind === 'structured' ? computeQuantity(item) : null);
  return {
    kind: item.kind,
    product_id: item.productId,
    name: item.name,
    form: item.kind === 'structured' ? item.form : null,
    route: item.kind === 'structured' ? item.route : null,
    lines_json: item.kind === 'structured' ? JSON.stringify(item.lines) : null,
    directions: item.kind === 'free' ? item.directions : '',
    quantity_value: quantity?.value ?? null,
    quantity_unit: quantity?.unit ?? null,
    repeats: item.repeats,
    instructions: item.kind === 'structured' ? item.instructions : '',
  };
}

/**
 * mg of each ingredient in one dose of `line`, read per ingredient exactly as the pad's mg/kg help
 * reads it (shared ingredientMgPerDose): an ingredient whose strength does not say its mg (units,
 * %) is left out without hiding the others; null when none says.
 */
function mgPerDose(line: DoseLine, product: DrugProduct): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const ing of product.ingredients) {
    const mg = ingredientMgPerDose(line.amount, line.unit, ing, product.ingredients.length);
    if (mg !== null) out[ing.id] = mg;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** The safety engine's view of an item: its ingredients and its heaviest day in mg, where computable. */
export function safetyItemOf(
  item: PrescriptionItemInput,
  product: DrugProduct | null,
  ingredientsOfText: (text: string) => string[] = () => [],
): SafetyItem {
  const ingredientIds = product ? product.ingredients.map((i) => i.id) : ingredientsOfText(item.name);
  const route = item.kind === 'structured' ? item.route : (product?.route ?? null);
  if (!product || item.kind === 'free') return { ingredientIds, name: item.name, dailyMgByIngredient: null, route };
  let worst: Record<string, number> | null = {};
  for (const line of item.lines) {
    const perDose = mgPerDose(line, product);
    const perDay = line.frequency.kind === 'once' ? 1 : dosesPerDay(line.frequency);
    if (!perDose || perDay === null) {
      worst = null;
      break;
    }
    for (const [id, mg] of Object.entries(perDose)) {
      const daily = Math.round(mg * Math.max(1, perDay) * 1000) / 1000;
      worst[id] = Math.max(worst[id] ?? 0, line.frequency.kind === 'weekly' ? mg : daily);
    }
  }
  return { ingredientIds, name: item.name, dailyMgByIngredient: worst, route };
}

/**
 * The prescription record (issue 10): drafts written in a visit by their doctor, items checked by
 * the safety engine as they are written and again at signing, overrides kept with their reasons,
 * signing (immutable after, the medication list updated), cancelling (a change is cancel + a new
 * draft), repeat last, renew chronic, and each doctor's favourite regimens. Every change goes
 * through the RecordWriter in one IMMEDIATE transaction with its checks; every view is audited.
 */
export class PrescriptionService {
  private readonly writer: RecordWriter;
  private readonly db: Database.Database;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly engine: RxEngine = NO_ENGINE,
  ) {
    this.writer = new RecordWriter(ctx);
    this.db = ctx.db.sqlite;
  }

  // -------------------------------------------------------------------------------------------
  // Reads
  // -------------------------------------------------------------------------------------------

  get(id: string, actor: Actor): Prescription {
    return (
      this.db
        .transaction(() => {
          const row = this.row(id);
          appendAudit(this.db, {
            at: isoNow(this.ctx),
            userId: actor.userId,
            username: actor.username,
            action: 'prescription.view',
            patientId: row ? row.patient_id : null,
            outcome: row ? 'success' : 'failure',
            details: row ? `status: ${row.status}` : `not found: ${id}`,
          });
          return row ? this.view(row) : null;
        })
        .immediate() ?? this.notFound()
    );
  }

  list(patientId: string, actor: Actor) {
    return readChartSection(this.ctx, actor, patientId, 'prescriptions', () => {
      const rows = preparedOnce(
        this.db,
        `${SELECT_RX} AND p.patient_id = ? ORDER BY coalesce(p.signed_at, p.created_at) DESC, p.id DESC`,
      ).all(patientId) as PrescriptionRow[];
      return rows.map((r) => ({
        id: r.id,
        status: r.status,
        number: r.number,
        visitId: r.visit_id,
        doctorName: r.doctor_name,
        createdAt: r.created_at,
        signedAt: r.signed_at,
        itemNames: this.itemRows(r.id).map((i) => i.name),
      }));
    });
  }

  /** For the pad: the patient's age, and for children the latest weight (mg/kg help). */
  patientContext(patientId: string, actor: Actor) {
    return readChartSection(this.ctx, actor, patientId, 'prescription context', (patient) => {
      const age = ageOn(patient.birthDate, clinicToday(this.ctx));
      const ageYears = age ? age.years : null;
      const isChild = ageYears !== null && ageYears < CHILD_AGE_YEARS;
      const weight = this.latestWeight(patientId);
      return {
        ageYears,
        isChild,
        weightKg: isChild ? (weight?.weight ?? null) : null,
        weighedAt: isChild ? (weight?.taken_at ?? null) : null,
        allergiesRecorded: this.allergiesRecorded(patientId),
      };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Drafts and items
  // -------------------------------------------------------------------------------------------

  createDraft(visitId: string, actor: Actor): Prescription {
    return this.db.transaction(() => this.view(this.newDraft(visitId, actor, null))).immediate();
  }

  addItem(prescriptionId: string, item: PrescriptionItemInput, overrides: OverrideGiven[], actor: Actor) {
    return this.db
      .transaction(() => {
        const rx = this.draftOf(prescriptionId, actor);
        const at = isoNow(this.ctx);
        const itemId = this.insertItem(rx, item, actor, at);
        const alerts = this.checkAndOverride(rx, itemId, overrides, actor, at);
        return { prescription: this.view(this.row(rx.id)!), itemId, alerts };
      })
      .immediate();
  }

  updateItem(itemId: string, version: number, item: PrescriptionItemInput, overrides: OverrideGiven[], actor: Actor) {
    return this.db
      .transaction(() => {
        const before = this.loadItem(itemId, version);
        const rx = this.draftOf(before.prescription_id, actor);
        const at = isoNow(this.ctx);
        const columns = this.checkedColumns(item);
        this.writer.update(prescriptionItemKind, itemId, version, columns, {
          actor,
          at,
          audit: { action: 'prescription.item_update', details: `item ${before.position}` },
        });
        const alerts = this.checkAndOverride(rx, itemId, overrides, actor, at);
        return { prescription: this.view(this.row(rx.id)!), itemId, alerts };
      })
      .immediate();
  }

  removeItem(itemId: string, version: number, actor: Actor): Prescription {
    return this.db
      .transaction(() => {
        const before = this.loadItem(itemId, version);
        const rx = this.draftOf(before.prescription_id, actor);
        this.writer.softDelete(prescriptionItemKind, itemId, version, {
          actor,
          at: isoNow(this.ctx),
          audit: { action: 'prescription.item_remove', details: `item ${before.position}` },
        });
        return this.view(this.row(rx.id)!);
      })
      .immediate();
  }

  overrideAlert(itemId: string, ruleId: string, reason: string, actor: Actor): Prescription {
    return this.db
      .transaction(() => {
        const item = this.writer.load(prescriptionItemKind, itemId) as ItemRow | undefined;
        if (!item) throw new AppError('NOT_FOUND', t('errors.prescriptions.itemNotFound'));
        const rx = this.draftOf(item.prescription_id, actor);
        const at = isoNow(this.ctx);
        this.checkAndOverride(rx, itemId, [{ ruleId, reason }], actor, at, 'ruleId');
        return this.view(this.row(rx.id)!);
      })
      .immediate();
  }

  // -------------------------------------------------------------------------------------------
  // Signing and cancelling
  // -------------------------------------------------------------------------------------------

  sign(id: string, version: number, overrides: (OverrideGiven & { itemId: string })[], actor: Actor): Prescription {
    return this.db
      .transaction(() => {
        const rx = this.draftOf(id, actor);
        if (rx.version !== version) throw new AppError('CONFLICT', prescriptionKind.conflictMessage());
        const items = this.itemRows(id);
        if (items.length === 0) throw this.invalid('items', t('errors.prescriptions.noItems'));
        const at = isoNow(this.ctx);
        overrides.forEach((o, i) => {
          if (!items.some((item) => item.id === o.itemId))
            throw this.invalid(`overrides.${i}.itemId`, t('errors.prescriptions.overrideNotThisPrescription'));
        });
        // Every item is checked again against the chart as it is now.
        const fields: Record<string, string> = {};
        for (const item of items) {
          const given = overrides.filter((o) => o.itemId === item.id);
          this.checkAndOverride(rx, item.id, given, actor, at);
          const missing = this.needsOverride(rx, item);
          if (missing.length > 0) {
            fields[`items.${item.position}`] = t('errors.prescriptions.overrideNeeded', {
              item: item.name,
              alert: missing.map((a) => a.message).join('; '),
            });
          }
        }
        if (Object.keys(fields).length > 0) {
          throw new AppError('VALIDATION', t('errors.prescriptions.overridesMissing'), fields);
        }
        const today = clinicToday(this.ctx);
        // The medication list: each item is started as a medicine prescribed here.
        for (const item of items) {
          const medication = this.writer.create(medicationKind, this.medicationOf(rx, item, today), {
            actor,
            at,
            audit: { action: 'medication.add', details: 'source: here; from a prescription' },
          });
          this.writer.update(
            prescriptionItemKind,
            item.id,
            item.version,
            { medication_id: medication.id },
            { actor, at, audit: null },
          );
        }
        // A medicine typed in the pad and not added cannot join a signed prescription: its draft goes.
        removeDraft(this.db, actor.userId, 'rxItem', rxItemDraftKey(id));
        const number = `RX-${today.replaceAll('-', '')}-${id.replaceAll('-', '').slice(-6).toUpperCase()}`;
        this.writer.update(
          prescriptionKind,
          id,
          version,
          { status: 'signed', signed_at: at, number },
          {
            actor,
            at,
            audit: { action: 'prescription.sign', details: `${number}; items: ${items.length}` },
          },
        );
        return this.view(this.row(id)!);
      })
      .immediate();
  }

  cancel(id: string, version: number, reason: string, actor: Actor): Prescription {
    return this.db
      .transaction(() => {
        this.cancelRow(id, version, reason, actor, isoNow(this.ctx));
        return this.view(this.row(id)!);
      })
      .immediate();
  }

  /** A change of a signed prescription: cancelled with the reason, and a new draft with its items. */
  change(id: string, version: number, reason: string, actor: Actor): Prescription {
    return this.db
      .transaction(() => {
        const at = isoNow(this.ctx);
        const before = this.row(id);
        if (!before) this.notFound();
        if (before.status !== 'signed') throw this.invalid('id', t('errors.prescriptions.changeOnlySigned'));
        this.cancelRow(id, version, reason, actor, at);
        const draft = this.newDraft(before.visit_id, actor, id);
        for (const item of this.itemRows(id)) this.copyItem(draft, itemOf(item), actor, at);
        return this.view(this.row(draft.id)!);
      })
      .immediate();
  }

  repeatLast(visitId: string, actor: Actor): Prescription {
    return this.db
      .transaction(() => {
        const visit = this.visit(visitId);
        const last = preparedOnce(
          this.db,
          `SELECT id FROM prescriptions WHERE patient_id = ? AND status = 'signed' AND deleted_at IS NULL
           ORDER BY signed_at DESC, id DESC LIMIT 1`,
        ).get(visit.patient_id) as { id: string } | undefined;
        if (!last) throw this.invalid('visitId', t('errors.prescriptions.nothingToRepeat'));
        const draft = this.newDraft(visitId, actor, null);
        const at = isoNow(this.ctx);
        for (const item of this.itemRows(last.id)) this.copyItem(draft, itemOf(item), actor, at);
        return this.view(this.row(draft.id)!);
      })
      .immediate();
  }

  /** A new draft from the active medicines prescribed here: as last written where a prescription started them. */
  renewChronic(visitId: string, actor: Actor): Prescription {
    return this.db
      .transaction(() => {
        const visit = this.visit(visitId);
        const meds = preparedOnce(
          this.db,
          `SELECT m.id, m.name, m.dose, m.route, m.frequency FROM medications m
           WHERE m.patient_id = ? AND m.status = 'active' AND m.source = 'here' AND m.deleted_at IS NULL
           ORDER BY m.name, m.id`,
        ).all(visit.patient_id) as { id: string; name: string; dose: string; route: string; frequency: string }[];
        if (meds.length === 0) throw this.invalid('visitId', t('errors.prescriptions.nothingToRenew'));
        const draft = this.newDraft(visitId, actor, null);
        const at = isoNow(this.ctx);
        for (const med of meds) {
          const from = preparedOnce(
            this.db,
            `SELECT * FROM prescription_items WHERE medication_id = ? AND deleted_at IS NULL
             ORDER BY created_at DESC LIMIT 1`,
          ).get(med.id) as ItemRow | undefined;
          const directions = [med.dose, med.route, med.frequency].filter((s) => s !== '').join(' ');
          const item: PrescriptionItemInput = from
            ? itemOf(from)
            : {
                kind: 'free',
                productId: null,
                name: med.name,
                directions: directions || t('errors.prescriptions.continueAsBefore'),
                quantity: null,
                repeats: 0,
              };
          this.copyItem(draft, item, actor, at);
        }
        return this.view(this.row(draft.id)!);
      })
      .immediate();
  }

  // -------------------------------------------------------------------------------------------
  // Favourites (one doctor's own)
  // -------------------------------------------------------------------------------------------

  favourites(actor: Actor): Favourite[] {
    const rows = preparedOnce(
      this.db,
      `SELECT id, version, label, item_json FROM rx_favourites WHERE doctor_id = ? AND deleted_at IS NULL
       ORDER BY label COLLATE NOCASE, id`,
    ).all(actor.userId) as { id: string; version: number; label: string; item_json: string }[];
    return rows.map((r) => this.favouriteOf(r));
  }

  saveFavourite(label: string, item: PrescriptionItemInput, actor: Actor): Favourite {
    return this.db
      .transaction(() => {
        this.checkedColumns(item);
        const row = this.writer.create(
          rxFavouriteKind,
          { doctor_id: actor.userId, label, item_json: JSON.stringify(item) },
          { actor, at: isoNow(this.ctx), audit: { action: 'prescription.favourite_save', patientId: null } },
        );
        return this.favouriteOf(row as never);
      })
      .immediate();
  }

  removeFavourite(id: string, version: number, actor: Actor): null {
    return this.db
      .transaction(() => {
        const row = this.writer.load(rxFavouriteKind, id);
        if (!row || row.doctor_id !== actor.userId) throw new AppError('NOT_FOUND', rxFavouriteKind.notFoundMessage());
        this.writer.softDelete(rxFavouriteKind, id, version, {
          actor,
          at: isoNow(this.ctx),
          audit: { action: 'prescription.favourite_remove', patientId: null },
        });
        return null;
      })
      .immediate();
  }

  // -------------------------------------------------------------------------------------------
  // Admin report: alerts shown and overridden per rule (counts only)
  // -------------------------------------------------------------------------------------------

  alertReport(from: string | undefined, to: string | undefined, actor: Actor): AlertReportRow[] {
    const zone = clinicTimeZone(this.ctx);
    const start = from ? clinicDayBounds(from, zone).startUtc : '';
    const end = to ? clinicDayBounds(to, zone).endUtc : '9999';
    return this.db
      .transaction(() => {
        const shown = this.db
          .prepare(
            `SELECT rule_id, kind, severity, count(*) AS n FROM rx_alerts_shown
             WHERE shown_at >= ? AND shown_at < ? GROUP BY rule_id, kind, severity`,
          )
          .all(start, end) as { rule_id: string; kind: string; severity: string; n: number }[];
        const overridden = this.db
          .prepare(
            `SELECT rule_id, kind, severity, count(DISTINCT item_id) AS n FROM rx_alert_overrides
             WHERE deleted_at IS NULL AND created_at >= ? AND created_at < ? GROUP BY rule_id, kind, severity`,
          )
          .all(start, end) as { rule_id: string; kind: string; severity: string; n: number }[];
        const rows = new Map<string, AlertReportRow>();
        for (const r of shown)
          rows.set(r.rule_id, { ruleId: r.rule_id, kind: r.kind, severity: r.severity, shown: r.n, overridden: 0 });
        for (const r of overridden) {
          const row = rows.get(r.rule_id) ?? {
            ruleId: r.rule_id,
            kind: r.kind,
            severity: r.severity,
            shown: 0,
            overridden: 0,
          };
          row.overridden += r.n;
          rows.set(r.rule_id, row);
        }
        appendAudit(this.db, {
          at: isoNow(this.ctx),
          userId: actor.userId,
          username: actor.username,
          action: 'rx_report.view',
          patientId: null,
          outcome: 'success',
          details: `from ${from ?? 'start'} to ${to ?? 'now'}`,
        });
        return [...rows.values()].sort((a, b) => b.shown - a.shown || a.ruleId.localeCompare(b.ruleId));
      })
      .immediate();
  }

  // -------------------------------------------------------------------------------------------
  // The print model (for the printed prescription, rx-print)
  // -------------------------------------------------------------------------------------------

  /** Everything the printed prescription shows; not audited here (the print is, by its caller). */
  printModel(id: string): PrescriptionPrintModel {
    // One snapshot for its reads (a read transaction: nothing written).
    return this.db.transaction(() => this.readPrintModel(id))();
  }

  private readPrintModel(id: string): PrescriptionPrintModel {
    const rx = this.row(id);
    if (!rx) this.notFound();
    const patient = preparedOnce(
      this.db,
      'SELECT id, mrn, given_names, family_name, sex, birth_date FROM patients WHERE id = ?',
    ).get(rx.patient_id) as {
      id: string;
      mrn: string;
      given_names: string;
      family_name: string;
      sex: string;
      birth_date: string;
    };
    const view = this.view(rx);
    const age = ageOn(patient.birth_date, clinicToday(this.ctx));
    const isChild = age !== null && age.years < CHILD_AGE_YEARS;
    const weight = isChild ? this.latestWeight(rx.patient_id) : undefined;
    const allergies = preparedOnce(
      this.db,
      `SELECT substance FROM allergies WHERE patient_id = ? AND kind = 'allergy' AND status = 'active'
       AND deleted_at IS NULL ORDER BY substance`,
    ).all(rx.patient_id) as { substance: string }[];
    return {
      id: rx.id,
      number: rx.number,
      status: rx.status,
      createdAt: rx.created_at,
      signedAt: rx.signed_at,
      cancelReason: rx.cancel_reason,
      doctor: { id: rx.doctor_id, name: rx.doctor_name },
      patient: {
        id: patient.id,
        mrn: patient.mrn,
        givenNames: patient.given_names,
        familyName: patient.family_name,
        sex: patient.sex,
        birthDate: patient.birth_date,
        age,
        isChild,
        weightKg: weight?.weight ?? null,
      },
      allergies: allergies.map((a) => a.substance),
      allergiesRecorded: this.allergiesRecorded(rx.patient_id),
      items: view.items.map((i) => ({
        position: i.position,
        item: i.item,
        sentence: i.sentence,
        overrides: i.overrides.map((o) => ({ message: o.message, reason: o.reason })),
      })),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Inside a transaction
  // -------------------------------------------------------------------------------------------

  private newDraft(visitId: string, actor: Actor, replacesId: string | null): PrescriptionRow {
    const visit = this.visit(visitId);
    const row = this.writer.create(
      prescriptionKind,
      {
        patient_id: visit.patient_id,
        visit_id: visitId,
        doctor_id: actor.userId,
        status: 'draft',
        replaces_id: replacesId,
      },
      {
        actor,
        at: isoNow(this.ctx),
        audit: { action: 'prescription.create', details: replacesId ? `replaces ${replacesId}` : '' },
      },
    );
    return this.row(row.id)!;
  }

  private visit(visitId: string): StoredRow & { patient_id: string } {
    const visit = this.writer.load(visitKind, visitId);
    if (!visit) throw new AppError('NOT_FOUND', t('errors.prescriptions.visitNotFound'));
    // Nothing is written for a patient who is not there (deleted or merged).
    chartPatient(this.db, visit.patient_id as string);
    return visit as StoredRow & { patient_id: string };
  }

  /** Validates an item against the catalogue (the product exists, its form fits the units) and gives its columns. */
  private checkedColumns(item: PrescriptionItemInput): ColumnValues {
    // Catalogue ("cat:") and formulary ("form:") products alike: the product must exist and fit.
    if (item.productId && this.engine.hasCatalogue) {
      const product = this.engine.product(item.productId);
      if (!product) throw this.invalid('item.productId', t('errors.prescriptions.productUnknown'));
      if (item.kind === 'structured' && item.form !== null && item.form !== product.form) {
        throw this.invalid('item.form', t('errors.prescriptions.formNotProduct', { form: product.form }));
      }
    }
    return itemColumns(item);
  }

  private insertItem(rx: PrescriptionRow, item: PrescriptionItemInput, actor: Actor, at: string): string {
    const columns = this.checkedColumns(item);
    const { n } = preparedOnce(
      this.db,
      'SELECT coalesce(max(position), 0) AS n FROM prescription_items WHERE prescription_id = ?',
    ).get(rx.id) as { n: number };
    const row = this.writer.create(
      prescriptionItemKind,
      { prescription_id: rx.id, patient_id: rx.patient_id, position: n + 1, ...columns },
      { actor, at, audit: { action: 'prescription.item_add', details: `item ${n + 1}` } },
    );
    return row.id;
  }

  /** An item copied into a new draft (repeat, renew, change): its alerts are shown as if typed. */
  private copyItem(rx: PrescriptionRow, item: PrescriptionItemInput, actor: Actor, at: string): void {
    let copy = item;
    // A product no longer in the catalogue is kept by name as written.
    if (item.productId && this.engine.hasCatalogue && !this.engine.product(item.productId))
      copy = { ...item, productId: null };
    const itemId = this.insertItem(rx, copy, actor, at);
    this.checkAndOverride(rx, itemId, [], actor, at);
  }

  /** Checks one item now, records the alerts shown, keeps the overrides given; the item's alerts. */
  private checkAndOverride(
    rx: PrescriptionRow,
    itemId: string,
    overrides: OverrideGiven[],
    actor: Actor,
    at: string,
    field = 'overrides',
  ): SafetyAlert[] {
    const items = this.itemRows(rx.id);
    const item = items.find((i) => i.id === itemId)!;
    const alerts = this.checkItem(rx, item, items);
    const record = preparedOnce(
      this.db,
      `INSERT OR IGNORE INTO rx_alerts_shown (id, item_id, rule_id, kind, severity, shown_at, shown_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const a of alerts) record.run(newId(), itemId, a.ruleId, a.kind, a.severity, at, actor.userId);
    overrides.forEach((o, i) => {
      const alert = alerts.find((a) => a.ruleId === o.ruleId);
      const path = field === 'ruleId' ? 'ruleId' : `${field}.${i}.ruleId`;
      if (!alert) throw this.invalid(path, t('errors.prescriptions.noSuchAlert'));
      const existing = preparedOnce(
        this.db,
        'SELECT id, version FROM rx_alert_overrides WHERE item_id = ? AND rule_id = ? AND deleted_at IS NULL',
      ).get(itemId, o.ruleId) as { id: string; version: number } | undefined;
      const audit = { action: 'prescription.override' as const, details: `rule: ${o.ruleId} (${alert.severity})` };
      if (existing) {
        this.writer.update(
          rxAlertOverrideKind,
          existing.id,
          existing.version,
          { reason: o.reason, message: alert.message },
          {
            actor,
            at,
            audit,
          },
        );
      } else {
        this.writer.create(
          rxAlertOverrideKind,
          {
            item_id: itemId,
            prescription_id: rx.id,
            patient_id: rx.patient_id,
            rule_id: alert.ruleId,
            kind: alert.kind,
            severity: alert.severity,
            message: alert.message,
            reason: o.reason,
          },
          { actor, at, audit },
        );
      }
    });
    return alerts;
  }

  private safetyContext(rx: PrescriptionRow): Omit<SafetyContext, 'otherItems'> {
    const patient = chartPatient(this.db, rx.patient_id);
    const age = ageOn(patient.birthDate, clinicToday(this.ctx));
    const meds = preparedOnce(
      this.db,
      `SELECT m.name, (SELECT i.product_id FROM prescription_items i WHERE i.medication_id = m.id LIMIT 1) AS product_id
       FROM medications m WHERE m.patient_id = ? AND m.status = 'active' AND m.deleted_at IS NULL`,
    ).all(rx.patient_id) as { name: string; product_id: string | null }[];
    const allergies = preparedOnce(
      this.db,
      `SELECT substance FROM allergies WHERE patient_id = ? AND kind = 'allergy' AND status = 'active' AND deleted_at IS NULL`,
    ).all(rx.patient_id) as { substance: string }[];
    return {
      currentMedications: meds.map((m) => {
        const product = m.product_id ? this.engine.product(m.product_id) : null;
        return product ? { name: m.name, ingredientIds: product.ingredients.map((i) => i.id) } : { name: m.name };
      }),
      allergies,
      allergiesRecorded: this.allergiesRecorded(rx.patient_id),
      weightKg: this.latestWeight(rx.patient_id)?.weight ?? null,
      ageYears: age ? age.years : null,
    };
  }

  private checkItem(
    rx: PrescriptionRow,
    item: ItemRow,
    items: ItemRow[],
    base = this.safetyContext(rx),
  ): SafetyAlert[] {
    const safety = (r: ItemRow) =>
      safetyItemOf(itemOf(r), r.product_id ? this.engine.product(r.product_id) : null, (text) =>
        this.engine.ingredientsOfText(text),
      );
    return this.engine.check(safety(item), { ...base, otherItems: items.filter((i) => i.id !== item.id).map(safety) });
  }

  /** The interrupting alerts of an item that have no override reason yet. */
  private needsOverride(rx: PrescriptionRow, item: ItemRow): SafetyAlert[] {
    const alerts = this.checkItem(rx, item, this.itemRows(rx.id));
    const overridden = new Set(
      this.overrideRows(rx.id)
        .filter((o) => o.item_id === item.id)
        .map((o) => o.rule_id),
    );
    return alerts.filter((a) => a.severity === 'interrupt' && !overridden.has(a.ruleId));
  }

  private cancelRow(id: string, version: number, reason: string, actor: Actor, at: string): void {
    const rx = this.row(id);
    if (!rx) this.notFound();
    if (rx.version !== version) throw new AppError('CONFLICT', prescriptionKind.conflictMessage());
    if (rx.status === 'cancelled') throw this.invalid('id', t('errors.prescriptions.alreadyCancelled'));
    if (rx.status === 'draft' && rx.doctor_id !== actor.userId)
      throw new AppError('FORBIDDEN', t('errors.prescriptions.notYourDraft'));
    chartPatient(this.db, rx.patient_id);
    this.writer.update(
      prescriptionKind,
      id,
      version,
      { status: 'cancelled', cancelled_at: at, cancelled_by: actor.userId, cancel_reason: reason },
      { actor, at, audit: { action: 'prescription.cancel', details: `was ${rx.status}` } },
    );
    if (rx.status !== 'signed') return;
    // The medicines it started are stopped, with the reason, if still taken.
    const today = clinicToday(this.ctx);
    for (const item of this.itemRows(id)) {
      if (!item.medication_id) continue;
      const med = this.writer.load(medicationKind, item.medication_id);
      if (!med || med.status !== 'active') continue;
      this.writer.update(
        medicationKind,
        med.id,
        med.version,
        { status: 'stopped', stop_date: today, stop_reason: reason },
        { actor, at, audit: { action: 'medication.stop', details: 'prescription cancelled' } },
      );
    }
  }

  private medicationOf(rx: PrescriptionRow, item: ItemRow, today: string): ColumnValues {
    const written = itemOf(item);
    const sentence = doseSentence(written);
    const first = written.kind === 'structured' ? written.lines[0] : undefined;
    return {
      patient_id: rx.patient_id,
      visit_id: rx.visit_id,
      name: item.name,
      dose: first ? `${formatAmount(first.amount)} ${unitWords(first.unit, first.amount)}` : '',
      route: item.route ?? '',
      frequency:
        first && written.kind === 'structured' && written.lines.length === 1 ? frequencyWords(first.frequency) : '',
      source: 'here',
      status: 'active',
      start_date: today,
      note: sentence,
    };
  }

  private draftOf(id: string, actor: Actor): PrescriptionRow {
    const rx = this.row(id);
    if (!rx) this.notFound();
    if (rx.status !== 'draft') throw this.invalid('id', t('errors.prescriptions.notDraft'));
    if (rx.doctor_id !== actor.userId) throw new AppError('FORBIDDEN', t('errors.prescriptions.notYourDraft'));
    chartPatient(this.db, rx.patient_id);
    return rx;
  }

  private loadItem(id: string, version: number): ItemRow {
    const item = this.writer.load(prescriptionItemKind, id) as ItemRow | undefined;
    if (!item) throw new AppError('NOT_FOUND', t('errors.prescriptions.itemNotFound'));
    if (item.version !== version) throw new AppError('CONFLICT', prescriptionItemKind.conflictMessage());
    return item;
  }

  private row(id: string): PrescriptionRow | undefined {
    return preparedOnce(this.db, `${SELECT_RX} AND p.id = ?`).get(id) as PrescriptionRow | undefined;
  }

  private itemRows(prescriptionId: string): ItemRow[] {
    return preparedOnce(
      this.db,
      'SELECT * FROM prescription_items WHERE prescription_id = ? AND deleted_at IS NULL ORDER BY position',
    ).all(prescriptionId) as ItemRow[];
  }

  private overrideRows(prescriptionId: string): OverrideRow[] {
    return preparedOnce(
      this.db,
      `SELECT o.*, u.display_name AS by_name FROM rx_alert_overrides o JOIN users u ON u.id = o.created_by
       WHERE o.prescription_id = ? AND o.deleted_at IS NULL ORDER BY o.created_at, o.id`,
    ).all(prescriptionId) as OverrideRow[];
  }

  private latestWeight(patientId: string): { weight: number; taken_at: string } | undefined {
    return preparedOnce(
      this.db,
      `SELECT weight, taken_at FROM vitals WHERE patient_id = ? AND weight IS NOT NULL AND deleted_at IS NULL
       ORDER BY taken_at DESC LIMIT 1`,
    ).get(patientId) as { weight: number; taken_at: string } | undefined;
  }

  private allergiesRecorded(patientId: string): boolean {
    return (
      preparedOnce(this.db, 'SELECT 1 FROM allergies WHERE patient_id = ? AND deleted_at IS NULL LIMIT 1').get(
        patientId,
      ) !== undefined
    );
  }

  private view(rx: PrescriptionRow): Prescription {
    const items = this.itemRows(rx.id);
    const overrides = this.overrideRows(rx.id);
    const base = rx.status === 'draft' ? this.safetyContext(rx) : null;
    return {
      id: rx.id,
      version: rx.version,
      patientId: rx.patient_id,
      visitId: rx.visit_id,
      doctorId: rx.doctor_id,
      doctorName: rx.doctor_name,
      status: rx.status,
      number: rx.number,
      createdAt: rx.created_at,
      signedAt: rx.signed_at,
      cancelledAt: rx.cancelled_at,
      cancelReason: rx.cancel_reason,
      replacesId: rx.replaces_id,
      items: items.map((item): PrescriptionItem => {
        const written = itemOf(item);
        const own: AlertOverride[] = overrides
          .filter((o) => o.item_id === item.id)
          .map((o) => ({
            id: o.id,
            ruleId: o.rule_id,
            kind: o.kind,
            severity: o.severity,
            message: o.message,
            reason: o.reason,
            byName: o.by_name,
            at: o.created_at,
          }));
        const alerts = base ? this.checkItem(rx, item, items, base) : [];
        const overridden = new Set(own.map((o) => o.ruleId));
        return {
          id: item.id,
          version: item.version,
          position: item.position,
          item: written,
          sentence: doseSentence(written),
          alerts,
          overrides: own,
          needsOverride: alerts
            .filter((a) => a.severity === 'interrupt' && !overridden.has(a.ruleId))
            .map((a) => a.ruleId),
        };
      }),
    };
  }

  private favouriteOf(r: { id: string; version: number; label: string; item_json: string }): Favourite {
    const item = JSON.parse(r.item_json) as PrescriptionItemInput;
    return { id: r.id, version: r.version, label: r.label, item, sentence: doseSentence(item) };
  }

  private notFound(): never {
    throw new AppError('NOT_FOUND', t('errors.prescriptions.notFound'));
  }

  private invalid(field: string, message: string): AppError {
    return new AppError('VALIDATION', message, { [field]: message });
  }
}

/** What the printed prescription shows (rx-print builds the PDF from this). */
export interface PrescriptionPrintModel {
  id: string;
  number: string | null;
  status: PrescriptionStatus;
  createdAt: string;
  signedAt: string | null;
  cancelReason: string;
  doctor: { id: string; name: string };
  patient: {
    id: string;
    mrn: string;
    givenNames: string;
    familyName: string;
    sex: string;
    birthDate: string;
    age: { years: number; months: number; days: number } | null;
    isChild: boolean;
    weightKg: number | null;
  };
  allergies: string[];
  allergiesRecorded: boolean;
  items: {
    position: number;
    item: PrescriptionItemInput;
    /** English; rx-print builds the sentence per language from `item`. */
    sentence: string;
    overrides: { message: string; reason: string }[];
  }[];
}
