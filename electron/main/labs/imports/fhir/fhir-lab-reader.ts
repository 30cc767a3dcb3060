import type { IncomingLabReport, IncomingLabResult, LabFlag, LabResultStatus } from '../../../../../shared/domain/lab';
import type { LabImportProblem } from '../../../../../shared/domain/lab-import';
import { t } from '../../../i18n/translate';
import { toUcum } from '../../results/units';
import { checkNotFuture, LabReadError, type LabFileReading } from '../lab-import-problem';

/**
 * FHIR R4 Bundles (collection, transaction, batch, searchset) of DiagnosticReport and Observation,
 * with their Patient contained or in the bundle, to IncomingLabReport. An Observation that no report
 * lists becomes a report of its own. A resource with anything wrong is set aside with its path.
 */

type Json = Record<string, unknown>;

const BUNDLE_TYPES = ['collection', 'transaction', 'batch', 'searchset'];
const LOINC = 'http://loinc.org';

const obj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const INTERPRETATION: Record<string, LabFlag> = {
  N: 'N',
  L: 'L',
  H: 'H',
  LL: 'LL',
  HH: 'HH',
  A: 'A',
  AA: 'AA',
  LU: 'L',
  HU: 'H',
  POS: 'A',
  DET: 'A',
  NEG: 'N',
  ND: 'N',
};

function statusOf(status: string): LabResultStatus {
  switch (status) {
    case 'preliminary':
    case 'registered':
    case 'partial':
      return 'preliminary';
    case 'corrected':
    case 'amended':
      return 'corrected';
    case 'cancelled':
    case 'entered-in-error':
      return 'cancelled';
    default:
      return 'final';
  }
}

export interface FhirReadOptions {
  fileName: string;
  now: Date;
}

/** The first coding, LOINC first: code, system, display. */
function codingOf(concept: unknown): { code: string; system: string; display: string } {
  const c = obj(concept);
  const codings = arr(c?.coding)
    .map(obj)
    .filter((x): x is Json => x !== null);
  const chosen = codings.find((x) => str(x.system) === LOINC) ?? codings[0];
  return {
    code: str(chosen?.code),
    system: str(chosen?.system) || 'urn:chartbook:lab-local',
    display: str(chosen?.display) || str(c?.text),
  };
}

function instant(value: unknown, path: string): string | null {
  const s = str(value);
  if (s === '') return null;
  // A date alone (YYYY, YYYY-MM, YYYY-MM-DD) is read as midnight UTC; a dateTime has its offset.
  const iso = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s) ? `${s.padEnd(7, '-01').padEnd(10, '-01')}T00:00:00Z` : s;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new LabReadError(path, 'errors.labs.imports.badTime', { time: s.slice(0, 40) });
  return new Date(ms).toISOString();
}

export function readFhirLabFile(text: string, options: FhirReadOptions): LabFileReading {
  const problems: LabImportProblem[] = [];
  const reports: IncomingLabReport[] = [];
  const fail = (location: string, segment: string, key: string, params: Record<string, string> = {}) =>
    problems.push({
      fileName: options.fileName,
      location,
      segment,
      message: t(key, params),
    });
  let bundle: Json | null;
  try {
    bundle = obj(JSON.parse(text));
  } catch {
    fail(t('errors.labs.imports.where.wholeFile'), '', 'errors.labs.imports.notJson');
    return { format: 'fhir', reports, problems };
  }
  if (!bundle || bundle.resourceType !== 'Bundle' || !BUNDLE_TYPES.includes(str(bundle.type))) {
    fail(t('errors.labs.imports.where.wholeFile'), 'Bundle.type', 'errors.labs.imports.notBundle');
    return { format: 'fhir', reports, problems };
  }

  const entries = arr(bundle.entry).map((e, i) => ({
    index: i + 1,
    fullUrl: str(obj(e)?.fullUrl),
    resource: obj(obj(e)?.resource),
  }));
  const byRef = new Map<string, Json>();
  for (const e of entries) {
    if (!e.resource) continue;
    const type = str(e.resource.resourceType);
    const id = str(e.resource.id);
    if (e.fullUrl) byRef.set(e.fullUrl, e.resource);
    if (id) byRef.set(`${type}/${id}`, e.resource);
  }
  const resolve = (ref: unknown, container: Json): Json | null => {
    const reference = str(obj(ref)?.reference);
    if (reference === '') return null;
    if (reference.startsWith('#')) {
      return (
        arr(container.contained)
          .map(obj)
          .find((c) => c && str(c.id) === reference.slice(1)) ?? null
      );
    }
    const tail = reference.split('/').slice(-2).join('/');
    return byRef.get(reference) ?? byRef.get(tail) ?? null;
  };

  const listed = new Set<Json>();
  for (const e of entries) {
    if (e.resource?.resourceType !== 'DiagnosticReport') continue;
    for (const r of arr(e.resource.result)) {
      const o = resolve(r, e.resource);
      if (o) listed.add(o);
    }
  }

  for (const e of entries) {
    const resource = e.resource;
    if (!resource) continue;
    const type = str(resource.resourceType);
    if (type !== 'DiagnosticReport' && !(type === 'Observation' && !listed.has(resource))) continue;
    const location = t('errors.labs.imports.where.entryAt', {
      number: e.index,
      resource: `${type}/${str(resource.id) || '-'}`,
    });
    try {
      reports.push(
        type === 'DiagnosticReport'
          ? reportOf(resource, e.fullUrl, location, resolve, options)
          : loneObservation(resource, e.fullUrl, location, resolve, options),
      );
    } catch (error) {
      if (!(error instanceof LabReadError)) throw error;
      problems.push({ fileName: options.fileName, location, segment: error.segment, message: error.text() });
    }
  }
  if (reports.length === 0 && problems.length === 0)
    fail(t('errors.labs.imports.where.wholeFile'), 'Bundle.entry', 'errors.labs.imports.noReports');
  return { format: 'fhir', reports, problems };
}

