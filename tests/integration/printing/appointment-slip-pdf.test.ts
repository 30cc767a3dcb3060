import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppointmentSlipDocument } from '../../../electron/main/printing/appointment-slip-document';
import { registerPdfFonts } from '../../../electron/main/printing/pdf-fonts';
import { renderPdf } from '../../../electron/main/printing/render-pdf';
import { readPdf, squash } from './read-pdf';
import type { SlipSize } from '../../../electron/main/printing/page-setup';
import type { AppointmentSlipInput } from '../../../electron/main/printing/appointment-slip-document';
import { FONTS_DIR, sampleSlip } from './sample-documents';
import { savePdfForLooking } from './save-for-looking';

beforeAll(() => registerPdfFonts(FONTS_DIR));

/** The sample slip with the clinic's slip page set. */
function slipOn(slipSize: SlipSize, base: AppointmentSlipInput = sampleSlip('A4')): AppointmentSlipInput {
  return { ...base, clinic: { ...base.clinic, slipSize } };
}

const EXPECTED_TEXT = [
  'Riverside Family Clinic',
  'Appointment slip',
  'Zoë Ångström',
  'RFC-100251',
  'Thursday, 12 March 2026',
  '10:30–10:45',
  'Dr. Meera Nair',
  'Follow-up',
  'Token 7',
  'Please arrive 10 minutes early and bring your previous prescriptions.',
];

// Issue 12, point 7: a slip is a few lines, printed on a small page rather than a whole A4.
describe('appointment slip page', () => {
  it('prints on an A6 card (105 x 148 mm) by default, whatever the paper size', async () => {
    const slip = sampleSlip('A4');
    expect(slip.clinic.slipSize).toBeUndefined();
    const pdf = await renderPdf(buildAppointmentSlipDocument(slip));
    savePdfForLooking('slip-a6', pdf);
    const pages = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    expect([Math.round(pages[0]!.width), Math.round(pages[0]!.height)]).toEqual([298, 420]);
    for (const text of EXPECTED_TEXT) expect(squash(pages[0]!.text)).toContain(text);
  });

  it.each([
    ['RECEIPT_80', 227],
    ['RECEIPT_58', 164],
  ] as const)('prints on a %s receipt roll (%d points wide), one page as long as the slip', async (size, width) => {
    const pdf = await renderPdf(buildAppointmentSlipDocument(slipOn(size)));
    savePdfForLooking(`slip-${size.toLowerCase()}`, pdf);
    const pages = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect(Math.round(page.width)).toBe(width);
    // As long as the slip, with nothing cut off at the bottom.
    expect(page.height).toBeLessThan(600);
    expect(page.height).toBeGreaterThan(150);
    for (const text of EXPECTED_TEXT) expect(squash(page.text)).toContain(text);
    const lowest = Math.min(...page.items.filter((i) => i.text.trim()).map((i) => i.y));
    expect(lowest).toBeGreaterThan(0);
  });
});

describe('appointment slip PDF', () => {
  it.each([
    ['A5', [420, 595], 'Zoë Ångström'],
    ['A4', [595, 842], '佐藤 美咲'],
    ['LETTER', [612, 792], 'Алексей Смирнов'],
  ] as const)('prints on %s (%j points) with the patient, time, doctor and note', async (paperSize, size, name) => {
    // "The paper size above": the clinic's own paper, for a clinic with only an office printer.
    const pdf = await renderPdf(buildAppointmentSlipDocument(slipOn('PAPER', sampleSlip(paperSize, name))));
    savePdfForLooking(`slip-${paperSize.toLowerCase()}`, pdf);
    const pages = await readPdf(pdf);

    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect([Math.round(page.width), Math.round(page.height)]).toEqual(size);
    const text = squash(page.text);
    for (const expected of [
      'Riverside Family Clinic',
      '12 Harbour Road, Kochi 682001',
      'Appointment slip',
      name,
      'RFC-100251',
      // 05:00 UTC on 12 March is 10:30 in Kolkata.
      'Thursday, 12 March 2026',
      '10:30–10:45',
      'Dr. Meera Nair',
      'Follow-up',
      'Token 7',
      'Please arrive 10 minutes early and bring your previous prescriptions.',
      'Printed 10 Mar 2026, 11:42 by Anjali Menon',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('fits in the top half of an A4 sheet, so two can share one page', async () => {
    const [page] = await readPdf(await renderPdf(buildAppointmentSlipDocument(slipOn('PAPER'))));
    // pdf.js measures y from the bottom of the page.
    const lowest = Math.min(...page!.items.filter((i) => i.text.trim()).map((i) => i.y));
    expect(lowest).toBeGreaterThan(page!.height / 2);
  });

  it('leaves out the token line for a booked appointment and the note when there is none', async () => {
    const slip = { ...sampleSlip('A5'), token: null, note: '' };
    const [page] = await readPdf(await renderPdf(buildAppointmentSlipDocument(slip)));
    const text = squash(page!.text);
    expect(text).not.toContain('Token');
    expect(text).not.toContain('Please arrive');
    expect(text).toContain('10:30–10:45');
  });
});
