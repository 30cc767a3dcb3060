import { createRequire } from 'node:module';

interface FontkitFontLike {
  stream?: { buffer?: unknown };
  _decodeTable?: (table: { tag: string }) => unknown;
}

let installed = false;

/**
 * pdfkit parses every font file again for every document (fontkit.create on the same bytes), and
 * decoding the tables of the shipped Noto fonts (cmap, GSUB, GPOS, hmtx...) was about half the CPU
 * time of a one-page prescription. The decoded tables depend only on the font's bytes, and pdfmake
 * hands pdfkit the same Buffer each time (its in-memory file system), so they are kept per Buffer
 * and shared by every later document. Nothing else changes: the same PDF bytes come out.
 *
 * Reaches pdfkit's own fontkit through require (pdfkit is CommonJS); when that is not possible
 * (fontkit bundled differently), printing works as before, only slower.
 */
export function shareDecodedFontTables(sampleFont: Uint8Array): void {
  if (installed) return;
  installed = true;
  try {
    const fontkit = createRequire(import.meta.url)('fontkit') as { create(bytes: Uint8Array): unknown };
    const proto = Object.getPrototypeOf(fontkit.create(sampleFont)) as FontkitFontLike;
    const decode = proto._decodeTable;
    if (typeof decode !== 'function') return;
    const tables = new WeakMap<object, Map<string, unknown>>();
    proto._decodeTable = function (this: FontkitFontLike, table: { tag: string }): unknown {
      const bytes = this.stream?.buffer;
      if (typeof bytes !== 'object' || bytes === null) return decode.call(this, table);
      let decoded = tables.get(bytes);
      if (!decoded) {
        decoded = new Map();
        tables.set(bytes, decoded);
      }
      if (!decoded.has(table.tag)) decoded.set(table.tag, decode.call(this, table));
      return decoded.get(table.tag);
    };
  } catch {
    // Printing still works; each document parses its fonts itself.
  }
}
