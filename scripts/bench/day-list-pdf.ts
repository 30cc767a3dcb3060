import { buildDayListDocument } from '../../electron/main/printing/day-list-document';
import { registerPdfFonts } from '../../electron/main/printing/pdf-fonts';
import { renderPdf } from '../../electron/main/printing/render-pdf';
import { FONTS_DIR, sampleDayList } from '../../tests/integration/printing/sample-documents';
import type { BenchResult } from './bench-result';
import { loadAverage, ms, summarise } from './stats';

const APPOINTMENTS = 40;
const WARM_UP = 5;
const SAMPLES = 40;

/**
 * Build + render of a 40-appointment day list (two A4 pages, Latin, Greek, Cyrillic, Arabic,
 * Hebrew and CJK names) to PDF bytes, as a print click costs it in main once the process is warm.
 * The first renders after start-up are slower (JIT, first font parse) and are not counted.
 */
export async function benchDayListPdf(): Promise<BenchResult> {
  registerPdfFonts(FONTS_DIR);
  const input = sampleDayList(APPOINTMENTS, 'A4');
  for (let i = 0; i < WARM_UP; i++) await renderPdf(buildDayListDocument(input));
  const loadBefore = loadAverage();
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = process.hrtime.bigint();
    await renderPdf(buildDayListDocument(input));
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const { p50, p95, p99 } = summarise(samples);
  // Reported, not judged: no target was set for printing.
  return {
    bench: 'day-list-pdf',
    n: APPOINTMENTS,
    renders: samples.length,
    p50_ms: ms(p50),
    p95_ms: ms(p95),
    p99_ms: ms(p99),
    load_avg: Math.max(loadBefore, loadAverage()),
    target_p95_ms: null,
    pass: null,
  };
}