type Resolve = (ref: unknown, container: Json) => Json | null;

function keyOf(resource: Json, fullUrl: string): string {
  const identifier = obj(arr(resource.identifier)[0]);
  if (identifier && str(identifier.value)) return `fhir:${str(identifier.system)}|${str(identifier.value)}`;
  const id = str(resource.id);
  if (id) return `fhir:${str(resource.resourceType)}/${id}`;
  if (fullUrl) return `fhir:${fullUrl}`;
  throw new LabReadError(`${str(resource.resourceType)}.id`, 'errors.labs.imports.noId');
}

function patientOf(subject: Json | null, type: string): IncomingLabReport['patient'] {
  if (!subject || subject.resourceType !== 'Patient')
    throw new LabReadError(`${type}.subject`, 'errors.labs.imports.noPatient');
  const name = obj(arr(subject.name)[0]);
  const birthDate = str(subject.birthDate);
  if (birthDate && !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    throw new LabReadError('Patient.birthDate', 'errors.labs.imports.badBirthDate', { date: birthDate.slice(0, 20) });
  }
  return {
    identifiers: arr(subject.identifier)
      .map(obj)
      .filter((i): i is Json => i !== null && str(i.value) !== '')
      .map((i) => ({ value: str(i.value), system: str(i.system) })),
    familyName: str(name?.family),
    givenName: arr(name?.given).map(str).filter(Boolean).join(' '),
    birthDate: birthDate || null,
    sex: str(subject.gender) || null,
  };
}

/** Our order number, when the report is based on a ServiceRequest whose identifier the lab kept. */
function orderNumberOf(resource: Json, resolve: Resolve): string | null {
  for (const based of arr(resource.basedOn)) {
    const direct = str(obj(obj(based)?.identifier)?.value);
    if (direct) return direct;
    const request = resolve(based, resource);
    const value = str(obj(arr(request?.identifier)[0])?.value);
    if (value) return value;
  }
  return null;
}

function effectiveOf(resource: Json, type: string): string | null {
  return (
    instant(resource.effectiveDateTime, `${type}.effectiveDateTime`) ??
    instant(obj(resource.effectivePeriod)?.start, `${type}.effectivePeriod`)
  );
}

function performerOf(resource: Json): string {
  return str(obj(arr(resource.performer)[0])?.display);
}

function reportOf(
  resource: Json,
  fullUrl: string,
  location: string,
  resolve: Resolve,
  o: FhirReadOptions,
): IncomingLabReport {
  const code = codingOf(resource.code);
  if (!code.code) throw new LabReadError('DiagnosticReport.code', 'errors.labs.imports.noCode');
  const observedAt = effectiveOf(resource, 'DiagnosticReport');
  checkNotFuture(observedAt, o.now, 'DiagnosticReport.effectiveDateTime');
  const results = arr(resource.result).map((ref, i) => {
    const observation = resolve(ref, resource);
    if (!observation || observation.resourceType !== 'Observation') {
      throw new LabReadError(`DiagnosticReport.result[${i}]`, 'errors.labs.imports.missingObservation', {
        reference: str(obj(ref)?.reference).slice(0, 80) || '-',
      });
    }
    return resultOf(observation, i, observedAt, o);
  });
  if (results.length === 0) throw new LabReadError('DiagnosticReport.result', 'errors.labs.imports.noResults');
  const when = observedAt ?? results.find((r) => r.observedAt)?.observedAt ?? null;
  if (!when) throw new LabReadError('DiagnosticReport.effectiveDateTime', 'errors.labs.imports.noTime');
  return {
    source: 'fhir',
    sourceKey: keyOf(resource, fullUrl),
    fileName: o.fileName,
    location,
    orderNumber: orderNumberOf(resource, resolve),
    patient: patientOf(resolve(resource.subject, resource), 'DiagnosticReport'),
    code: code.code,
    codeSystem: code.system,
    name: code.display || code.code,
    performer: performerOf(resource),
    status: statusOf(str(resource.status)),
    observedAt: when,
    issuedAt: instant(resource.issued, 'DiagnosticReport.issued'),
    comment: str(resource.conclusion),
    results,
  };
}

