import type Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  DOSE_FORMS,
  ROUTES,
  type DoseForm,
  type DrugIngredient,
  type DrugProduct,
  type Route,
} from '../../../../shared/domain/drug';
import {
  FORMULARY_CSV_COLUMNS,
  FORMULARY_CSV_MAX_ROWS,
  canonicalStrengthUnit,
  formularyProductInputSchema,
  type FormularyEntry,
  type FormularyImportResult,
  type FormularyIngredient,
  type FormularyProductParsed,
} from '../../../../shared/domain/formulary';
import { AppError } from '../../../../shared/errors';
import { appendAudit } from '../../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { RecordWriter } from '../../records/record-writer';
import { STRENGTH_PATTERN } from '../catalogue/catalogue-files';
import { genericProductName, type Catalogue } from '../catalogue/catalogue';
import { drugCatalogue, foldDrugText, setFormularyNames } from '../safety';
import { DrugSearchIndex } from './drug-search';
import { drugFavouriteKind, formularyProductKind } from './formulary-kinds';

interface FormularyRow {
  id: string;
  version: number;
  brand: string;
  form: string;
  route: string;
  ingredients_json: string;
  catalogue_product_id: string | null;
  note: string;
  updated_at: string;
}

interface Loaded {
  stamp: string;
  index: DrugSearchIndex;
  entries: Map<string, FormularyEntry>;
  /** Identity of each live product (brand, form, route, ingredients and strengths) -> its id. */
  identities: Map<string, string>;
}

/** One search index per database (the core has one; tests open several). */
const loadedByDb = new WeakMap<Database.Database, Loaded>();

const formatNumber = (n: number): string => String(Math.round(n * 1e6) / 1e6);
const strengthText = (i: { strength: number; unit: string }): string => `${formatNumber(i.strength)} ${i.unit}`;

/** What makes two formulary products the same product. */
function identityOf(brand: string, form: string, route: string, ingredients: readonly FormularyIngredient[]): string {
  const parts = ingredients.map((i) => `${i.ingredientId}:${formatNumber(i.strength)}:${i.unit}`).join('+');
  return `${foldDrugText(brand)}|${form}|${route}|${parts}`;
}

/** The catalogue's product with the same ingredients, strengths, form and route, if there is one. */
function catalogueMatch(
  catalogue: Catalogue,
  form: string,
  route: string,
  ingredients: readonly FormularyIngredient[],
): string | null {
  const key = ingredients.map((i) => i.ingredientId).join('+');
  for (const p of catalogue.products) {
    if (p.form !== form || p.route !== route || p.ingredients.map((i) => i.id).join('+') !== key) continue;
    const same = p.ingredients.every(
      (pi, n) => pi.strength === ingredients[n]!.strength && pi.strengthUnit === ingredients[n]!.unit,
    );
    if (same) return p.id;
  }
  return null;
}

function toProduct(catalogue: Catalogue, row: FormularyRow): DrugProduct {
  const stored = JSON.parse(row.ingredients_json) as FormularyIngredient[];
  const ingredients: DrugIngredient[] = stored.map((i) => {
    const known = catalogue.ingredients.get(i.ingredientId);
    return {
      id: i.ingredientId,
      name: known?.name ?? i.ingredientId,
      rxnormCui: known?.rxnormCui ?? null,
      strength: i.strength,
      strengthUnit: i.unit,
    };
  });
  const form = row.form as DoseForm;
  const route = row.route as Route;
  return {
    id: `form:${row.id}`,
    source: 'formulary',
    name: genericProductName(
      ingredients.map((i) => i.name),
      stored.map(strengthText),
      form,
      route,
    ),
    brand: row.brand,
    form,
    route,
    ingredients,
    classes: [...new Set(stored.flatMap((i) => catalogue.ingredients.get(i.ingredientId)?.classes ?? []))],
    favourite: false,
  };
}

/**
 * The clinic's formulary (issue 10, part 1): brands and local products mapped to catalogue
 * ingredients, each doctor's favourites, CSV import, and the search over catalogue and formulary.
 * Writes go through the RecordWriter with their audit entry in one IMMEDIATE transaction. The
 * search index lives in memory and is rebuilt when the table changed (by this service, or a merge
 * from another laptop: a cheap stamp query per search notices).
 */
