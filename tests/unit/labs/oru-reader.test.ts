import { describe, expect, it } from 'vitest';
import { decodeHl7Escapes, splitHl7File } from '../../../electron/main/labs/imports/hl7/hl7-message';
import { parseHl7Time, parseReferenceRange, readOruFile } from '../../../electron/main/labs/imports/hl7/oru-reader';

const NOW = new Date('2026-03-10T12:00:00Z');
const options = { fileName: 'results.hl7', now: NOW, timeZone: 'Europe/Berlin' };
const read = (text: string) => readOruFile(text, options);

function oru(
  obx: string[],
  {
    version = '2.5.1',
    control = 'MSG0001',
    pid = 'PID|1||MRN-000123^^^RIVERSIDE^MR||García^José^Luis||19800229|M',
    obr = 'OBR|1|LAB-20260310-ABC123|F998|24331-1^Lipid panel^LN|||202603100830+0100|||||||||||||||202603101000+0100|||F',
    encoding = '^~\\&',
    field = '|',
  } = {},
): string {
  const lines = [
    `MSH${field}${encoding}${field}LABSYS${field}CITYLAB${field}CHARTBOOK${field}RIVERSIDE${field}202603101005+0100${field}${field}ORU^R01^ORU_R01${field}${control}${field}P${field}${version}`,
    pid,
    'ORC|RE|LAB-20260310-ABC123',
    obr,
    ...obx,
  ];
  return lines.map((l) => (field === '|' ? l : l.split('|').join(field))).join('\r') + '\r';
}

describe('HL7 v2 escape sequences', () => {
  const s = { field: '|', component: '^', repetition: '~', escape: '\\', subcomponent: '&' };
  it('decodes the separators, hex bytes as UTF-8 and line breaks', () => {
    expect(decodeHl7Escapes('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f', s)).toBe('a|b^c&d~e\\f');
    expect(decodeHl7Escapes('Jos\\XC3A9\\', s)).toBe('José');
    expect(decodeHl7Escapes('line 1\\.br\\line 2', s)).toBe('line 1\nline 2');
    expect(decodeHl7Escapes('\\H\\bold\\N\\', s)).toBe('bold');
    expect(decodeHl7Escapes('no escapes', s)).toBe('no escapes');
    // Unknown sequences and a lone escape character stay as sent.
    expect(decodeHl7Escapes('\\Q\\ and \\', s)).toBe('\\Q\\ and \\');
  });
});

