import { z } from 'zod';
import { DOCTOR } from '../access';
import type { ChannelSpecs } from '../contract';
import { idSchema } from '../domain/common';
import {
  historyEntryAddSchema,
  historyEntryRemoveSchema,
  historyEntrySchema,
  historyEntryUpdateSchema,
  patientHistorySchema,
  socialHistorySaveSchema,
  socialHistorySchema,
} from '../domain/history';
import {
  cvxVaccineSchema,
  immunizationAddSchema,
  immunizationSchema,
  immunizationUpdateSchema,
  vaccineSearchSchema,
} from '../domain/immunization';
import {
  medicationAddSchema,
  medicationListSchema,
  medicationReconcileSchema,
  medicationSchema,
  medicationStopSchema,
  medicationUpdateSchema,
  reconcileResultSchema,
} from '../domain/medication';

const ofPatient = z.strictObject({ patientId: idSchema });

/**
 * The chart's channels for: Medications, immunizations and history. Clinical: doctors only (DOCTOR in
 * shared/access.ts). Each read of a patient's section is audited as chart.view naming the section.
 */
export const medicationChannels = {
  'medications.list': { access: DOCTOR, input: ofPatient, output: medicationListSchema },
  'medications.add': { access: DOCTOR, input: medicationAddSchema, output: medicationSchema },
  'medications.update': { access: DOCTOR, input: medicationUpdateSchema, output: medicationSchema },
  'medications.stop': { access: DOCTOR, input: medicationStopSchema, output: medicationSchema },
  /** Confirms (continue) or stops the decided lines of the active list in one save. */
  'medications.reconcile': { access: DOCTOR, input: medicationReconcileSchema, output: reconcileResultSchema },

  'immunizations.list': { access: DOCTOR, input: ofPatient, output: z.array(immunizationSchema) },
  /** The CVX code list (no patient data): by code or words of the vaccine's name. */
  'immunizations.searchVaccines': { access: DOCTOR, input: vaccineSearchSchema, output: z.array(cvxVaccineSchema) },
  'immunizations.add': { access: DOCTOR, input: immunizationAddSchema, output: immunizationSchema },
  'immunizations.update': { access: DOCTOR, input: immunizationUpdateSchema, output: immunizationSchema },

  'history.get': { access: DOCTOR, input: ofPatient, output: patientHistorySchema },
  'history.addEntry': { access: DOCTOR, input: historyEntryAddSchema, output: historyEntrySchema },
  'history.updateEntry': { access: DOCTOR, input: historyEntryUpdateSchema, output: historyEntrySchema },
  'history.removeEntry': { access: DOCTOR, input: historyEntryRemoveSchema, output: z.null() },
  'history.saveSocial': { access: DOCTOR, input: socialHistorySaveSchema, output: socialHistorySchema },
} as const satisfies ChannelSpecs;