export class FormularyService {
  private readonly db: Database.Database;
  private readonly writer: RecordWriter;
  private readonly catalogue: Catalogue;

  constructor(private readonly ctx: ServiceContext) {
    this.db = ctx.db.sqlite;
    this.writer = new RecordWriter(ctx);
    this.catalogue = drugCatalogue();
  }

  // ---- Reading ---------------------------------------------------------------------------------

  private loaded(): Loaded {
    const stamp = preparedOnce(
      this.db,
      // Two index lookups (count(*) would read every page): a search pays microseconds to notice a
      // row added (a new rowid) or changed (a newer updated_at) by a merge from another laptop. This
      // service's own writes drop the index at once (changed()).
      'SELECT (SELECT max(rowid) FROM formulary_products) AS n, (SELECT max(updated_at) FROM formulary_products) AS u',
    ).get() as { n: number; u: string | null };
    const key = `${stamp.n}:${stamp.u ?? ''}`;
    const current = loadedByDb.get(this.db);
    if (current && current.stamp === key) return current;
    const rows = preparedOnce(
      this.db,
      'SELECT id, version, brand, form, route, ingredients_json, catalogue_product_id, note, updated_at FROM formulary_products WHERE deleted_at IS NULL',
    ).all() as FormularyRow[];
    const entries = new Map<string, FormularyEntry>();
    const identities = new Map<string, string>();
    for (const row of rows) {
      const product = toProduct(this.catalogue, row);
      entries.set(row.id, { id: row.id, version: row.version, product, note: row.note, updatedAt: row.updated_at });
      const stored = JSON.parse(row.ingredients_json) as FormularyIngredient[];
      identities.set(identityOf(row.brand, row.form, row.route, stored), row.id);
    }
    const products = [...entries.values()].map((e) => e.product);
    const next: Loaded = { stamp: key, index: new DrugSearchIndex(this.catalogue, products), entries, identities };
    loadedByDb.set(this.db, next);
    // Brands written on the medication list resolve to their ingredients in the safety checks.
    setFormularyNames(
      products.filter((p) => p.brand).map((p) => ({ name: p.brand!, ingredientIds: p.ingredients.map((i) => i.id) })),
    );
    return next;
  }

  private favouritesOf(actor: Actor): Set<string> {
    const rows = preparedOnce(
      this.db,
      'SELECT product_id FROM drug_favourites WHERE owner_id = ? AND deleted_at IS NULL',
    ).all(actor.userId) as { product_id: string }[];
    return new Set(rows.map((r) => r.product_id));
  }

  search(text: string, limit: number, actor: Actor): DrugProduct[] {
    return this.loaded().index.search(text, this.favouritesOf(actor), limit);
  }

  /** A product of the catalogue or the formulary by id ("cat:..." or "form:<uuid>"), or undefined. */
  product(id: string): DrugProduct | undefined {
    return this.loaded().index.product(id);
  }

  /** The formulary, brand order; each product says whether it is one of `actor`'s favourites. */
  list(text: string, actor: Actor): FormularyEntry[] {
    const { entries } = this.loaded();
    const favourites = this.favouritesOf(actor);
    const words = text.trim() === '' ? [] : foldDrugText(text).split(' ');
    return [...entries.values()]
      .map((e) => (favourites.has(e.product.id) ? { ...e, product: { ...e.product, favourite: true } } : e))
      .filter((e) => {
        if (words.length === 0) return true;
        const hay = ` ${foldDrugText(`${e.product.brand ?? ''} ${e.product.name}`)}`;
        return words.every((w) => hay.includes(` ${w}`));
      })
      .sort((a, b) => (a.product.brand ?? '').localeCompare(b.product.brand ?? '') || a.id.localeCompare(b.id));
  }

  // ---- Writing ---------------------------------------------------------------------------------

  private invalid(field: string, message: string): AppError {
    return new AppError('VALIDATION', message, { [field]: message });
  }