describe('reading ORU^R01', () => {
  it('reads each value type with its unit, range, flag, status and notes', () => {
    const { reports, problems } = read(
      oru([
        'OBX|1|NM|2093-3^Cholesterol^LN||5.8|mmol/L|3.5-5.0|H|||F|||202603100830+0100',
        'NTE|1||Fasting \\T\\ rested',
        'OBX|2|SN|2571-8^Triglyceride^LN||<^0.5|mmol/L|<1.7|N|||F',
        'OBX|3|ST|8251-1^Comment^LN||Sample slightly haemolysed \\F\\ repeat advised||||||P',
        'OBX|4|TX|8252-9^Remarks^LN||First line~Second line||||||C',
        'OBX|5|CWE|5778-6^Urine colour^LN||YEL^Yellow^L||||||F',
        'OBX|6|CE|5799-2^Leukocyte esterase^LN||NEG^Negative^L|||N|||F',
        'OBX|7|SN|5130-0^Titre^LN||^1^:^128|||A|||F',
        'OBX|8|NM|2085-9^HDL^LN||0.6|mmol/L|>1.0|LL|||X',
      ]),
    );
    expect(problems).toEqual([]);
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report).toMatchObject({
      source: 'hl7v2',
      sourceKey: 'hl7v2:CITYLAB|MSG0001|1',
      orderNumber: 'LAB-20260310-ABC123',
      code: '24331-1',
      codeSystem: 'http://loinc.org',
      name: 'Lipid panel',
      performer: 'CITYLAB',
      status: 'final',
      observedAt: '2026-03-10T07:30:00.000Z',
      issuedAt: '2026-03-10T09:00:00.000Z',
      patient: {
        identifiers: [{ value: 'MRN-000123', system: 'RIVERSIDE' }],
        familyName: 'García',
        givenName: 'José Luis',
        birthDate: '1980-02-29',
        sex: 'male',
      },
    });
    const r = report!.results;
    expect(r[0]).toMatchObject({
      valueType: 'numeric',
      valueNum: 5.8,
      comparator: null,
      unit: 'mmol/L',
      refLow: 3.5,
      refHigh: 5,
      refText: '3.5-5.0',
      flag: 'H',
      status: 'final',
      comment: 'Fasting & rested',
    });
    expect(r[1]).toMatchObject({
      valueType: 'numeric',
      valueNum: 0.5,
      comparator: '<',
      refLow: null,
      refHigh: 1.7,
      flag: 'N',
    });
    expect(r[2]).toMatchObject({
      valueType: 'text',
      valueText: 'Sample slightly haemolysed | repeat advised',
      status: 'preliminary',
    });
    expect(r[3]).toMatchObject({ valueType: 'text', valueText: 'First line\nSecond line', status: 'corrected' });
    expect(r[4]).toMatchObject({ valueType: 'coded', valueText: 'Yellow' });
    expect(r[5]).toMatchObject({ valueType: 'coded', valueText: 'Negative', flag: 'N' });
    expect(r[6]).toMatchObject({ valueType: 'text', valueText: '1:128', flag: 'A' });
    expect(r[7]).toMatchObject({ refLow: 1, refHigh: null, flag: 'LL', status: 'cancelled' });
  });

  it('reads versions 2.3 to 2.5.1, MLLP framing, several messages and CRLF or LF endings', () => {
    const messages = ['2.3', '2.3.1', '2.4', '2.5', '2.5.1'].map((version, i) =>
      oru(['OBX|1|NM|2345-7^Glucose^LN||5.4|mmol/L|3.9-5.5|N|||F'], { version, control: `C${i}` }),
    );
    const framed = messages.map((m) => `\x0b${m}\x1c\r`).join('');
    const framedReading = read(framed);
    expect(framedReading.problems).toEqual([]);
    expect(framedReading.reports.map((r) => r.sourceKey)).toEqual(
      ['C0', 'C1', 'C2', 'C3', 'C4'].map((c) => `hl7v2:CITYLAB|${c}|1`),
    );
    const plain = read(messages.map((m) => m.replace(/\r/g, '\n')).join('\n'));
    expect(plain.reports).toHaveLength(5);
    expect(read(messages.join('').replace(/\r/g, '\r\n')).reports).toHaveLength(5);
  });

  it('takes the separators from MSH, whatever they are', () => {
    const text = [
      'MSH#$*@%#LAB#CITYLAB###20260310##ORU$R01#SEP1#P#2.4',
      'PID#1##MRN-1$$$X##Okafor$Amara##19700101#F',
      'OBR#1#LAB-1##2345-7$Glucose$LN###202603100830',
      // @F@ is the field separator escaped; * repeats; % splits subcomponents.
      'OBX#1#NM#2345-7$Glucose$LN##6.1#mmol/L#3.9-5.5#H###F',
      'OBX#2#ST#8251-1$Note$LN##a@F@b$x*c%d###',
    ].join('\r');
    const { reports, problems } = read(text);
    expect(problems).toEqual([]);
    expect(reports[0]!.results[0]).toMatchObject({ code: '2345-7', valueNum: 6.1, unit: 'mmol/L', flag: 'H' });
    expect(reports[0]!.results[1]).toMatchObject({ valueText: 'a#b\nc' });
    expect(reports[0]!.patient).toMatchObject({ identifiers: [{ value: 'MRN-1', system: 'X' }], givenName: 'Amara' });
  });

  it('makes one report per OBR group', () => {
    const { reports } = read(
      oru([
        'OBX|1|NM|2345-7^Glucose^LN||5.4|mmol/L|3.9-5.5||||F',
        'OBR|2|LAB-20260310-ABC123||4548-4^HbA1c^LN|||202603100830',
        'OBX|1|NM|4548-4^HbA1c^LN||6.1|%|4-6|H|||F',
      ]),
    );
    expect(reports.map((r) => [r.sourceKey, r.code, r.results.length])).toEqual([
      ['hl7v2:CITYLAB|MSG0001|1', '24331-1', 1],
      ['hl7v2:CITYLAB|MSG0001|2', '4548-4', 1],
    ]);
  });

  it('reads ranges and times', () => {
    expect(parseReferenceRange('3.5 - 5.0')).toEqual({ low: 3.5, high: 5 });
    expect(parseReferenceRange('-1.5--0.5')).toEqual({ low: -1.5, high: -0.5 });
    expect(parseReferenceRange('<=5')).toEqual({ low: null, high: 5 });
    expect(parseReferenceRange('>10')).toEqual({ low: 10, high: null });
    expect(parseReferenceRange('negative')).toEqual({ low: null, high: null });
    expect(parseHl7Time('20260310083015.25-0500', 'Europe/Berlin', 'x')).toBe('2026-03-10T13:30:15.250Z');
    // No offset: the clinic's zone (Berlin, UTC+1 in March).
    expect(parseHl7Time('202603100830', 'Europe/Berlin', 'x')).toBe('2026-03-10T07:30:00.000Z');
    expect(parseHl7Time('20260310', 'Europe/Berlin', 'x')).toBe('2026-03-09T23:00:00.000Z');
  });
});

