import type { Bundle, DiagnosticReport, Observation, Resource, ServiceRequest } from '@medplum/fhirtypes';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { labOrderToFhir } from '../../../electron/main/fhir/lab-order-to-fhir';
import { labReportToFhir } from '../../../electron/main/fhir/lab-report-to-fhir';
import { labResultToFhir } from '../../../electron/main/fhir/lab-result-to-fhir';
import type {
  LabOrderRow,
  LabOrderTestRow,
  LabReportRow,
  LabResultRow,
} from '../../../electron/main/fhir/lab-fhir-rows';
import { openPrintingBook, type PrintingBook } from '../frontdesk/printing-book';
import { LOINC, actorOf, writeOrder, writeReport } from '../labs/lab-fixture';
import { expectValidFhir, loadFhirDefinitions } from './fhir-validation';
import { isLoincCode } from './lab-codes';

beforeAll(() => loadFhirDefinitions());

let book: PrintingBook | undefined;
afterEach(() => {
  book?.app.close();
  book = undefined;
});

/** An order of a panel and a test, a report for each (one reviewed), results of every kind. */
async function labRecord() {
  book = await openPrintingBook();
  const b = book;
  const doctor = actorOf(b.admin);
  const { orderId } = writeOrder(b.app, doctor, b.patient.id, [LOINC.bmp, { ...LOINC.hba1c, kind: 'test' }]);
  const bmp = writeReport(b.app, doctor, {
    patientId: b.patient.id,
    doctorId: doctor.userId,
    orderId,
    ...LOINC.bmp,
    observedAt: '2026-03-09T07:30:00.000Z',
    comment: 'Sample slightly haemolysed',
    results: [
      { ...LOINC.potassium, value: 6.2, unit: 'mmol/L', low: 3.5, high: 5.1, flag: 'H', critical: true },
      { ...LOINC.glucose, value: 0.5, comparator: '<', unit: 'mmol/L', low: 3.9, high: 5.5, flag: 'L' },
      { ...LOINC.urineColor, text: 'Straw', refText: 'Straw to amber', flag: 'N' },
      { ...LOINC.sodium, value: 150, unit: 'mmol/L', status: 'cancelled', comment: 'Clotted sample' },
      // The lab's own code, with its own system, kept as sent.
      { code: 'CITY-77', codeSystem: 'urn:oid:2.16.840.1.113883.3.999.1', name: 'Lab special', text: 'See note' },
    ],
  });
  const hba1c = writeReport(b.app, doctor, {
    patientId: b.patient.id,
    doctorId: doctor.userId,
    orderId,
    code: LOINC.hba1c.code,
    name: LOINC.hba1c.name,
    observedAt: '2026-03-09T07:30:00.000Z',
    results: [{ ...LOINC.hba1c, value: 7.9, unit: '%', high: 5.7, flag: 'H' }],
  });
  await b.app.call(b.admin, 'labs.review.acknowledge', {
    reports: [{ id: hba1c.reportId, version: 1 }],
    comment: 'Start metformin',
  });
  const db = b.app.core.db.sqlite;
  const row = <T>(table: string, id: string) => db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as T;
  const rows = <T>(sql: string, id: string) => db.prepare(sql).all(id) as T[];
  return {
    b,
    orderId,
    order: () => row<LabOrderRow>('lab_orders', orderId),
    tests: () => rows<LabOrderTestRow>('SELECT * FROM lab_order_tests WHERE order_id = ? ORDER BY position', orderId),
    report: (id: string) => row<LabReportRow>('lab_reports', id),
    results: (id: string) => rows<LabResultRow>('SELECT * FROM lab_results WHERE report_id = ? ORDER BY position', id),
    bmp,
    hba1c,
  };
}

