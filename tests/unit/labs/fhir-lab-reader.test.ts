import { describe, expect, it } from 'vitest';
import { readFhirLabFile } from '../../../electron/main/labs/imports/fhir/fhir-lab-reader';

const NOW = new Date('2026-03-10T12:00:00Z');
const read = (bundle: unknown) => readFhirLabFile(JSON.stringify(bundle), { fileName: 'lab.json', now: NOW });

const patient = {
  resourceType: 'Patient',
  id: 'p1',
  identifier: [{ system: 'urn:riverside:mrn', value: 'MRN-000123' }],
  name: [{ family: 'García', given: ['José', 'Luis'] }],
  birthDate: '1980-02-29',
  gender: 'male',
};

function observation(id: string, value: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: '2026-03-10T08:30:00+01:00',
    ...value,
    ...extra,
  };
}

function bundle(type: string, resources: unknown[]) {
  return {
    resourceType: 'Bundle',
    type,
    entry: resources.map((resource, i) => ({ fullUrl: `urn:uuid:e${i}`, resource })),
  };
}

const report = {
  resourceType: 'DiagnosticReport',
  id: 'r1',
  identifier: [{ system: 'urn:citylab:report', value: 'R-77' }],
  basedOn: [{ identifier: { value: 'LAB-20260310-ABC123' } }],
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '24331-1', display: 'Lipid panel' }] },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2026-03-10T08:30:00+01:00',
  issued: '2026-03-10T10:00:00+01:00',
  performer: [{ display: 'City Lab' }],
  conclusion: 'Fasting sample',
  result: [{ reference: 'Observation/o1' }, { reference: 'urn:uuid:e3' }, { reference: 'Observation/o3' }],
};

describe('reading FHIR R4 lab bundles', () => {
  for (const type of ['collection', 'transaction', 'batch', 'searchset']) {
    it(`reads a ${type} bundle of a DiagnosticReport and its Observations`, () => {
      const { reports, problems } = read(
        bundle(type, [
          report,
          patient,
          observation('o1', {
            valueQuantity: { value: 5.8, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
            referenceRange: [{ low: { value: 3.5 }, high: { value: 5 } }],
            interpretation: [{ coding: [{ code: 'H' }] }],
          }),
          observation('o2', { valueString: 'Slightly haemolysed' }, { note: [{ text: 'repeat' }] }),
          observation('o3', {
            valueCodeableConcept: { coding: [{ code: '260385009', display: 'Negative' }] },
            interpretation: [{ coding: [{ code: 'N' }] }],
          }),
        ]),
      );
      expect(problems).toEqual([]);
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({
        source: 'fhir',
        sourceKey: 'fhir:urn:citylab:report|R-77',
        orderNumber: 'LAB-20260310-ABC123',
        code: '24331-1',
        name: 'Lipid panel',
        performer: 'City Lab',
        observedAt: '2026-03-10T07:30:00.000Z',
        issuedAt: '2026-03-10T09:00:00.000Z',
        comment: 'Fasting sample',
        patient: {
          identifiers: [{ value: 'MRN-000123', system: 'urn:riverside:mrn' }],
          familyName: 'García',
          givenName: 'José Luis',
          birthDate: '1980-02-29',
          sex: 'male',
        },
      });
      expect(
        reports[0]!.results.map((r) => [r.valueType, r.valueNum, r.valueText, r.unit, r.refLow, r.refHigh, r.flag]),
      ).toEqual([
        ['numeric', 5.8, '', 'mmol/L', 3.5, 5, 'H'],
        ['text', null, 'Slightly haemolysed', '', null, null, null],
        ['coded', null, 'Negative', '', null, null, 'N'],
      ]);
      expect(reports[0]!.results[1]!.comment).toBe('repeat');
    });
  }

  it('reads a contained patient and an Observation no report lists as a report of its own', () => {
    const lone = observation(
      'o9',
      { valueQuantity: { value: 7, unit: 'mmol/L', comparator: '<' } },
      {
        contained: [{ ...patient, id: 'pt' }],
        subject: { reference: '#pt' },
      },
    );
    const { reports, problems } = read(bundle('collection', [lone]));
    expect(problems).toEqual([]);
    expect(reports[0]).toMatchObject({ sourceKey: 'fhir:Observation/o9', code: '2345-7', orderNumber: null });
    expect(reports[0]!.results[0]).toMatchObject({ valueNum: 7, comparator: '<' });
    expect(reports[0]!.patient.familyName).toBe('García');
  });

  it('sets aside a bad resource with its path and reads the rest', () => {
    const { reports, problems } = read(
      bundle('collection', [
        patient,
        observation('bad1', { valueQuantity: { value: '5,8', unit: 'mmol/L' } }),
        observation('bad2', { valueQuantity: { value: 5.8, unit: 'furlongs' } }),
        observation('bad3', { valueString: 'x' }, { effectiveDateTime: '2027-01-01T00:00:00Z' }),
        { ...report, id: 'r2', identifier: [], result: [{ reference: 'Observation/nowhere' }] },
        observation('ok', { valueQuantity: { value: 5.1, unit: 'mmol/L' } }),
      ]),
    );
    expect(reports.map((r) => r.sourceKey)).toEqual(['fhir:Observation/ok']);
    expect(problems.map((p) => [p.location, p.segment])).toEqual([
      ['entry 2 (Observation/bad1)', 'Observation.valueQuantity.value'],
      ['entry 3 (Observation/bad2)', 'Observation.valueQuantity.unit'],
      ['entry 4 (Observation/bad3)', 'Observation.effectiveDateTime'],
      ['entry 5 (DiagnosticReport/r2)', 'DiagnosticReport.result[0]'],
    ]);
    expect(problems[0]!.message).toMatch(/not a number/);
    expect(problems[1]!.message).toMatch(/"furlongs" is not a unit/);
    expect(problems[2]!.message).toMatch(/in the future/);
    expect(problems[3]!.message).toMatch(/Observation\/nowhere/);
  });

  it('refuses what is not a bundle of the right type', () => {
    expect(readFhirLabFile('{not json', { fileName: 'x.json', now: NOW }).problems[0]!.message).toMatch(
      /not valid JSON/,
    );
    expect(read({ resourceType: 'Bundle', type: 'document', entry: [] }).problems[0]!.message).toMatch(
      /not a FHIR Bundle/,
    );
    expect(read(patient).problems[0]!.segment).toBe('Bundle.type');
  });
});
