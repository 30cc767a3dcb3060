import {
  ALERT_KINDS,
  ALERT_SEVERITIES,
  type SafetyAlert,
  type SafetyContext,
  type SafetyItem,
} from '../../../../shared/domain/drug';
import type { Catalogue } from '../catalogue/catalogue';
import type {
  AdultDoseLimit,
  CrossReactivityRule,
  InteractionRule,
  PaediatricDoseLimit,
} from '../catalogue/catalogue-files';

/**
 * The offline safety checks of issue 10, part 3: one prescription item against the patient's
 * allergies, current medications and the other items of the prescription. Pure: the rule tables
 * come from the catalogue (resources/drugs/), everything about the patient from the context.
 * Indexes are built once per engine, and free text (allergy substances, medication names) is
 * resolved to ingredients and classes once per distinct text, so a check costs a few map lookups.
 *
 * Alerts come out in a fixed order: interrupt, warn, note; then by kind (ALERT_KINDS order), rule
 * id and what the alert is against.
 */

/** What a free text (an allergy, a medication's name) names: ingredients and classes. */
export interface ResolvedText {
  ingredients: ReadonlySet<string>;
  classes: ReadonlySet<string>;
}

/** A name the clinic's formulary adds (a brand) for the ingredients it contains. */
export interface LocalDrugName {
  name: string;
  ingredientIds: readonly string[];
}

interface Term {
  ingredients: Set<string>;
  classes: Set<string>;
}

const EMPTY: ResolvedText = { ingredients: new Set(), classes: new Set() };
/** Longest names we look for inside a text, in words ("hyoscine butylbromide", "non steroidal ..."). */
const MAX_TERM_WORDS = 5;
const RESOLVE_CACHE_LIMIT = 20_000;
const SEVERITY_RANK = new Map<string, number>(ALERT_SEVERITIES.map((s, i) => [s, i]));
const KIND_RANK = new Map<string, number>(ALERT_KINDS.map((k, i) => [k, i]));

/** Lower case, accents off, anything but letters and digits a space: "Co-Amoxiclav 625mg" -> "co amoxiclav 625mg". */
export function foldDrugText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function addTerm(terms: Map<string, Term>, text: string, ingredient: string | null, cls: string | null): void {
  const key = foldDrugText(text);
  if (key.length < 2) return;
  let term = terms.get(key);
  if (!term) {
    term = { ingredients: new Set(), classes: new Set() };
    terms.set(key, term);
  }
  if (ingredient) term.ingredients.add(ingredient);
  if (cls) term.classes.add(cls);
}

/** Per ingredient: the rules it takes part in and on which side (bit 1: side a, bit 2: side b). */
type RuleSides = Map<number, number>;

export class SafetyEngine {
  private readonly catalogue: Catalogue;
  private readonly baseTerms = new Map<string, Term>();
  private terms = new Map<string, Term>();
  private readonly resolved = new Map<string, ResolvedText>();
  private readonly classesOf = new Map<string, readonly string[]>();
  private readonly ruleSidesOf = new Map<string, RuleSides>();
  private readonly crossByAllergyClass = new Map<string, CrossReactivityRule[]>();
  private readonly adultLimits = new Map<string, AdultDoseLimit>();
  private readonly paediatricLimits = new Map<string, PaediatricDoseLimit>();

  constructor(catalogue: Catalogue) {
    this.catalogue = catalogue;
    for (const ing of catalogue.ingredients.values()) {
      this.classesOf.set(ing.id, ing.classes);
      addTerm(this.baseTerms, ing.id, ing.id, null);
      addTerm(this.baseTerms, ing.name, ing.id, null);
      // "Phenoxymethylpenicillin (penicillin V)": the words before the bracket name it too.
      const bracket = ing.name.indexOf(' (');
      if (bracket > 0) addTerm(this.baseTerms, ing.name.slice(0, bracket), ing.id, null);
      for (const alias of ing.aliases) addTerm(this.baseTerms, alias, ing.id, null);
    }
    for (const cls of catalogue.classes.values()) {
      if (cls.group === 'mechanism') continue; // "QT-prolonging" is a rule's set, not an allergy.
      addTerm(this.baseTerms, cls.name, null, cls.id);
      for (const alias of cls.aliases) addTerm(this.baseTerms, alias, null, cls.id);
    }
    this.terms = this.baseTerms;

    catalogue.interactions.forEach((rule, index) => this.indexInteraction(rule, index));
    for (const rule of catalogue.crossReactivity) {
      for (const cls of rule.allergyClasses) {
        const list = this.crossByAllergyClass.get(cls) ?? [];
        list.push(rule);
        this.crossByAllergyClass.set(cls, list);
      }
    }
    for (const limit of catalogue.adultDoseLimits) this.adultLimits.set(limit.ingredient, limit);
    for (const limit of catalogue.paediatricDoseLimits) this.paediatricLimits.set(limit.ingredient, limit);
  }

