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

/** Cached matches per typed word, at most this many words (typing re-uses the previous prefix). */
const TOKEN_CACHE_LIMIT = 4_000;

export class DrugSearchIndex {
  /** In display order when nothing else decides: single ingredients first, then by brand or name. */
  private readonly entries: Entry[];
  private readonly byId = new Map<string, Entry>();
  /** Entry positions whose words include one beginning with the token (ascending). */
  private readonly tokenMatches = new Map<string, Int32Array>();

  constructor(catalogue: Catalogue, formulary: readonly DrugProduct[]) {
    // Formulary first: with equal rank and name a clinic's own brand comes before the generic.
    const all = [...formulary, ...catalogue.products].map((p, order) => ({ entry: entryOf(p, catalogue), order }));
    all.sort(
      (a, b) =>
        a.entry.product.ingredients.length - b.entry.product.ingredients.length ||
        compare(a.entry.sortKey, b.entry.sortKey) ||
        a.order - b.order,
    );
    this.entries = all.map((x) => x.entry);
    for (const e of this.entries) this.byId.set(e.product.id, e);
  }

  get size(): number {
    return this.entries.length;
  }

  product(id: string): DrugProduct | undefined {
    return this.byId.get(id)?.product;
  }

  /** Positions of the entries with a word beginning with the token; narrowed from its shorter prefix when cached. */
  private matches(token: string): Int32Array {
    const cached = this.tokenMatches.get(token);
    if (cached) return cached;
    const needle = ` ${token}`;
    const shorter = token.length > 1 ? this.tokenMatches.get(token.slice(0, -1)) : undefined;
    const out: number[] = [];
    if (shorter) {
      for (const i of shorter) if (this.entries[i]!.haystack.includes(needle)) out.push(i);
    } else {
      for (let i = 0; i < this.entries.length; i += 1) if (this.entries[i]!.haystack.includes(needle)) out.push(i);
    }
    const result = Int32Array.from(out);
    if (this.tokenMatches.size >= TOKEN_CACHE_LIMIT) this.tokenMatches.clear();
    this.tokenMatches.set(token, result);
    return result;
  }

  search(text: string, favourites: ReadonlySet<string>, limit: number): DrugProduct[] {
    const tokens = searchWords(text);
    const mark = (p: DrugProduct): DrugProduct => (favourites.has(p.id) ? { ...p, favourite: true } : p);
    if (tokens.length === 0) {
      // Nothing typed yet: the person's favourites, in display order.
      return [...favourites]
        .map((id) => this.byId.get(id))
        .filter((e): e is Entry => e !== undefined)
        .sort((a, b) => this.entries.indexOf(a) - this.entries.indexOf(b))
        .slice(0, limit)
        .map((e) => mark(e.product));
    }
    // The rarest token's matches, checked against the other tokens' words.
    const lists = tokens.map((t) => this.matches(t));
    lists.sort((a, b) => a.length - b.length);
    const [first, ...rest] = lists as [Int32Array, ...Int32Array[]];
    const needles = rest.length === 0 ? [] : tokens.map((t) => ` ${t}`);
    const phrase = tokens.join(' ');
    const n = this.entries.length;
    // score = rank * n + position: one integer sort (native) orders by rank, then display order.
    const scores = new Float64Array(first.length);
    let count = 0;
    for (const i of first) {
      const entry = this.entries[i]!;
      if (needles.length > 0 && !needles.every((needle) => entry.haystack.includes(needle))) continue;
      const favourite = favourites.has(entry.product.id) ? 0 : 4;
      const begins = entry.brand.startsWith(phrase) ? 0 : entry.name.startsWith(phrase) ? 1 : 2;
      scores[count] = (favourite + begins) * n + i;
      count += 1;
    }
    const ranked = scores.subarray(0, count).sort();
    const out: DrugProduct[] = [];
    for (let k = 0; k < Math.min(limit, count); k += 1) out.push(mark(this.entries[ranked[k]! % n]!.product));
    return out;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
