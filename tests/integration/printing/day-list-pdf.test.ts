import { beforeAll, describe, expect, it } from 'vitest';
import { buildDayListDocument } from '../../../electron/main/printing/day-list-document';
import { registerPdfFonts } from '../../../electron/main/printing/pdf-fonts';
import { renderPdf } from '../../../electron/main/printing/render-pdf';
import { readPdf, squash, type PdfPage } from './read-pdf';
import { FONTS_DIR, sampleDayList } from './sample-documents';
import { savePdfForLooking } from './save-for-looking';

beforeAll(() => registerPdfFonts(FONTS_DIR));

describe('day list PDF', () => {
  let pages: PdfPage[];
  let all: string;

  beforeAll(async () => {
    const pdf = await renderPdf(buildDayListDocument(sampleDayList(40, 'A4')));
    savePdfForLooking('day-list-a4', pdf);
    pages = await readPdf(pdf);
    all = squash(pages.map((p) => p.text).join(' '));
  });

  it('prints 40 appointments on two A4 pages, each numbered "Page x of 2"', () => {
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
    }
    expect(squash(pages[0]!.text)).toContain('Page 1 of 2');
    expect(squash(pages[1]!.text)).toContain('Page 2 of 2');
  });

  it('heads the list with the clinic letterhead, title, doctor, long date and count', () => {
    const first = squash(pages[0]!.text);
    for (const expected of [
      'Riverside Family Clinic',
      '12 Harbour Road, Kochi 682001',
      'Tel. +91 484 555 0192',
      'Reg. No. KMC 45821',
      'Day list',
      'Dr. Meera Nair',
      'Tuesday, 10 March 2026',
      '40 appointments',
    ]) {
      expect(first).toContain(expected);
    }
  });

  it('repeats the column headings and says whose list it is on the next page', () => {
    for (const page of pages)
      expect(squash(page.text)).toContain('Time Token Patient / MRN Age/Sex Phone Visit Status');
    expect(squash(pages[1]!.text)).toContain('Day list · Dr. Meera Nair · Tuesday, 10 March 2026 (continued)');
  });

  it('prints every slot in clinic time (Asia/Kolkata), first to last', () => {
    expect(all).toContain('09:00–09:10');
    expect(all).toContain('12:00–12:10');
    expect(all).toContain('15:30–15:40');
    // 03:30 UTC is the first slot; printing UTC would show it.
    expect(all).not.toContain('03:30–03:40');
  });

  it('prints names in Latin with accents, Greek, Cyrillic, Japanese and Korean as text', () => {
    for (const name of [
      'José García',
      'Zoë Ångström',
      'Алексей Смирнов',
      'Σοφία Παπαδοπούλου',
      '佐藤 美咲',
      '김민준',
      'Nguyễn Thị Ánh',
      'Łukasz Żółkiewski',
      'Þórunn Guðmundsdóttir',
    ]) {
      expect(all).toContain(name);
    }
  });

  it('draws Arabic and Hebrew names right to left: the first word is rightmost', () => {
    // pdf.js reads words in drawing order (left to right), each word in its own letter order.
    expect(all).toContain('الله عبد محمد');
    expect(all).toContain('כהן דוד');
  });

  it('prints MRN, age/sex, phone, walk-in token, visit, reason and status of a row', () => {
    expect(all).toContain(
      '09:40–09:50 1 佐藤 美咲 RFC-100302 63 y / F +91 9804705484 Dressing change Cough and sore throat Booked',
    );
    expect(all).toContain('~66 y / ?');
    expect(all).toContain('Waiting');
  });

  it('says who printed it and when, in clinic time, on every page', () => {
    for (const page of pages) expect(squash(page.text)).toContain('Printed 10 Mar 2026, 08:15 by Anjali Menon');
  });
});

describe('day list paper sizes', () => {
  it.each([
    ['LETTER', [612, 792]],
    ['A4', [595, 842]],
    // Seven columns do not fit across A5 portrait, so the day list turns the A5 sheet sideways.
    ['A5', [595, 420]],
  ] as const)('prints on %s as %j points', async (paperSize, size) => {
    const pdf = await renderPdf(buildDayListDocument(sampleDayList(12, paperSize)));
    savePdfForLooking(`day-list-${paperSize.toLowerCase()}`, pdf);
    const pages = await readPdf(pdf);
    for (const page of pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual(size);
    expect(squash(pages.map((p) => p.text).join(' '))).toContain('Σοφία Παπαδοπούλου');
  });

  it('prints an empty day as a list with no appointments, not an error', async () => {
    const pages = await readPdf(await renderPdf(buildDayListDocument(sampleDayList(0))));
    expect(pages).toHaveLength(1);
    expect(squash(pages[0]!.text)).toContain('No appointments.');
    expect(squash(pages[0]!.text)).toContain('0 appointments');
  });
});
