import type { ServiceContext } from '../../context';
import { checkItem, drugCatalogue, resolveDrugText } from '../safety';
import type { RxEngine } from './rx-engine';

/**
 * The catalogue and safety engine the app uses: rx-catalogue's shipped catalogue and checkItem.
 * Formulary products ("form:<uuid>") are not looked up here yet: they are kept as written and
 * checked by the ingredients their name resolves to.
 */
export function rxEngine(_ctx: ServiceContext): RxEngine {
  const catalogue = drugCatalogue();
  return {
    hasCatalogue: true,
    product: (id) => catalogue.productById.get(id) ?? null,
    ingredientsOfText: (text) => [...resolveDrugText(text).ingredients],
    check: checkItem,
  };
}
