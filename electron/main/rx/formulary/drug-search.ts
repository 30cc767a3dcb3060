import type { DrugProduct } from '../../../../shared/domain/drug';
import type { Catalogue } from '../catalogue/catalogue';
import { foldDrugText } from '../safety/safety-engine';

/**
 * Search by brand or generic name as you type, over the catalogue and the clinic's formulary held
 * in memory (a few thousand products: a scan of precomputed word strings is well under the 2 ms
 * target and needs no FTS table to keep in step). Every word typed must begin a word of the
 * product: its brand, generic name, ingredients' other names (acetaminophen finds paracetamol),
 * strength and form. Order: the person's favourites, then products whose brand or name begins with
 * the text, single-ingredient products before combinations, then by brand or name.
 */

/** Folded words, with digits and letters apart ("500mg" -> "500 mg", "b12" -> "b 12"). */
export function searchWords(text: string): string[] {
  const folded = foldDrugText(text)
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    .replace(/(\p{L})(\d)/gu, '$1 $2');
  return folded.length === 0 ? [] : folded.split(' ');
}

interface Entry {
  product: DrugProduct;
  /** " word word word" (each word preceded by a space, so " " + prefix finds a word start). */
  haystack: string;
  /** Folded brand and name, for "begins with the text". */
  brand: string;
  name: string;
  /** Brand (or name when there is none), folded: the order within a rank. */
  sortKey: string;
}

function entryOf(product: DrugProduct, catalogue: Catalogue): Entry {
  const words = new Set<string>();
  const add = (text: string | null): void => {
    if (text) for (const w of searchWords(text)) words.add(w);
  };
  add(product.brand);
  add(product.name);
  add(product.form);
  for (const ing of product.ingredients) {
    add(ing.id);
    for (const alias of catalogue.ingredients.get(ing.id)?.aliases ?? []) add(alias);
  }
  const brand = product.brand ? searchWords(product.brand).join(' ') : '';
  const name = searchWords(product.name).join(' ');
  return { product, haystack: ` ${[...words].join(' ')}`, brand, name, sortKey: brand || name };
}

export class DrugSearchIndex {
  private readonly entries: Entry[];
  private readonly byId = new Map<string, Entry>();

  constructor(catalogue: Catalogue, formulary: readonly DrugProduct[]) {
    // Formulary first: with equal rank a clinic's own brand comes before the generic.
    this.entries = [...formulary, ...catalogue.products].map((p) => entryOf(p, catalogue));
    for (const e of this.entries) this.byId.set(e.product.id, e);
  }

  get size(): number {
    return this.entries.length;
  }

  product(id: string): DrugProduct | undefined {
    return this.byId.get(id)?.product;
  }

  search(text: string, favourites: ReadonlySet<string>, limit: number): DrugProduct[] {
    const tokens = searchWords(text);
    const mark = (p: DrugProduct): DrugProduct => (favourites.has(p.id) ? { ...p, favourite: true } : p);
    if (tokens.length === 0) {
      // Nothing typed yet: the person's favourites, by name.
      return [...favourites]
        .map((id) => this.byId.get(id))
        .filter((e): e is Entry => e !== undefined)
        .sort((a, b) => compare(a.sortKey, b.sortKey))
        .slice(0, limit)
        .map((e) => mark(e.product));
    }
    const needles = tokens.map((t) => ` ${t}`);
    const phrase = tokens.join(' ');
    const hits: { entry: Entry; rank: number; order: number }[] = [];
    for (let i = 0; i < this.entries.length; i += 1) {
      const entry = this.entries[i]!;
      let all = true;
      for (const needle of needles) {
        if (!entry.haystack.includes(needle)) {
          all = false;
          break;
        }
      }
      if (!all) continue;
      const favourite = favourites.has(entry.product.id) ? 0 : 4;
      const begins = entry.brand.startsWith(phrase) ? 0 : entry.name.startsWith(phrase) ? 1 : 2;
      hits.push({ entry, rank: favourite + begins, order: i });
    }
    // Plain comparison of folded keys: localeCompare over hundreds of hits would cost milliseconds.
    hits.sort(
      (a, b) =>
        a.rank - b.rank ||
        a.entry.product.ingredients.length - b.entry.product.ingredients.length ||
        compare(a.entry.sortKey, b.entry.sortKey) ||
        a.order - b.order,
    );
    return hits.slice(0, limit).map((h) => mark(h.entry.product));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
