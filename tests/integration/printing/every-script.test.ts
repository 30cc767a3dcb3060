import path from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDayListDocument } from '../../../electron/main/printing/day-list-document';
import { buildAppointmentSlipDocument } from '../../../electron/main/printing/appointment-slip-document';
import { PDF_FONTS, registerPdfFonts, RTL_FONTS, type PdfFontFamily } from '../../../electron/main/printing/pdf-fonts';
import { renderPdf } from '../../../electron/main/printing/render-pdf';
import { scriptRuns } from '../../../electron/main/printing/script-runs';
import { readPdf, squash } from './read-pdf';
import { FONTS_DIR, sampleAppointments, sampleDayList, sampleSlip } from './sample-documents';
import { savePdfForLooking } from './save-for-looking';

/**
 * A patient name in every script a clinic's patients are likely to have, with the font family it
 * must print in. Indic and South-East Asian names include conjuncts, vowel signs that are drawn
 * before their consonant, and stacked marks, so shaping is exercised, not just coverage.
 */
const NAMES: { script: string; name: string; font: PdfFontFamily }[] = [
  { script: 'Latin (Vietnamese)', name: 'Nguyễn Thị Ánh', font: 'NotoSans' },
  { script: 'Greek', name: 'Σοφία Παπαδοπούλου', font: 'NotoSans' },
  { script: 'Cyrillic', name: 'Алексей Смирнов', font: 'NotoSans' },
  { script: 'Armenian', name: 'Արամ Խաչատրյան', font: 'NotoSansArmenian' },
  { script: 'Georgian', name: 'ნინო ბერიძე', font: 'NotoSansGeorgian' },
  { script: 'Arabic', name: 'محمد عبد الله', font: 'NotoSansArabic' },
  { script: 'Persian', name: 'فاطمه رضایی', font: 'NotoSansArabic' },
  { script: 'Urdu', name: 'عائشہ خان', font: 'NotoSansArabic' },
  { script: 'Hebrew', name: 'דוד כהן', font: 'NotoSansHebrew' },
  { script: 'Devanagari', name: 'प्रिया शर्मा', font: 'NotoSansDevanagari' },
  { script: 'Bengali', name: 'রবীন্দ্রনাথ ঠাকুর', font: 'NotoSansBengali' },
  { script: 'Gurmukhi', name: 'ਹਰਪ੍ਰੀਤ ਸਿੰਘ', font: 'NotoSansGurmukhi' },
  { script: 'Gujarati', name: 'નરેન્દ્ર પટેલ', font: 'NotoSansGujarati' },
  { script: 'Oriya', name: 'ସୁଭାଷ ମହାପାତ୍ର', font: 'NotoSansOriya' },
  { script: 'Tamil', name: 'முருகன் செல்வம்', font: 'NotoSansTamil' },
  { script: 'Telugu', name: 'శ్రీనివాస్ రెడ్డి', font: 'NotoSansTelugu' },
  { script: 'Kannada', name: 'ಕೃಷ್ಣ ಗೌಡ', font: 'NotoSansKannada' },
  { script: 'Malayalam', name: 'അനൂപ് മേനോൻ', font: 'NotoSansMalayalam' },
  { script: 'Sinhala', name: 'කමල් පෙරේරා', font: 'NotoSansSinhala' },
  { script: 'Thai', name: 'สมชาย ใจดี', font: 'NotoSansThai' },
  { script: 'Lao', name: 'ສົມສັກ ພົມມະຈັນ', font: 'NotoSansLao' },
  { script: 'Khmer', name: 'សុខ ចាន់ស្រី', font: 'NotoSansKhmer' },
  { script: 'Myanmar', name: 'အောင် ဆန်း', font: 'NotoSansMyanmar' },
  { script: 'Ethiopic', name: 'አበበ ቢቂላ', font: 'NotoSansEthiopic' },
  { script: 'Chinese', name: '王小明', font: 'DroidSansFallback' },
  { script: 'Japanese', name: '佐藤 さくら', font: 'DroidSansFallback' },
  { script: 'Korean', name: '김민준', font: 'DroidSansFallback' },
];