describe('a malformed message is reported with its file, message and segment; the rest of the file imports', () => {
  const good = (control: string) => oru(['OBX|1|NM|2345-7^Glucose^LN||5.4|mmol/L|3.9-5.5||||F'], { control });
  const cases: Array<[string, string, string, RegExp]> = [
    ['truncated (no results)', oru([], { control: 'BAD' }), 'OBR 4', /no results/],
    [
      'truncated (cut inside the patient)',
      'MSH|^~\\&|LAB|CITYLAB|||20260310||ORU^R01|BAD|P|2.5\rPID|1||MRN\r',
      'PID 2',
      /no order/,
    ],
    [
      'OBX before OBR',
      oru([], { control: 'BAD', obr: 'OBX|1|NM|2345-7^Glucose^LN||5.4|mmol/L' }),
      'OBX 4',
      /out of order/,
    ],
    [
      'OBR before PID',
      oru(['OBX|1|NM|1^G^LN||1|mmol/L'], { control: 'BAD', pid: 'NTE|1||x' }).replace(
        'ORC|RE|LAB-20260310-ABC123\r',
        '',
      ),
      'OBR 3',
      /before any PID/,
    ],
    [
      'unknown version',
      oru(['OBX|1|NM|2345-7^Glucose^LN||5.4|mmol/L'], { control: 'BAD', version: '2.9' }),
      'MSH 1 (MSH-12)',
      /version 2\.9/,
    ],
    [
      'a number that does not parse',
      oru(['OBX|1|NM|2345-7^Glucose^LN||5,4x|mmol/L'], { control: 'BAD' }),
      'OBX 5 (OBX-5)',
      /"5,4x" is not a number/,
    ],
    [
      'an SN that does not parse',
      oru(['OBX|1|SN|2345-7^Glucose^LN||~^abc|mmol/L'], { control: 'BAD' }),
      'OBX 5 (OBX-5)',
      /not a number/,
    ],
    [
      'a unit UCUM does not know',
      oru(['OBX|1|NM|2345-7^Glucose^LN||5.4|furlongs/fortnight'], { control: 'BAD' }),
      'OBX 5 (OBX-6)',
      /"furlongs\/fortnight" is not a unit/,
    ],
    [
      'a time in the future',
      oru(['OBX|1|NM|2345-7^Glucose^LN||5.4|mmol/L||||||||20270101'], { control: 'BAD' }),
      'OBX 5 (OBX-14)',
      /in the future/,
    ],
    [
      'not a time',
      oru(['OBX|1|NM|2345-7^Glucose^LN||5.4|mmol/L||||||||2026-03-10'], { control: 'BAD' }),
      'OBX 5 (OBX-14)',
      /not a date and time/,
    ],
    ['not a result message', good('BAD').replace('ORU^R01^ORU_R01', 'ADT^A01'), 'MSH 1 (MSH-9)', /ADT\^A01 message/],
    ['an unknown value type', oru(['OBX|1|ZZ|2345-7^Glucose^LN||5.4'], { control: 'BAD' }), 'OBX 5 (OBX-2)', /"ZZ"/],
  ];
  for (const [name, bad, segment, message] of cases) {
    it(name, () => {
      const { reports, problems } = read(good('A1') + bad + good('A2'));
      expect(reports.map((r) => r.sourceKey)).toEqual(['hl7v2:CITYLAB|A1|1', 'hl7v2:CITYLAB|A2|1']);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ fileName: 'results.hl7', location: 'message 2 (control id BAD)', segment });
      expect(problems[0]!.message).toMatch(message);
    });
  }

  it('text before the first header is reported, and the messages after it read', () => {
    const { reports, problems } = read('garbage line\r' + good('A1'));
    expect(reports).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({
        location: 'message 1',
        message: expect.stringMatching(/before the first message header/),
      }),
    ]);
    expect(splitHl7File('garbage\r' + good('A1'))).toHaveLength(2);
  });
});