  /** Ingredients known to the catalogue and each listed once; else a field error. */
  private checkIngredients(ingredients: readonly FormularyIngredient[]): void {
    const seen = new Set<string>();
    ingredients.forEach((ing, n) => {
      const known = this.catalogue.ingredients.get(ing.ingredientId);
      if (!known) {
        throw this.invalid(
          `ingredients.${n}.ingredientId`,
          t('errors.rx.formulary.unknownIngredient', { ingredient: ing.ingredientId }),
        );
      }
      if (seen.has(ing.ingredientId)) {
        throw this.invalid(
          `ingredients.${n}.ingredientId`,
          t('errors.rx.formulary.sameIngredientTwice', { ingredient: known.name }),
        );
      }
      seen.add(ing.ingredientId);
    });
  }

  private columnsOf(input: FormularyProductParsed): Record<string, string | null> {
    const ingredients = input.ingredients.map((i) => ({
      ingredientId: i.ingredientId,
      strength: i.strength,
      unit: i.unit,
    }));
    return {
      brand: input.brand,
      form: input.form,
      route: input.route,
      ingredients_json: JSON.stringify(ingredients),
      catalogue_product_id: catalogueMatch(this.catalogue, input.form, input.route, ingredients),
      note: input.note,
    };
  }

  private checkNotListed(input: FormularyProductParsed, exceptId: string | null): void {
    const identity = identityOf(input.brand, input.form, input.route, input.ingredients);
    const existing = this.loaded().identities.get(identity);
    if (existing && existing !== exceptId) {
      const strength = input.ingredients.map(strengthText).join(' + ');
      throw this.invalid(
        'brand',
        t('errors.rx.formulary.alreadyListed', { brand: input.brand, form: input.form, strength }),
      );
    }
  }

  /** After this service's own writes: the next read rebuilds (two edits in one millisecond stay apart). */
  private changed(): void {
    loadedByDb.delete(this.db);
  }

  private entry(id: string): FormularyEntry {
    const found = this.loaded().entries.get(id);
    if (!found) throw new AppError('NOT_FOUND', t('errors.rx.formulary.notFound'));
    return found;
  }

  add(input: FormularyProductParsed, actor: Actor): FormularyEntry {
    this.checkIngredients(input.ingredients);
    const id = this.db
      .transaction(() => {
        this.checkNotListed(input, null);
        const row = this.writer.create(formularyProductKind, this.columnsOf(input), {
          actor,
          at: isoNow(this.ctx),
          audit: { action: 'formulary.add', patientId: null, details: input.brand },
        });
        return row.id;
      })
      .immediate();
    this.changed();
    return this.entry(id);
  }

  update(id: string, version: number, input: FormularyProductParsed, actor: Actor): FormularyEntry {
    this.checkIngredients(input.ingredients);
    this.db
      .transaction(() => {
        this.checkNotListed(input, id);
        this.writer.update(formularyProductKind, id, version, this.columnsOf(input), {
          actor,
          at: isoNow(this.ctx),
          audit: { action: 'formulary.update', patientId: null, details: input.brand },
        });
      })
      .immediate();
    this.changed();
    return this.entry(id);
  }

  remove(id: string, version: number, actor: Actor): null {
    this.db
      .transaction(() => {
        const before = this.writer.load(formularyProductKind, id);
        if (!before || before.deleted_at) throw new AppError('NOT_FOUND', t('errors.rx.formulary.notFound'));
        this.writer.softDelete(formularyProductKind, id, version, {
          actor,
          at: isoNow(this.ctx),
          audit: { action: 'formulary.remove', patientId: null, details: String(before.brand) },
        });
      })
      .immediate();
    this.changed();
    return null;
  }

  setFavourite(productId: string, favourite: boolean, actor: Actor): { productId: string; favourite: boolean } {
    if (!this.product(productId)) throw new AppError('NOT_FOUND', t('errors.rx.formulary.favouriteUnknown'));
    this.db
      .transaction(() => {
        const rows = preparedOnce(
          this.db,
          'SELECT id, version FROM drug_favourites WHERE owner_id = ? AND product_id = ? AND deleted_at IS NULL',
        ).all(actor.userId, productId) as { id: string; version: number }[];
        const at = isoNow(this.ctx);
        const audit = {
          action: 'drug.favourite' as const,
          patientId: null,
          details: `${productId}: ${favourite ? 'on' : 'off'}`,
        };
        if (favourite && rows.length === 0) {
          this.writer.create(
            drugFavouriteKind,
            { owner_id: actor.userId, product_id: productId },
            { actor, at, audit },
          );
        } else if (!favourite) {
          // Two laptops may each have marked it before they synced: all of them go.
          rows.forEach((r, n) =>
            this.writer.softDelete(drugFavouriteKind, r.id, r.version, { actor, at, audit: n === 0 ? audit : null }),
          );
        }
      })
      .immediate();
    return { productId, favourite };
  }

