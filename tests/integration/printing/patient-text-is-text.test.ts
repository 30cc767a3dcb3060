import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppointmentSlipDocument } from '../../../electron/main/printing/appointment-slip-document';
import { buildDayListDocument } from '../../../electron/main/printing/day-list-document';
import { registerPdfFonts } from '../../../electron/main/printing/pdf-fonts';
import { renderPdf } from '../../../electron/main/printing/render-pdf';
import { readPdf, unspaced } from './read-pdf';
import { FONTS_DIR, sampleDayList, sampleSlip } from './sample-documents';

beforeAll(() => registerPdfFonts(FONTS_DIR));

const URL_NAME = 'https://evil.example/pay?id=1';
const HTML_NAME = '<a href="https://evil.example">Click</a> <img src=x onerror=alert(1)>';
const LOCAL_FILE = 'file:///etc/passwd';

describe('patient text that looks like a link, HTML or a file is printed as literal text', () => {
  it('in a day list: no link annotations, nothing fetched or read, the text as typed', async () => {
    const input = sampleDayList(3);
    input.appointments[0]!.patient.name = URL_NAME;
    input.appointments[1]!.patient.name = HTML_NAME;
    input.appointments[2]!.reason = LOCAL_FILE;
    input.appointments[2]!.patient.phone = 'www.evil.example';
    const pdf = await renderPdf(buildDayListDocument(input));
    const pages = await readPdf(pdf);

    // A narrow column may wrap a long "word" anywhere; what matters is every character is there, as text.
    const text = unspaced(pages.map((p) => p.text).join(' '));
    for (const literal of [URL_NAME, HTML_NAME, LOCAL_FILE, 'www.evil.example'])
      expect(text).toContain(unspaced(literal));
    for (const page of pages) expect(page.annotationCount).toBe(0);
    expect(pdf.includes('/URI')).toBe(false);
    expect(pdf.includes('/Link')).toBe(false);
  });

  it('in an appointment slip, including the note, doctor and clinic settings', async () => {
    const slip = sampleSlip('A5', HTML_NAME);
    slip.note = URL_NAME;
    slip.doctorName = '<script>alert(1)</script>';
    slip.clinic = { ...slip.clinic, letterhead: 'https://clinic.example' };
    const pdf = await renderPdf(buildAppointmentSlipDocument(slip));
    const [page] = await readPdf(pdf);

    const text = unspaced(page!.text);
    for (const literal of [HTML_NAME, URL_NAME, '<script>alert(1)</script>', 'https://clinic.example'])
      expect(text).toContain(unspaced(literal));
    expect(page!.annotationCount).toBe(0);
    expect(pdf.includes('/URI')).toBe(false);
  });
});
