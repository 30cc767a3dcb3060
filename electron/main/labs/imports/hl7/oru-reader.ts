import type {
  IncomingLabReport,
  IncomingLabResult,
  LabComparator,
  LabFlag,
  LabResultStatus,
} from '../../../../../shared/domain/lab';
import type { LabImportProblem } from '../../../../../shared/domain/lab-import';
import { zonedToUtcLenient } from '../../../../../shared/zoned-time';
import { t } from '../../../i18n/translate';
import { toUcum } from '../../results/units';
import { checkNotFuture, LabReadError, type LabFileReading } from '../lab-import-problem';
import {
  component,
  isHl7Message,
  rawField,
  repetitions,
  splitHl7File,
  type Hl7Message,
  type Hl7Segment,
  type Hl7Separators,
} from './hl7-message';

/**
 * HL7 v2 ORU^R01 (versions 2.3 to 2.5.1) to IncomingLabReport: one report per OBR group, with its
 * OBX results and NTE notes. A message with anything wrong is set aside whole with the segment at
 * fault; the rest of the file is read.
 */

export const ORU_VERSIONS = ['2.3', '2.3.1', '2.4', '2.5', '2.5.1'] as const;

export interface OruReadOptions {
  fileName: string;
  now: Date;
  /** The clinic's zone, for times sent without an offset. */
  timeZone: string;
}

const LOINC = 'http://loinc.org';

/** HL7 table 0078 (abnormal flags) to ours; codes with no meaning for a single value map to none. */
const FLAGS: Record<string, LabFlag> = {
  N: 'N',
  L: 'L',
  H: 'H',
  LL: 'LL',
  HH: 'HH',
  A: 'A',
  AA: 'AA',
  '<': 'L',
  '>': 'H',
  LU: 'L',
  HU: 'H',
  POS: 'A',
  DET: 'A',
  NEG: 'N',
  ND: 'N',
};

/** HL7 table 0085 (observation result status) / 0123 (result status) to ours. */
function statusOf(code: string): LabResultStatus {
  switch (code.toUpperCase()) {
    case 'C':
      return 'corrected';
    case 'X':
    case 'D':
    case 'W':
      return 'cancelled';
    case 'P':
    case 'R':
    case 'I':
    case 'S':
    case 'A':
      return 'preliminary';
    default:
      return 'final';
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function parseHl7Number(text: string): number | null {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** "3.5-5.0", "3.5 - 5.0", "-1--0.5", "<5", "<=5", ">10": low and high; anything else only as text. */
export function parseReferenceRange(text: string): { low: number | null; high: number | null } {
  const s = text.trim();
  const between = /^([+-]?\d+(?:\.\d+)?)\s*(?:-|–|to)\s*([+-]?\d+(?:\.\d+)?)$/.exec(s);
  if (between) return { low: Number(between[1]), high: Number(between[2]) };
  const bound = /^(<=|>=|<|>)\s*([+-]?\d+(?:\.\d+)?)$/.exec(s);
  if (bound) {
    const n = Number(bound[2]);
    return bound[1]!.startsWith('<') ? { low: null, high: n } : { low: n, high: null };
  }
  return { low: null, high: null };
}

/**
 * HL7 DTM (YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ]) to UTC ISO. Without an offset, the clinic's zone.
 * Null when empty; throws a LabReadError when not a time.
 */
export function parseHl7Time(text: string, timeZone: string, segment: string): string | null {
  const s = text.trim();
  if (s === '') return null;
  const m = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,4}))?([+-]\d{4})?$/.exec(s);
  if (!m) throw new LabReadError(segment, 'errors.labs.imports.badTime', { time: s });
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', frac = '', zone] = m;
  const date = `${y}-${mo}-${d}`;
  const probe = new Date(`${date}T00:00:00Z`);
  if (
    Number.isNaN(probe.getTime()) ||
    probe.toISOString().slice(0, 10) !== date ||
    +h! > 23 ||
    +mi! > 59 ||
    +se! > 59
  ) {
    throw new LabReadError(segment, 'errors.labs.imports.badTime', { time: s });
  }
  const ms = Math.round(Number(`0.${frac || '0'}`) * 1000);
  if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const offsetMin = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
    const utc = Date.UTC(+y!, +mo - 1, +d, +h!, +mi!, +se!, ms) - offsetMin * 60_000;
    return new Date(utc).toISOString();
  }
  const base = Date.parse(zonedToUtcLenient(date, `${h}:${mi}`, timeZone));
  return new Date(base + Number(se) * 1000 + ms).toISOString();
}

