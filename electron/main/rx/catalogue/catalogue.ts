import classesJson from '../../../../resources/drugs/classes.json';
import crossReactivityJson from '../../../../resources/drugs/cross-reactivity.json';
import doseLimitsJson from '../../../../resources/drugs/dose-limits.json';
import ingredientsJson from '../../../../resources/drugs/ingredients.json';
import interactionsJson from '../../../../resources/drugs/interactions.json';
import productsJson from '../../../../resources/drugs/products.json';
import type { DoseForm, DrugIngredient, DrugProduct, Route } from '../../../../shared/domain/drug';
import {
  STRENGTH_PATTERN,
  classesFileSchema,
  crossReactivityFileSchema,
  doseLimitsFileSchema,
  ingredientsFileSchema,
  interactionsFileSchema,
  productsFileSchema,
  type AdultDoseLimit,
  type CrossReactivityRule,
  type InteractionRule,
  type PaediatricDoseLimit,
} from './catalogue-files';

/**
 * The shipped drug catalogue (resources/drugs/, sources in its SOURCE.md), validated and indexed
 * once on first use. Pure data: no database, so the safety engine and its tests need nothing else.
 */

export interface DrugClass {
  id: string;
  name: string;
  group: 'chemical' | 'therapeutic' | 'mechanism';
  /** Two different ingredients of this class on one patient is duplicate therapy. */
  duplicate: boolean;
  aliases: string[];
}

export interface CatalogueIngredient {
  id: string;
  name: string;
  rxnormCui: string | null;
  classes: string[];
  aliases: string[];
}

export interface RawCatalogueFiles {
  classes: unknown;
  ingredients: unknown;
  products: unknown;
  interactions: unknown;
  crossReactivity: unknown;
  doseLimits: unknown;
}

export interface Catalogue {
  classes: ReadonlyMap<string, DrugClass>;
  ingredients: ReadonlyMap<string, CatalogueIngredient>;
  products: readonly DrugProduct[];
  productById: ReadonlyMap<string, DrugProduct>;
  interactions: readonly InteractionRule[];
  crossReactivity: readonly CrossReactivityRule[];
  adultDoseLimits: readonly AdultDoseLimit[];
  paediatricDoseLimits: readonly PaediatricDoseLimit[];
}

/** A file that does not fit: names the file and what is wrong. */
export class CatalogueError extends Error {
  constructor(message: string) {
    super(`Drug catalogue (resources/drugs): ${message}`);
    this.name = 'CatalogueError';
  }
}

