import { describe, expect, it } from 'vitest';
import { PDF_FONT } from '../../../electron/main/printing/pdf-fonts';
import { scriptRuns } from '../../../electron/main/printing/script-runs';

const { text, arabic, hebrew, cjk } = PDF_FONT;

describe('scriptRuns: which font prints each part of a name, in drawing order', () => {
  it('keeps Latin with accents, Greek and Cyrillic in one run of the text font', () => {
    expect(scriptRuns('Zoë Ångström · Σοφία · Алексей')).toEqual([
      { text: 'Zoë Ångström · Σοφία · Алексей', font: text },
    ]);
  });

  it('keeps combining accents with their letter', () => {
    expect(scriptRuns('Adébáyọ̀')).toEqual([{ text: 'Adébáyọ̀', font: text }]);
  });

  it('prints CJK in the CJK font and the spaces between in the text font, which has them', () => {
    expect(scriptRuns('佐藤 美咲 (Sato)')).toEqual([
      { text: '佐藤', font: cjk },
      { text: ' ', font: text },
      { text: '美咲', font: cjk },
      { text: ' (Sato)', font: text },
    ]);
  });

  it('draws a Hebrew phrase inside Latin text from its right end', () => {
    expect(scriptRuns('Dr. דוד כהן (Tel Aviv)')).toEqual([
      { text: 'Dr. ', font: text },
      { text: 'כהן', font: hebrew },
      { text: ' ', font: text },
      { text: 'דוד', font: hebrew },
      { text: ' (Tel Aviv)', font: text },
    ]);
  });

  it('keeps numbers in reading order inside Arabic text', () => {
    expect(scriptRuns('شارع 15 بيروت')).toEqual([
      { text: 'بيروت', font: arabic },
      { text: ' 15 ', font: text },
      { text: 'شارع', font: arabic },
    ]);
  });

  it('prints an empty string as one empty run rather than nothing', () => {
    expect(scriptRuns('')).toEqual([{ text: '', font: text }]);
  });
});
