import { z } from 'zod';
import type { ChannelSpecs } from '../contract';
import { DOCTOR } from '../access';
import { idSchema } from '../domain/common';
import {
  diagnosisSchema,
  diagnosisSearchSchema,
  icd10ImportSchema,
  icd10ReleaseSchema,
  problemAddSchema,
  problemReactivateSchema,
  problemResolveSchema,
  problemSchema,
  problemUpdateSchema,
} from '../domain/problem';
import { allergyAddSchema, allergyListSchema, allergySchema, allergyUpdateSchema } from '../domain/allergy';

const patientInput = z.strictObject({ patientId: idSchema });

/** The chart's channels for: Problems, diagnoses (ICD-10-CM) and allergies. Clinical: doctors only (DOCTOR in shared/access.ts). */
export const problemChannels = {
  /** ICD-10-CM codes by code (with or without the dot, or its first characters) or words; top 20. */
  'diagnoses.search': { access: DOCTOR, input: diagnosisSearchSchema, output: z.array(diagnosisSchema) },
  /** Which ICD-10-CM release is loaded and how many codes it has. */
  'diagnoses.release': { access: DOCTOR, input: z.strictObject({}), output: icd10ReleaseSchema },
  /** Replaces the code set with a newer official release file (CMS codes-file layout); audited icd10.import. */
  'diagnoses.importRelease': { access: DOCTOR, input: icd10ImportSchema, output: icd10ReleaseSchema },
  /** The patient's problem list and visit diagnoses; audited chart.view (problems). */
  'problems.list': { access: DOCTOR, input: patientInput, output: z.array(problemSchema) },
  'problems.add': { access: DOCTOR, input: problemAddSchema, output: problemSchema },
  'problems.update': { access: DOCTOR, input: problemUpdateSchema, output: problemSchema },
  'problems.resolve': { access: DOCTOR, input: problemResolveSchema, output: problemSchema },
  'problems.reactivate': { access: DOCTOR, input: problemReactivateSchema, output: problemSchema },
  /** The patient's allergies, or "No known allergies" with who and when; audited chart.view (allergies). */
  'allergies.list': { access: DOCTOR, input: patientInput, output: allergyListSchema },
  'allergies.add': { access: DOCTOR, input: allergyAddSchema, output: allergySchema },
  'allergies.update': { access: DOCTOR, input: allergyUpdateSchema, output: allergySchema },
  /** Records "No known allergies"; refused while an allergy is active. */
  'allergies.recordNka': { access: DOCTOR, input: patientInput, output: z.null() },
} as const satisfies ChannelSpecs;
