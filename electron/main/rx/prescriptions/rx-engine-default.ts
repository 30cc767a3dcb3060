import type { ServiceContext } from '../../context';
import { FormularyService } from '../formulary/formulary-service';
import { checkItem, resolveDrugText } from '../safety';
import type { RxEngine } from './rx-engine';

/**
 * The catalogue and safety engine the app uses: rx-catalogue's shipped catalogue, the clinic's
 * formulary and checkItem. Products are looked up through the formulary service, which knows both
 * catalogue ("cat:...") and formulary ("form:<uuid>") ids, so both are checked the same way (the
 * product exists, its form fits the item, its ingredients are what the safety rules see).
 */
export function rxEngine(ctx: ServiceContext): RxEngine {
  const formulary = new FormularyService(ctx);
  return {
    hasCatalogue: true,
    product: (id) => formulary.product(id) ?? null,
    ingredientsOfText: (text) => [...resolveDrugText(text).ingredients],
    check: checkItem,
  };
}