function birthDateOf(text: string, segment: string): string | null {
  const s = text.trim();
  if (s === '') return null;
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(s);
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  const probe = new Date(`${date}T00:00:00Z`);
  if (!m || Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== date) {
    throw new LabReadError(segment, 'errors.labs.imports.badBirthDate', { date: s });
  }
  return date;
}

const SEX: Record<string, string> = { M: 'male', F: 'female', O: 'other', U: 'unknown', A: 'other', N: 'unknown' };

function codeSystemOf(system: string): string {
  const s = system.trim().toUpperCase();
  if (s === 'LN' || s === 'LOINC') return LOINC;
  return s === '' ? 'urn:chartbook:lab-local' : `urn:chartbook:lab-local:${system.trim()}`;
}

const where = (seg: Hl7Segment, field?: number) =>
  field === undefined ? `${seg.name} ${seg.position}` : `${seg.name} ${seg.position} (${seg.name}-${field})`;

/** Reads every message of an ORU file. */
export function readOruFile(text: string, options: OruReadOptions): LabFileReading {
  const reports: IncomingLabReport[] = [];
  const problems: LabImportProblem[] = [];
  for (const part of splitHl7File(text)) {
    if (!isHl7Message(part)) {
      problems.push({
        fileName: options.fileName,
        location: t('errors.labs.imports.where.messageAt', { number: part.number }),
        segment: part.problem === 'noHeader' ? '' : 'MSH 1',
        message: t(part.problem === 'noHeader' ? 'errors.labs.imports.noHeader' : 'errors.labs.imports.badHeader'),
      });
      continue;
    }
    const controlId = part.segments[0] ? component(part.segments[0], part.separators, 10) : '';
    const location = controlId
      ? t('errors.labs.imports.where.messageWithId', { number: part.number, controlId })
      : t('errors.labs.imports.where.messageAt', { number: part.number });
    try {
      reports.push(...readOruMessage(part, location, options));
    } catch (error) {
      if (!(error instanceof LabReadError)) throw error;
      problems.push({ fileName: options.fileName, location, segment: error.segment, message: error.text() });
    }
  }
  return { format: 'hl7v2', reports, problems };
}

interface ObrGroup {
  orc: Hl7Segment | null;
  obr: Hl7Segment;
  notes: string[];
  results: Array<{ obx: Hl7Segment; notes: string[] }>;
}

interface PatientGroup {
  pid: Hl7Segment;
  orders: ObrGroup[];
}