  // ---- CSV import ------------------------------------------------------------------------------

  /**
   * Reads a CSV with a header row (brand, form, route, ingredients, strengths, note). A file that is
   * not CSV, lacks a column or names an unknown one is refused whole. Otherwise each row is checked
   * on its own and written whole or not at all; refused rows come back with their line and reason.
   */
  importCsv(csv: string, actor: Actor): FormularyImportResult {
    const records = this.readCsv(csv);
    const header = records[0]!.record.map((h) => foldDrugText(h));
    const unknown = header.find((h) => !(FORMULARY_CSV_COLUMNS as readonly string[]).includes(h));
    if (unknown !== undefined) {
      throw new AppError('VALIDATION', t('errors.rx.formulary.csvUnknownColumn', { column: unknown }), {
        csv: t('errors.rx.formulary.csvUnknownColumn', { column: unknown }),
      });
    }
    const missing = FORMULARY_CSV_COLUMNS.filter((c) => c !== 'note' && !header.includes(c));
    if (missing.length > 0) {
      const message = t('errors.rx.formulary.csvColumnsMissing', { columns: missing.join(', ') });
      throw new AppError('VALIDATION', message, { csv: message });
    }
    const dataRows = records.slice(1);
    if (dataRows.length === 0) {
      throw new AppError('VALIDATION', t('errors.rx.formulary.csvNoRows'), { csv: t('errors.rx.formulary.csvNoRows') });
    }
    if (dataRows.length > FORMULARY_CSV_MAX_ROWS) {
      const message = t('errors.rx.formulary.csvTooManyRows', { max: FORMULARY_CSV_MAX_ROWS });
      throw new AppError('VALIDATION', message, { csv: message });
    }
    const column = (row: string[], name: string): string => {
      const i = header.indexOf(name);
      return i < 0 ? '' : (row[i] ?? '').trim();
    };

    const refused: FormularyImportResult['refused'] = [];
    let imported = 0;
    const at = isoNow(this.ctx);
    this.db
      .transaction(() => {
        const identities = new Map(this.loaded().identities);
        const linesInFile = new Map<string, number>();
        for (const { record, line } of dataRows) {
          const brand = column(record, 'brand');
          const parsed = this.parseCsvRow(record, column);
          if (typeof parsed === 'string') {
            refused.push({ line, brand, reason: parsed });
            continue;
          }
          const identity = identityOf(parsed.brand, parsed.form, parsed.route, parsed.ingredients);
          const earlier = linesInFile.get(identity);
          if (earlier !== undefined) {
            refused.push({ line, brand, reason: t('errors.rx.formulary.row.duplicateInFile', { line: earlier }) });
            continue;
          }
          if (identities.has(identity)) {
            refused.push({ line, brand, reason: t('errors.rx.formulary.row.duplicate') });
            continue;
          }
          // Each row in its own savepoint: a row that fails while writing leaves nothing behind.
          this.db.transaction(() => {
            this.writer.create(formularyProductKind, this.columnsOf(parsed), { actor, at, audit: null });
          })();
          linesInFile.set(identity, line);
          identities.set(identity, 'new');
          imported += 1;
        }
        appendAudit(this.db, {
          action: 'formulary.import',
          userId: actor.userId,
          username: actor.username,
          at,
          details: `${imported} imported, ${refused.length} refused of ${dataRows.length} rows`,
        });
      })
      .immediate();
    this.changed();
    return { rows: dataRows.length, imported, refused };
  }