/** Scripts whose text pdf.js reads back in typed order (DESIGN: Indic and similar come back in glyph order). */
const READ_BACK_EXACTLY = new Set([
  'Latin (Vietnamese)',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Georgian',
  'Arabic',
  'Persian',
  'Urdu',
  'Hebrew',
  'Chinese',
  'Japanese',
  'Korean',
]);

const fonts = new Map<string, fontkit.Font>();
function fontFile(family: PdfFontFamily): fontkit.Font {
  let font = fonts.get(family);
  if (!font) {
    const spec = PDF_FONTS.find((f) => f.family === family)!;
    font = fontkit.openSync(path.join(FONTS_DIR, spec.normal)) as fontkit.Font;
    fonts.set(family, font);
  }
  return font;
}

beforeAll(() => registerPdfFonts(FONTS_DIR));

describe('every script prints', () => {
  it.each(NAMES)('$script: the letters print in $font', ({ name, font }) => {
    const runs = scriptRuns(name);
    const letters = runs.filter((r) => /\p{L}/u.test(r.text));
    expect(letters.length).toBeGreaterThan(0);
    for (const run of letters) expect(run.font, run.text).toBe(font);
  });

  it.each(NAMES)('$script: shaped in its font with no missing-glyph boxes', ({ name }) => {
    for (const run of scriptRuns(name)) {
      const font = fontFile(run.font);
      // Shaping (fontkit, as pdfkit does when it draws) must give real glyphs: id 0 is the
      // "missing glyph" box.
      const glyphs = font.layout(run.text).glyphs;
      expect(glyphs.length, run.text).toBeGreaterThan(0);
      expect(
        glyphs.filter((g) => g.id === 0).map((g) => g.codePoints),
        `${run.text} in ${run.font}`,
      ).toEqual([]);
    }
  });

  it('shapes conjuncts: a Devanagari conjunct is drawn as fewer glyphs than it has characters', () => {
    const text = 'प्रि'; // pa + virama + ra + i-sign: one conjunct with a pre-base vowel sign
    const glyphs = fontFile('NotoSansDevanagari').layout(text).glyphs;
    expect(glyphs.length).toBeLessThan([...text].length);
    // The i-sign is drawn first, before the conjunct it follows in typed order.
    expect(glyphs[0]!.codePoints).toContain(0x093f);
  });

  it('joins Arabic letters: the shaped word uses contextual forms, not the isolated letters', () => {
    const font = fontFile('NotoSansArabic');
    const joined = font.layout('محمد').glyphs.map((g) => g.id);
    const isolated = [...'محمد'].map((c) => font.layout(c).glyphs[0]!.id);
    expect(joined).not.toEqual([...isolated].reverse());
  });

  it('a day list with a patient in every script reads back with each name, right-to-left ones in reading order', async () => {
    const list = sampleDayList(NAMES.length);
    list.appointments = sampleAppointments(NAMES.length).map((a, i) => ({
      ...a,
      patient: { ...a.patient, name: NAMES[i]!.name },
    }));
    const pdf = await renderPdf(buildDayListDocument(list));
    savePdfForLooking('day-list-every-script', pdf);
    const text = squash((await readPdf(pdf)).map((p) => p.text).join(' '));
    for (const { script, name, font } of NAMES) {
      if (!READ_BACK_EXACTLY.has(script)) continue;
      // Drawn left to right, a right-to-left name's words come out last word first when read back.
      const drawn = RTL_FONTS.has(font) ? name.split(' ').reverse().join(' ') : name;
      expect(text, script).toContain(drawn);
    }
  });

  it('a slip prints a name that mixes scripts and directions in bidi order', async () => {
    const pdf = await renderPdf(buildAppointmentSlipDocument(sampleSlip('A5', 'Dr. דוד כהן (Tel Aviv)')));
    savePdfForLooking('slip-mixed-directions', pdf);
    const text = squash((await readPdf(pdf)).map((p) => p.text).join(' '));
    // Drawn left to right: the Hebrew phrase from its right end, so pdf.js reads its words reversed.
    expect(text).toMatch(/Dr\. ?כהן ?דוד ?\(Tel Aviv\)/);
  });
});