  private indexInteraction(rule: InteractionRule, index: number): void {
    const mark = (ingredient: string, bit: number): void => {
      let sides = this.ruleSidesOf.get(ingredient);
      if (!sides) {
        sides = new Map();
        this.ruleSidesOf.set(ingredient, sides);
      }
      sides.set(index, (sides.get(index) ?? 0) | bit);
    };
    (
      [
        [rule.a, 1],
        [rule.b, 2],
      ] as const
    ).forEach(([side, bit]) => {
      const classes = new Set(side.classes ?? []);
      for (const i of side.ingredients ?? []) mark(i, bit);
      if (classes.size === 0) return;
      for (const ing of this.catalogue.ingredients.values()) {
        if (ing.classes.some((c) => classes.has(c))) mark(ing.id, bit);
      }
    });
  }

  /** Replaces the clinic's own names (formulary brands); cached resolutions are dropped. */
  setLocalNames(names: readonly LocalDrugName[]): void {
    if (names.length === 0) {
      this.terms = this.baseTerms;
    } else {
      const terms = new Map<string, Term>();
      for (const [key, term] of this.baseTerms) {
        terms.set(key, { ingredients: new Set(term.ingredients), classes: new Set(term.classes) });
      }
      for (const local of names) {
        for (const ingredient of local.ingredientIds) {
          if (this.classesOf.has(ingredient)) addTerm(terms, local.name, ingredient, null);
        }
      }
      this.terms = terms;
    }
    this.resolved.clear();
  }

  /** The classes of an ingredient (empty for an id the catalogue does not know). */
  ingredientClasses(ingredientId: string): readonly string[] {
    return this.classesOf.get(ingredientId) ?? [];
  }

  /**
   * The ingredients and classes a free text names: the whole text when it is a known name, else
   * every known name found in it as whole words, longest first ("Amoxil 500mg caps" -> amoxicillin
   * when Amoxil is in the formulary; "allergic to penicillins - rash" -> the penicillin class).
   */
  resolveText(text: string): ResolvedText {
    const cached = this.resolved.get(text);
    if (cached) return cached;
    const folded = foldDrugText(text);
    let result: ResolvedText = EMPTY;
    const whole = this.terms.get(folded);
    if (whole) {
      result = { ingredients: whole.ingredients, classes: whole.classes };
    } else if (folded.length > 0) {
      const words = folded.split(' ');
      const ingredients = new Set<string>();
      const classes = new Set<string>();
      let i = 0;
      while (i < words.length) {
        let matched = 0;
        for (let n = Math.min(MAX_TERM_WORDS, words.length - i); n >= 1; n -= 1) {
          const term = this.terms.get(n === 1 ? words[i]! : words.slice(i, i + n).join(' '));
          if (term) {
            for (const x of term.ingredients) ingredients.add(x);
            for (const x of term.classes) classes.add(x);
            matched = n;
            break;
          }
        }
        i += matched || 1;
      }
      if (ingredients.size + classes.size > 0) result = { ingredients, classes };
    }
    if (this.resolved.size >= RESOLVE_CACHE_LIMIT) this.resolved.clear();
    this.resolved.set(text, result);
    return result;
  }