function loneObservation(
  resource: Json,
  fullUrl: string,
  location: string,
  resolve: Resolve,
  o: FhirReadOptions,
): IncomingLabReport {
  const result = resultOf(resource, 0, null, o);
  if (!result.observedAt) throw new LabReadError('Observation.effectiveDateTime', 'errors.labs.imports.noTime');
  return {
    source: 'fhir',
    sourceKey: keyOf(resource, fullUrl),
    fileName: o.fileName,
    location,
    orderNumber: orderNumberOf(resource, resolve),
    patient: patientOf(resolve(resource.subject, resource), 'Observation'),
    code: result.code,
    codeSystem: result.codeSystem,
    name: result.name,
    performer: performerOf(resource),
    status: result.status,
    observedAt: result.observedAt,
    issuedAt: instant(resource.issued, 'Observation.issued'),
    comment: '',
    results: [result],
  };
}

const COMPARATORS = ['<', '<=', '>', '>='] as const;

function resultOf(resource: Json, index: number, reportTime: string | null, o: FhirReadOptions): IncomingLabResult {
  const code = codingOf(resource.code);
  if (!code.code) throw new LabReadError('Observation.code', 'errors.labs.imports.noCode');
  const observedAt = effectiveOf(resource, 'Observation') ?? reportTime;
  checkNotFuture(observedAt, o.now, 'Observation.effectiveDateTime');
  const range = obj(arr(resource.referenceRange)[0]);
  const low = obj(range?.low)?.value;
  const high = obj(range?.high)?.value;
  const interpretation = codingOf(arr(resource.interpretation)[0]).code.toUpperCase();
  const base = {
    setId: String(index + 1),
    code: code.code,
    codeSystem: code.system,
    name: code.display || code.code,
    refLow: typeof low === 'number' && Number.isFinite(low) ? low : null,
    refHigh: typeof high === 'number' && Number.isFinite(high) ? high : null,
    refText:
      str(range?.text) ||
      (typeof low === 'number' || typeof high === 'number' ? `${low ?? ''}-${high ?? ''}`.replace(/^-|-$/, '') : ''),
    flag: INTERPRETATION[interpretation] ?? null,
    status: statusOf(str(resource.status)),
    observedAt,
    comment: arr(resource.note)
      .map((n) => str(obj(n)?.text))
      .filter(Boolean)
      .join('\n'),
  };
  const quantity = obj(resource.valueQuantity);
  if (quantity) {
    const value = quantity.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new LabReadError('Observation.valueQuantity.value', 'errors.labs.imports.notANumber', {
        value: String(value).slice(0, 40),
      });
    }
    const unit = str(quantity.code) || str(quantity.unit);
    if (unit !== '' && toUcum(unit) === null)
      throw new LabReadError('Observation.valueQuantity.unit', 'errors.labs.imports.unknownUnit', { unit });
    const comparator = str(quantity.comparator);
    return {
      ...base,
      valueType: 'numeric',
      valueNum: value,
      comparator: (COMPARATORS as readonly string[]).includes(comparator)
        ? (comparator as (typeof COMPARATORS)[number])
        : null,
      valueText: '',
      unit,
    };
  }
  if (typeof resource.valueString === 'string') {
    return { ...base, valueType: 'text', valueNum: null, comparator: null, valueText: resource.valueString, unit: '' };
  }
  if (obj(resource.valueCodeableConcept)) {
    const coded = codingOf(resource.valueCodeableConcept);
    const text = str(obj(resource.valueCodeableConcept)?.text) || coded.display || coded.code;
    return { ...base, valueType: 'coded', valueNum: null, comparator: null, valueText: text, unit: '' };
  }
  if (base.status === 'cancelled')
    return { ...base, valueType: 'text', valueNum: null, comparator: null, valueText: '', unit: '' };
  throw new LabReadError('Observation.value[x]', 'errors.labs.imports.noValue');
}
