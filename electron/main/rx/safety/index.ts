import type { SafetyAlert, SafetyContext, SafetyItem } from '../../../../shared/domain/drug';
import { shippedCatalogue, type Catalogue } from '../catalogue/catalogue';
import { SafetyEngine, type LocalDrugName, type ResolvedText } from './safety-engine';

/**
 * The safety checks' facade for the rest of the core (prescriptions, the formulary):
 *
 *   checkItem(item, ctx)        alerts for one prescription item, interrupts first
 *   drugCatalogue()             the shipped catalogue (products, ingredients, classes, rules)
 *   resolveDrugText(text)       the ingredients and classes a free-text name or allergy names
 *   setFormularyNames(names)    the clinic's brand names, so current medications written as a
 *                               brand resolve too (the formulary service calls it on every change)
 *
 * One engine per core, built on first use from resources/drugs/ (validated on load).
 */

let engine: SafetyEngine | null = null;

export function safetyEngine(): SafetyEngine {
  engine ??= new SafetyEngine(shippedCatalogue());
  return engine;
}

export function checkItem(item: SafetyItem, ctx: SafetyContext): SafetyAlert[] {
  return safetyEngine().checkItem(item, ctx);
}

export function drugCatalogue(): Catalogue {
  return shippedCatalogue();
}

export function resolveDrugText(text: string): ResolvedText {
  return safetyEngine().resolveText(text);
}

export function setFormularyNames(names: readonly LocalDrugName[]): void {
  safetyEngine().setLocalNames(names);
}

export { SafetyEngine, foldDrugText } from './safety-engine';
export type { LocalDrugName, ResolvedText } from './safety-engine';
export type { Catalogue, CatalogueIngredient, DrugClass } from '../catalogue/catalogue';