/** Groups the segments of one message the way ORU^R01 nests them, refusing segments out of order. */
function groupsOf(message: Hl7Message): PatientGroup[] {
  const groups: PatientGroup[] = [];
  let patient: PatientGroup | null = null;
  let pendingOrc: Hl7Segment | null = null;
  let order: ObrGroup | null = null;
  for (const seg of message.segments.slice(1)) {
    if (!/^[A-Z][A-Z0-9]{2}$/.test(seg.name))
      throw new LabReadError(where(seg), 'errors.labs.imports.badSegment', { name: seg.name.slice(0, 10) });
    switch (seg.name) {
      case 'PID':
        patient = { pid: seg, orders: [] };
        groups.push(patient);
        order = null;
        pendingOrc = null;
        break;
      case 'ORC':
        if (!patient)
          throw new LabReadError(where(seg), 'errors.labs.imports.outOfOrder', { segment: 'ORC', before: 'PID' });
        pendingOrc = seg;
        order = null;
        break;
      case 'OBR':
        if (!patient)
          throw new LabReadError(where(seg), 'errors.labs.imports.outOfOrder', { segment: 'OBR', before: 'PID' });
        order = { orc: pendingOrc, obr: seg, notes: [], results: [] };
        patient.orders.push(order);
        pendingOrc = null;
        break;
      case 'OBX':
        if (!order)
          throw new LabReadError(where(seg), 'errors.labs.imports.outOfOrder', { segment: 'OBX', before: 'OBR' });
        order.results.push({ obx: seg, notes: [] });
        break;
      case 'NTE': {
        const note = noteText(seg, message.separators);
        if (order) {
          const last = order.results[order.results.length - 1];
          (last ? last.notes : order.notes).push(note);
        }
        break;
      }
      default:
        // PD1, PV1, PV2, TQ1, SPM, SFT, CTI, FT1, DSC, Z-segments: nothing we keep.
        break;
    }
  }
  if (groups.length === 0) throw new LabReadError(`MSH 1`, 'errors.labs.imports.noPatient');
  for (const group of groups) {
    if (group.orders.length === 0) throw new LabReadError(where(group.pid), 'errors.labs.imports.noOrder');
    for (const o of group.orders)
      if (o.results.length === 0) throw new LabReadError(where(o.obr), 'errors.labs.imports.noResults');
  }
  return groups;
}

function noteText(seg: Hl7Segment, s: Hl7Separators): string {
  const lines: string[] = [];
  for (let r = 0; r < Math.max(1, repetitions(seg, s, 3)); r++) lines.push(component(seg, s, 3, 1, r));
  return lines.join('\n').trim();
}

function readOruMessage(message: Hl7Message, location: string, options: OruReadOptions): IncomingLabReport[] {
  const s = message.separators;
  const msh = message.segments[0]!;
  const type = component(msh, s, 9, 1);
  const event = component(msh, s, 9, 2);
  if (type !== 'ORU' || (event !== 'R01' && event !== '')) {
    throw new LabReadError(where(msh, 9), 'errors.labs.imports.notOru', {
      type: [type, event].filter(Boolean).join('^') || '-',
    });
  }
  const version = component(msh, s, 12, 1);
  if (!(ORU_VERSIONS as readonly string[]).includes(version)) {
    throw new LabReadError(where(msh, 12), 'errors.labs.imports.unknownVersion', { version: version || '-' });
  }
  const controlId = component(msh, s, 10);
  if (controlId === '') throw new LabReadError(where(msh, 10), 'errors.labs.imports.noControlId');
  const facility = component(msh, s, 4, 1) || component(msh, s, 4, 2);
  const sentAt = parseHl7Time(component(msh, s, 7), options.timeZone, where(msh, 7));

  const reports: IncomingLabReport[] = [];
  for (const group of groupsOf(message)) {
    const patient = patientOf(group.pid, s);
    for (const [index, order] of group.orders.entries()) {
      reports.push(reportOf(order, index, { s, facility, controlId, sentAt, location, patient, options }));
    }
  }
  return reports;
}

function patientOf(pid: Hl7Segment, s: Hl7Separators): IncomingLabReport['patient'] {
  const identifiers: IncomingLabReport['patient']['identifiers'] = [];
  // PID-3 (patient identifier list), and PID-2 (external id) and PID-4 (alternate) of 2.3 messages.
  for (const n of [3, 2, 4]) {
    for (let r = 0; r < repetitions(pid, s, n); r++) {
      const value = component(pid, s, n, 1, r).trim();
      if (value === '') continue;
      const system = component(pid, s, n, 4, r) || component(pid, s, n, 5, r);
      identifiers.push({ value, system });
    }
  }
  return {
    identifiers,
    familyName: component(pid, s, 5, 1).trim(),
    givenName: [component(pid, s, 5, 2), component(pid, s, 5, 3)].filter((p) => p.trim() !== '').join(' '),
    birthDate: birthDateOf(component(pid, s, 7), where(pid, 7)),
    sex: SEX[component(pid, s, 8).trim().toUpperCase()] ?? null,
  };
}