  private readCsv(csv: string): { record: string[]; line: number }[] {
    try {
      const out = parseCsv(csv, {
        bom: true,
        skip_empty_lines: true,
        info: true,
        relax_column_count: false,
      }) as unknown as { record: string[]; info: { lines: number } }[];
      return out.map((r) => ({ record: r.record, line: r.info.lines }));
    } catch (error) {
      const e = error as { code?: string; lines?: number };
      const reason =
        e.code === 'CSV_QUOTE_NOT_CLOSED'
          ? t('errors.rx.formulary.csvReason.quoteNotClosed')
          : e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || e.code === 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH'
            ? t('errors.rx.formulary.csvReason.columnCount')
            : e.code === 'CSV_INVALID_CLOSING_QUOTE' || e.code === 'INVALID_OPENING_QUOTE'
              ? t('errors.rx.formulary.csvReason.badQuote')
              : t('errors.rx.formulary.csvReason.unreadable');
      const message = t('errors.rx.formulary.csvMalformed', { line: e.lines ?? 1, reason });
      throw new AppError('VALIDATION', message, { csv: message });
    }
  }

  /** One data row as a product to add, or the reason it is refused. */
  private parseCsvRow(
    record: string[],
    column: (row: string[], name: string) => string,
  ): FormularyProductParsed | string {
    const brand = column(record, 'brand');
    if (brand === '') return t('errors.rx.formulary.row.brandMissing');
    const formText = column(record, 'form').toLowerCase();
    const form = DOSE_FORMS.find((f) => f === formText);
    if (!form) return t('errors.rx.formulary.row.formUnknown', { form: column(record, 'form') });
    const routeText = column(record, 'route').toLowerCase();
    const route = ROUTES.find((r) => r === routeText);
    if (!route) return t('errors.rx.formulary.row.routeUnknown', { route: column(record, 'route') });
    const names = column(record, 'ingredients')
      .split('+')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (names.length === 0) return t('errors.rx.formulary.row.ingredientsMissing');
    const strengths = column(record, 'strengths')
      .split('+')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (strengths.length !== names.length) {
      return t('errors.rx.formulary.row.strengthCount', { ingredients: names.length, strengths: strengths.length });
    }
    const ingredients: FormularyIngredient[] = [];
    for (let n = 0; n < names.length; n += 1) {
      const id = this.ingredientIdFor(names[n]!);
      if (!id) return t('errors.rx.formulary.row.ingredientUnknown', { ingredient: names[n] });
      const m = STRENGTH_PATTERN.exec(strengths[n]!);
      const amount = m ? Number(m[1]) : NaN;
      if (!m || !(amount > 0)) return t('errors.rx.formulary.row.strengthInvalid', { strength: strengths[n] });
      const unit = canonicalStrengthUnit(m[2]!);
      if (!unit) return t('errors.rx.formulary.row.unitUnknown', { unit: m[2]!.trim() });
      ingredients.push({ ingredientId: id, strength: amount, unit });
    }
    const result = formularyProductInputSchema.safeParse({
      brand,
      form,
      route,
      ingredients,
      note: column(record, 'note'),
    });
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = String(issue.path[0] ?? '');
      if (field === 'brand') return t('errors.rx.formulary.row.brandInvalid', { message: issue.message });
      if (field === 'note') return t('errors.rx.formulary.row.noteInvalid', { message: issue.message });
      return issue.message;
    }
    const ids = new Set(result.data.ingredients.map((i) => i.ingredientId));
    if (ids.size !== result.data.ingredients.length) {
      return t('errors.rx.formulary.sameIngredientTwice', { ingredient: names.join(' + ') });
    }
    return result.data;
  }

  private nameToIngredient: Map<string, string> | null = null;

  /** A catalogue ingredient by its id, name or another name, written any case ("Amoxycillin"). */
  private ingredientIdFor(text: string): string | null {
    if (!this.nameToIngredient) {
      const map = new Map<string, string>();
      for (const ing of this.catalogue.ingredients.values()) {
        const bracket = ing.name.indexOf(' (');
        for (const name of [ing.id, ing.name, bracket > 0 ? ing.name.slice(0, bracket) : '', ...ing.aliases]) {
          const key = foldDrugText(name);
          if (key && !map.has(key)) map.set(key, ing.id);
        }
      }
      this.nameToIngredient = map;
    }
    return this.nameToIngredient.get(foldDrugText(text)) ?? null;
  }
}