  private classesOfAll(ingredientIds: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const id of ingredientIds) for (const c of this.classesOf.get(id) ?? []) out.add(c);
    return out;
  }

  checkItem(item: SafetyItem, ctx: SafetyContext): SafetyAlert[] {
    const alerts: SafetyAlert[] = [];
    const seen = new Set<string>();
    const push = (alert: SafetyAlert): void => {
      const key = `${alert.ruleId}\u0000${alert.against ?? ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      alerts.push(alert);
    };
    const itemIngredients = [...new Set(item.ingredientIds)];
    const itemClasses = this.classesOfAll(itemIngredients);

    this.checkAllergies(item, itemIngredients, itemClasses, ctx, push);

    const others: { label: string; ingredients: string[] }[] = [];
    for (const med of ctx.currentMedications) {
      const ids =
        med.ingredientIds && med.ingredientIds.length > 0
          ? med.ingredientIds
          : [...this.resolveText(med.name).ingredients];
      if (ids.length > 0) others.push({ label: med.name, ingredients: [...new Set(ids)] });
    }
    for (const other of ctx.otherItems) {
      if (other.ingredientIds.length > 0)
        others.push({ label: other.name, ingredients: [...new Set(other.ingredientIds)] });
    }
    for (const other of others) {
      this.checkInteractions(item, itemIngredients, other, push);
      this.checkDuplicates(item, itemIngredients, itemClasses, other, push);
    }

    this.checkDoses(item, itemIngredients, ctx, push);

    return alerts.sort(
      (x, y) =>
        SEVERITY_RANK.get(x.severity)! - SEVERITY_RANK.get(y.severity)! ||
        KIND_RANK.get(x.kind)! - KIND_RANK.get(y.kind)! ||
        (x.ruleId < y.ruleId ? -1 : x.ruleId > y.ruleId ? 1 : 0) ||
        ((x.against ?? '') < (y.against ?? '') ? -1 : (x.against ?? '') > (y.against ?? '') ? 1 : 0),
    );
  }

  private ingredientName(id: string): string {
    return this.catalogue.ingredients.get(id)?.name ?? id;
  }

  private className(id: string): string {
    return this.catalogue.classes.get(id)?.name ?? id;
  }

  private checkAllergies(
    item: SafetyItem,
    itemIngredients: readonly string[],
    itemClasses: ReadonlySet<string>,
    ctx: SafetyContext,
    push: (a: SafetyAlert) => void,
  ): void {
    if (!ctx.allergiesRecorded) {
      push({
        kind: 'allergies-unrecorded',
        severity: 'note',
        ruleId: 'allergies-unrecorded',
        message: 'Allergies not recorded yet: ask and record them (or no known allergies)',
        source: 'Chartbook safety check',
        against: null,
      });
    }
    for (const allergy of ctx.allergies) {
      const named = this.resolveText(allergy.substance);
      if (named.ingredients.size + named.classes.size === 0) continue;
      let interrupted = false;
      for (const ing of itemIngredients) {
        if (named.ingredients.has(ing)) {
          interrupted = true;
          push({
            kind: 'allergy',
            severity: 'interrupt',
            ruleId: 'allergy-ingredient',
            message: `Allergy to ${allergy.substance} recorded: ${item.name} contains ${this.ingredientName(ing)}`,
            source: 'Patient allergy list',
            against: allergy.substance,
          });
        }
      }
      for (const cls of named.classes) {
        if (itemClasses.has(cls)) {
          interrupted = true;
          push({
            kind: 'allergy',
            severity: 'interrupt',
            ruleId: 'allergy-class',
            message: `Allergy to ${allergy.substance} recorded: ${item.name} is one of the ${this.className(cls)}`,
            source: 'Patient allergy list',
            against: allergy.substance,
          });
        }
      }
      if (interrupted) continue;
      const allergyClasses = new Set(named.classes);
      for (const c of this.classesOfAll(named.ingredients)) allergyClasses.add(c);
      for (const cls of allergyClasses) {
        for (const rule of this.crossByAllergyClass.get(cls) ?? []) {
          if (rule.drugClasses.some((c) => itemClasses.has(c))) {
            push({
              kind: 'allergy-cross',
              severity: 'warn',
              ruleId: rule.id,
              message: `${rule.message}. Checking ${item.name} against the recorded allergy to ${allergy.substance}`,
              source: rule.source,
              against: allergy.substance,
            });
          }
        }
      }
    }
  }

  private checkInteractions(
    item: SafetyItem,
    itemIngredients: readonly string[],
    other: { label: string; ingredients: string[] },
    push: (a: SafetyAlert) => void,
  ): void {
    for (const mine of itemIngredients) {
      const mySides = this.ruleSidesOf.get(mine);
      if (!mySides) continue;
      for (const theirs of other.ingredients) {
        if (theirs === mine) continue; // the same ingredient twice is a duplicate, not an interaction
        const theirSides = this.ruleSidesOf.get(theirs);
        if (!theirSides) continue;
        const [small, large, smallIsMine] =
          mySides.size <= theirSides.size ? [mySides, theirSides, true] : [theirSides, mySides, false];
        for (const [ruleIndex, bits] of small) {
          const otherBits = large.get(ruleIndex);
          if (otherBits === undefined) continue;
          const myBits = smallIsMine ? bits : otherBits;
          const yourBits = smallIsMine ? otherBits : bits;
          if (!((myBits & 1 && yourBits & 2) || (myBits & 2 && yourBits & 1))) continue;
          const rule = this.catalogue.interactions[ruleIndex]!;
          push({
            kind: 'interaction',
            severity: rule.severity,
            ruleId: rule.id,
            message: `${rule.message} (${item.name} with ${other.label})`,
            source: rule.source,
            against: other.label,
          });
        }
      }
    }
  }

  private checkDuplicates(
    item: SafetyItem,
    itemIngredients: readonly string[],
    itemClasses: ReadonlySet<string>,
    other: { label: string; ingredients: string[] },
    push: (a: SafetyAlert) => void,
  ): void {
    const shared = itemIngredients.filter((i) => other.ingredients.includes(i));
    if (shared.length > 0) {
      push({
        kind: 'duplicate-ingredient',
        severity: 'warn',
        ruleId: 'duplicate-ingredient',
        message: `${item.name} and ${other.label} both contain ${shared.map((i) => this.ingredientName(i)).join(', ')}`,
        source: 'Chartbook duplicate therapy check',
        against: other.label,
      });
      return;
    }
    for (const cls of this.classesOfAll(other.ingredients)) {
      if (!itemClasses.has(cls) || !this.catalogue.classes.get(cls)?.duplicate) continue;
      push({
        kind: 'duplicate-class',
        severity: 'warn',
        ruleId: `duplicate-class-${cls}`,
        message: `${item.name} and ${other.label} are both ${this.className(cls)}: duplicate therapy`,
        source: 'Chartbook duplicate therapy check (classes in resources/drugs/classes.json)',
        against: other.label,
      });
    }
  }

  private checkDoses(
    item: SafetyItem,
    itemIngredients: readonly string[],
    ctx: SafetyContext,
    push: (a: SafetyAlert) => void,
  ): void {
    const daily = item.dailyMgByIngredient;
    if (!daily) return;
    const route = item.route ?? null;
    for (const ing of itemIngredients) {
      const own = daily[ing];
      if (own === undefined || !(own > 0)) continue;
      // The same ingredient on other items of this prescription counts towards the day's total.
      let total = own;
      for (const other of ctx.otherItems) {
        const theirs = other.dailyMgByIngredient?.[ing];
        const sameRouteKind = !other.route || !route || this.countsTogether(ing, other.route, route);
        if (theirs !== undefined && theirs > 0 && sameRouteKind) total += theirs;
      }
      const withOthers = total > own ? ' (with the other items of this prescription)' : '';
      const name = this.ingredientName(ing);
      const adult = this.adultLimits.get(ing);
      if (adult && (!route || adult.routes.includes(route)) && total > adult.maxMgPerDay) {
        push({
          kind: 'max-daily-dose',
          severity: 'interrupt',
          ruleId: adult.id,
          message: `${name} ${formatMg(total)} a day${withOthers} is above the maximum of ${formatMg(adult.maxMgPerDay)} a day`,
          source: adult.source,
          against: null,
        });
      }
      const paed = this.paediatricLimits.get(ing);
      if (
        paed &&
        (!route || paed.routes.includes(route)) &&
        ctx.ageYears !== null &&
        ctx.ageYears < paed.underYears &&
        ctx.weightKg !== null &&
        ctx.weightKg > 0
      ) {
        const perKg = total / ctx.weightKg;
        const ceiling = Math.min(paed.maxMgPerDay, paed.maxMgPerKgPerDay * ctx.weightKg);
        if (total > ceiling) {
          push({
            kind: 'paediatric-dose',
            severity: 'interrupt',
            ruleId: paed.id,
            message:
              perKg > paed.maxMgPerKgPerDay
                ? `${name} ${formatMg(total)} a day${withOthers} is ${round(perKg)} mg/kg/day for ${round(ctx.weightKg)} kg, above the maximum of ${paed.maxMgPerKgPerDay} mg/kg/day (${formatMg(ceiling)} a day)`
                : `${name} ${formatMg(total)} a day${withOthers} is above the children's maximum of ${formatMg(paed.maxMgPerDay)} a day`,
            source: paed.source,
            against: null,
          });
        }
      }
    }
  }

  /** Two routes count towards one ingredient's daily total when both are limited by the same table row. */
  private countsTogether(ingredient: string, a: string, b: string): boolean {
    const limit = this.adultLimits.get(ingredient) ?? this.paediatricLimits.get(ingredient);
    if (!limit) return a === b;
    const routes: readonly string[] = limit.routes;
    return routes.includes(a) && routes.includes(b);
  }
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function formatMg(mg: number): string {
  return mg >= 1000 && mg % 100 === 0 ? `${round(mg / 1000)} g` : `${round(mg)} mg`;
}