interface ReportContext {
  s: Hl7Separators;
  facility: string;
  controlId: string;
  sentAt: string | null;
  location: string;
  patient: IncomingLabReport['patient'];
  options: OruReadOptions;
}

function reportOf(order: ObrGroup, index: number, c: ReportContext): IncomingLabReport {
  const { s, options } = c;
  const obr = order.obr;
  const placer = component(obr, s, 2) || (order.orc ? component(order.orc, s, 2) : '');
  const code = component(obr, s, 4, 1) || component(obr, s, 4, 4);
  if (code === '') throw new LabReadError(where(obr, 4), 'errors.labs.imports.noCode');
  const observedAt = parseHl7Time(component(obr, s, 7), options.timeZone, where(obr, 7));
  const issuedAt = parseHl7Time(component(obr, s, 22), options.timeZone, where(obr, 22));
  checkNotFuture(observedAt, options.now, where(obr, 7));
  const setId = component(obr, s, 1) || String(index + 1);
  const results = order.results.map((r, i) => resultOf(r.obx, r.notes, i, observedAt, c));
  const reportTime = observedAt ?? results.find((r) => r.observedAt)?.observedAt ?? c.sentAt;
  if (!reportTime) throw new LabReadError(where(obr, 7), 'errors.labs.imports.noTime');
  return {
    source: 'hl7v2',
    sourceKey: `hl7v2:${c.facility}|${c.controlId}|${setId}`,
    fileName: options.fileName,
    location: c.location,
    orderNumber: placer.trim() || null,
    patient: c.patient,
    code,
    codeSystem: codeSystemOf(component(obr, s, 4, 3)),
    name: component(obr, s, 4, 2) || code,
    performer: c.facility,
    status: statusOf(component(obr, s, 25)),
    observedAt: reportTime,
    issuedAt,
    comment: order.notes.join('\n'),
    results,
  };
}

function resultOf(
  obx: Hl7Segment,
  notes: string[],
  index: number,
  reportTime: string | null,
  c: ReportContext,
): IncomingLabResult {
  const { s, options } = c;
  const type = component(obx, s, 2).trim().toUpperCase();
  const code = component(obx, s, 3, 1) || component(obx, s, 3, 4);
  if (code === '') throw new LabReadError(where(obx, 3), 'errors.labs.imports.noCode');
  const observedAt = parseHl7Time(component(obx, s, 14), options.timeZone, where(obx, 14)) ?? reportTime;
  checkNotFuture(observedAt, options.now, where(obx, 14));
  const unit = (component(obx, s, 6, 1) || component(obx, s, 6, 2)).trim();
  const refText = component(obx, s, 7).trim();
  const range = parseReferenceRange(refText);
  const flagCode = component(obx, s, 8).trim().toUpperCase();
  const value = valueOf(obx, type, c);
  if (value.valueType === 'numeric' && unit !== '' && toUcumCached(unit) === null) {
    throw new LabReadError(where(obx, 6), 'errors.labs.imports.unknownUnit', { unit });
  }
  return {
    setId: component(obx, s, 1) || String(index + 1),
    code,
    codeSystem: codeSystemOf(component(obx, s, 3, 3)),
    name: component(obx, s, 3, 2) || code,
    ...value,
    unit,
    refLow: range.low,
    refHigh: range.high,
    refText,
    flag: FLAGS[flagCode] ?? null,
    status: statusOf(component(obx, s, 11)),
    observedAt,
    comment: notes.join('\n'),
  };
}

