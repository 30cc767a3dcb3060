import type { DrugProduct, SafetyAlert, SafetyContext, SafetyItem } from '../../../../shared/domain/drug';

/**
 * What the prescription service needs from the drug catalogue and the safety engine (rx-catalogue):
 * a product by id, and the check of one item against its context. Kept behind this seam so the
 * record's rules do not depend on how the catalogue is stored.
 */
export interface RxEngine {
  /** False until a catalogue is wired: product ids are then kept as given and not checked. */
  readonly hasCatalogue: boolean;
  product(id: string): DrugProduct | null;
  check(item: SafetyItem, context: SafetyContext): SafetyAlert[];
}

/** No catalogue and no rules: items are kept as written and raise no alerts. */
export const NO_ENGINE: RxEngine = { hasCatalogue: false, product: () => null, check: () => [] };