function parse<T>(
  file: string,
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new CatalogueError(`${file} at ${issue.path.map(String).join('.')}: ${issue.message}`);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "500 mg" -> 500 "mg"; "125 mg/5 mL" -> 125 "mg/5 mL". */
export function parseStrength(text: string): { strength: number; unit: string } {
  const m = STRENGTH_PATTERN.exec(text.trim());
  if (!m) throw new CatalogueError(`strength "${text}" is not a number and a unit`);
  return { strength: Number(m[1]), unit: m[2]! };
}

const ROUTE_WORDS: Partial<Record<Route, string>> = {
  ophthalmic: 'eye',
  otic: 'ear',
  nasal: 'nasal',
  vaginal: 'vaginal',
  rectal: 'rectal',
  sublingual: 'sublingual',
};
const INJECTION_ROUTES: Partial<Record<Route, string>> = {
  intravenous: 'IV',
  intramuscular: 'IM',
  subcutaneous: 'SC',
};

/** "eye drops", "vaginal cream", "injection (IM)": the form, with the route where it tells them apart. */
export function formWords(form: DoseForm, route: Route): string {
  if (form === 'injection') return INJECTION_ROUTES[route] ? `injection (${INJECTION_ROUTES[route]})` : form;
  if (form === 'suppository') return route === 'vaginal' ? 'pessary' : form;
  const routeWord = ROUTE_WORDS[route];
  return routeWord ? `${routeWord} ${form}` : form;
}

/** The display name of a generic product: "Amoxicillin + Clavulanic acid 500 mg + 125 mg tablet". */
export function genericProductName(
  ingredientNames: string[],
  strengths: string[],
  form: DoseForm,
  route: Route,
): string {
  const where = formWords(form, route);
  return `${ingredientNames.join(' + ')} ${strengths.join(' + ')} ${where}`;
}

export function buildCatalogue(files: RawCatalogueFiles): Catalogue {
  const classFile = parse('classes.json', classesFileSchema, files.classes);
  const ingredientFile = parse('ingredients.json', ingredientsFileSchema, files.ingredients);
  const productFile = parse('products.json', productsFileSchema, files.products);
  const interactionFile = parse('interactions.json', interactionsFileSchema, files.interactions);
  const crossFile = parse('cross-reactivity.json', crossReactivityFileSchema, files.crossReactivity);
  const doseFile = parse('dose-limits.json', doseLimitsFileSchema, files.doseLimits);

  const classes = new Map<string, DrugClass>();
  for (const [id, name, group, duplicate, aliases] of classFile.rows) {
    if (classes.has(id)) throw new CatalogueError(`classes.json: class "${id}" appears twice`);
    classes.set(id, { id, name, group, duplicate, aliases });
  }
  const needClass = (where: string, id: string): void => {
    if (!classes.has(id)) throw new CatalogueError(`${where}: unknown class "${id}"`);
  };

  const ingredients = new Map<string, CatalogueIngredient>();
  for (const [id, name, rxnormCui, classIds, aliases] of ingredientFile.rows) {
    if (ingredients.has(id)) throw new CatalogueError(`ingredients.json: ingredient "${id}" appears twice`);
    for (const c of classIds) needClass(`ingredients.json ${id}`, c);
    ingredients.set(id, { id, name, rxnormCui, classes: classIds, aliases });
  }
  const needIngredient = (where: string, id: string): CatalogueIngredient => {
    const found = ingredients.get(id);
    if (!found) throw new CatalogueError(`${where}: unknown ingredient "${id}"`);
    return found;
  };

  const products: DrugProduct[] = [];
  const productById = new Map<string, DrugProduct>();
  productFile.rows.forEach(([ingredientKey, form, route, strengths], row) => {
    const parts = ingredientKey.split('+').map((i) => needIngredient(`products.json row ${row + 1}`, i));
    for (const strengthText of strengths) {
      const perIngredient = strengthText.split('+');
      if (perIngredient.length !== parts.length) {
        throw new CatalogueError(
          `products.json row ${row + 1}: strength "${strengthText}" does not list one strength per ingredient`,
        );
      }
      const id = `cat:${ingredientKey}-${slug(form)}-${route}-${slug(strengthText)}`;
      if (productById.has(id)) throw new CatalogueError(`products.json row ${row + 1}: product "${id}" appears twice`);
      const productIngredients: DrugIngredient[] = parts.map((ing, i) => {
        const { strength, unit } = parseStrength(perIngredient[i]!);
        return { id: ing.id, name: ing.name, rxnormCui: ing.rxnormCui, strength, strengthUnit: unit };
      });
      const product: DrugProduct = {
        id,
        source: 'catalogue',
        name: genericProductName(
          parts.map((p) => p.name),
          perIngredient.map((s) => s.trim()),
          form,
          route,
        ),
        brand: null,
        form,
        route,
        ingredients: productIngredients,
        classes: [...new Set(parts.flatMap((p) => p.classes))],
        favourite: false,
      };
      products.push(product);
      productById.set(id, product);
    }
  });

  const ruleIds = new Set<string>();
  const needNewRule = (file: string, id: string): void => {
    if (ruleIds.has(id)) throw new CatalogueError(`${file}: rule "${id}" appears twice`);
    ruleIds.add(id);
  };
  for (const rule of interactionFile.rules) {
    needNewRule('interactions.json', rule.id);
    for (const side of [rule.a, rule.b]) {
      if ((side.ingredients ?? []).length + (side.classes ?? []).length === 0) {
        throw new CatalogueError(`interactions.json ${rule.id}: a side names no ingredient and no class`);
      }
      for (const i of side.ingredients ?? []) needIngredient(`interactions.json ${rule.id}`, i);
      for (const c of side.classes ?? []) needClass(`interactions.json ${rule.id}`, c);
    }
  }
  for (const rule of crossFile.rules) {
    needNewRule('cross-reactivity.json', rule.id);
    for (const c of [...rule.allergyClasses, ...rule.drugClasses]) needClass(`cross-reactivity.json ${rule.id}`, c);
  }
  for (const limit of [...doseFile.adult, ...doseFile.paediatric]) {
    needNewRule('dose-limits.json', limit.id);
    needIngredient(`dose-limits.json ${limit.id}`, limit.ingredient);
  }

  return {
    classes,
    ingredients,
    products,
    productById,
    interactions: interactionFile.rules,
    crossReactivity: crossFile.rules,
    adultDoseLimits: doseFile.adult,
    paediatricDoseLimits: doseFile.paediatric,
  };
}

export const SHIPPED_CATALOGUE_FILES: RawCatalogueFiles = {
  classes: classesJson,
  ingredients: ingredientsJson,
  products: productsJson,
  interactions: interactionsJson,
  crossReactivity: crossReactivityJson,
  doseLimits: doseLimitsJson,
};

let shipped: Catalogue | null = null;

/** The shipped catalogue, validated and built on first use (a few milliseconds), then kept. */
export function shippedCatalogue(): Catalogue {
  shipped ??= buildCatalogue(SHIPPED_CATALOGUE_FILES);
  return shipped;
}