type ResultValue = Pick<IncomingLabResult, 'valueType' | 'valueNum' | 'comparator' | 'valueText'>;

const COMPARATORS: readonly string[] = ['<', '<=', '>', '>='];

function valueOf(obx: Hl7Segment, type: string, c: ReportContext): ResultValue {
  const { s } = c;
  const at = where(obx, 5);
  const reps = repetitions(obx, s, 5);
  switch (type) {
    case 'NM': {
      const text = component(obx, s, 5).trim();
      // Labs often send "<0.5" in an NM field; the comparator is kept, as an SN would carry it.
      const m = /^(<=|>=|<|>)?\s*(.*)$/.exec(text)!;
      const valueNum = parseHl7Number(m[2]!);
      if (valueNum === null)
        throw new LabReadError(at, 'errors.labs.imports.notANumber', { value: text.slice(0, 40) || '-' });
      return { valueType: 'numeric', valueNum, comparator: (m[1] as LabComparator) ?? null, valueText: '' };
    }
    case 'SN': {
      const comparator = component(obx, s, 5, 1).trim();
      const first = component(obx, s, 5, 2).trim();
      const separator = component(obx, s, 5, 3).trim();
      const second = component(obx, s, 5, 4).trim();
      if (comparator !== '' && comparator !== '=' && !COMPARATORS.includes(comparator)) {
        throw new LabReadError(at, 'errors.labs.imports.notANumber', { value: rawField(obx, 5).slice(0, 40) });
      }
      const valueNum = parseHl7Number(first);
      if (valueNum === null)
        throw new LabReadError(at, 'errors.labs.imports.notANumber', { value: rawField(obx, 5).slice(0, 40) || '-' });
      if (separator !== '' || second !== '') {
        // A ratio (1:128) or a range (2-4): kept as text, as sent.
        if (parseHl7Number(second) === null)
          throw new LabReadError(at, 'errors.labs.imports.notANumber', { value: rawField(obx, 5).slice(0, 40) });
        return {
          valueType: 'text',
          valueNum: null,
          comparator: null,
          valueText: `${comparator === '=' ? '' : comparator}${first}${separator}${second}`,
        };
      }
      return {
        valueType: 'numeric',
        valueNum,
        comparator: comparator === '' || comparator === '=' ? null : (comparator as LabComparator),
        valueText: '',
      };
    }
    case 'CE':
    case 'CWE':
    case 'CNE':
    case 'CF': {
      const texts: string[] = [];
      for (let r = 0; r < Math.max(1, reps); r++) {
        texts.push(component(obx, s, 5, 2, r) || component(obx, s, 5, 1, r));
      }
      const valueText = texts.filter(Boolean).join('; ');
      if (valueText === '') throw new LabReadError(at, 'errors.labs.imports.noValue');
      return { valueType: 'coded', valueNum: null, comparator: null, valueText };
    }
    case 'ST':
    case 'TX':
    case 'FT':
    case '': {
      const lines: string[] = [];
      for (let r = 0; r < Math.max(1, reps); r++) lines.push(component(obx, s, 5, 1, r));
      const valueText = lines.join('\n').trim();
      if (valueText === '' && statusOf(component(obx, s, 11)) !== 'cancelled')
        throw new LabReadError(at, 'errors.labs.imports.noValue');
      return { valueType: 'text', valueNum: null, comparator: null, valueText };
    }
    default:
      throw new LabReadError(where(obx, 2), 'errors.labs.imports.unknownValueType', { type });
  }
}

const units = new Map<string, string | null>();

/** UCUM look-ups cost a parse each; a file repeats a few dozen units thousands of times. */
function toUcumCached(unit: string): string | null {
  let known = units.get(unit);
  if (known === undefined) {
    known = toUcum(unit);
    units.set(unit, known);
  }
  return known;
}