describe('lab records as FHIR R4 (validated with @medplum/core)', () => {
  it('maps each ordered test to a ServiceRequest sharing the order number as requisition, with the order’s status', async () => {
    const r = await labRecord();
    const requests = labOrderToFhir(r.order(), r.tests());
    expect(requests).toHaveLength(2);
    requests.forEach(expectValidFhir);
    // Both tests answered, one report still to review: resulted, a completed request.
    expect(r.order().status).toBe('resulted');
    expect(requests[0]).toMatchObject({
      resourceType: 'ServiceRequest',
      id: r.tests()[0]!.id,
      status: 'completed',
      intent: 'order',
      requisition: { value: 'LAB-20260310-ABC123' },
      code: { coding: [{ system: 'http://loinc.org', code: LOINC.bmp.code }] },
      subject: { reference: `Patient/${r.b.patient.id}` },
      requester: { reference: `Practitioner/${r.b.doctorId}` },
      performer: [{ display: 'City Lab' }],
    } satisfies Partial<ServiceRequest>);
    const cancelled = labOrderToFhir(
      { ...r.order(), status: 'cancelled', cancel_reason: 'Patient declined' },
      r.tests(),
    );
    cancelled.forEach(expectValidFhir);
    expect(cancelled[1]).toMatchObject({ status: 'revoked', note: [{ text: 'Cancelled: Patient declined' }] });
    const deleted = labOrderToFhir({ ...r.order(), deleted_at: '2026-03-10T09:00:00.000Z' }, r.tests());
    expect(deleted.map((s) => s.status)).toEqual(['entered-in-error', 'entered-in-error']);
    expect(() => labOrderToFhir({ ...r.order(), status: 'lost' }, r.tests())).toThrow(/unknown status "lost"/);
  });

  it('maps each result to a laboratory Observation: LOINC code, valueQuantity in UCUM with its comparator, reference range, interpretation', async () => {
    const r = await labRecord();
    const observations = r.results(r.bmp.reportId).map((x) => labResultToFhir(x, 'City Lab'));
    observations.forEach(expectValidFhir);
    const [potassium, glucose, urine, sodium, special] = observations as Observation[];
    expect(potassium).toMatchObject({
      status: 'final',
      category: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
      ],
      code: { coding: [{ system: 'http://loinc.org', code: LOINC.potassium.code, display: LOINC.potassium.name }] },
      effectiveDateTime: '2026-03-09T07:30:00.000Z',
      valueQuantity: { value: 6.2, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      referenceRange: [
        {
          low: { value: 3.5, system: 'http://unitsofmeasure.org', code: 'mmol/L' },
          high: { value: 5.1, system: 'http://unitsofmeasure.org', code: 'mmol/L' },
        },
      ],
      // The lab's critical mark on a plain H: critically high.
      interpretation: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'HH' }] },
      ],
    });
    expect(glucose!.valueQuantity).toMatchObject({ value: 0.5, comparator: '<', code: 'mmol/L' });
    expect(glucose!.interpretation![0]!.coding![0]!.code).toBe('L');
    expect(urine).toMatchObject({ valueString: 'Straw', referenceRange: [{ text: 'Straw to amber' }] });
    expect(sodium).toMatchObject({ status: 'cancelled', note: [{ text: 'Clotted sample' }] });
    expect(special!.code).toEqual({
      coding: [{ system: 'urn:oid:2.16.840.1.113883.3.999.1', code: 'CITY-77', display: 'Lab special' }],
      text: 'Lab special',
    });
    // The code check the validation makes can fail: a mistyped LOINC code has the wrong check digit.
    expect(isLoincCode(LOINC.potassium.code)).toBe(true);
    expect(isLoincCode('2823-4')).toBe(false);
  });

  it('maps each report to a DiagnosticReport naming its results, the requests it answers, the lab, and the doctor’s review', async () => {
    const r = await labRecord();
    const tests = r.tests();
    const bmp = labReportToFhir(r.report(r.bmp.reportId), r.results(r.bmp.reportId), tests);
    const hba1c = labReportToFhir(r.report(r.hba1c.reportId), r.results(r.hba1c.reportId), tests);
    [bmp, hba1c].forEach(expectValidFhir);
    expect(bmp).toMatchObject({
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: LOINC.bmp.code }] },
      basedOn: [{ reference: `ServiceRequest/${tests[0]!.id}` }],
      performer: [{ display: 'City Lab' }],
      result: r.bmp.resultIds.map((id) => ({ reference: `Observation/${id}` })),
      conclusion: 'Lab comment: Sample slightly haemolysed',
    } satisfies Partial<DiagnosticReport>);
    expect(bmp.resultsInterpreter).toBeUndefined();
    expect(hba1c).toMatchObject({
      basedOn: [{ reference: `ServiceRequest/${tests[1]!.id}` }],
      resultsInterpreter: [{ reference: `Practitioner/${r.b.doctorId}` }],
      conclusion: 'Start metformin',
    });
  });

  it('puts the lab record in the patient’s exported Bundle, every reference resolving inside it', async () => {
    const r = await labRecord();
    const exported = await r.b.app.call(r.b.admin, 'fhir.exportPatient', { patientId: r.b.patient.id });
    const bundle = JSON.parse(exported.json) as Bundle;
    expectValidFhir(bundle);
    const resources = bundle.entry!.map((e) => e.resource!) as Resource[];
    resources.forEach(expectValidFhir);
    const count = (type: string) => resources.filter((x) => x.resourceType === type).length;
    expect(count('ServiceRequest')).toBe(2);
    expect(count('DiagnosticReport')).toBe(2);
    expect(count('Observation')).toBe(6);
    const present = new Set(resources.map((x) => `${x.resourceType}/${x.id}`));
    const references: string[] = [];
    JSON.stringify(resources, (key, value: unknown) => {
      if (key === 'reference' && typeof value === 'string') references.push(value);
      return value;
    });
    for (const ref of references) expect(present.has(ref), ref).toBe(true);
  });
});
