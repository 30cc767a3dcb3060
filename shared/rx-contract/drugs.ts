import { z } from 'zod';
import { DOCTOR } from '../access';
import type { Role } from '../domain/roles';
import type { ChannelSpecs } from '../contract';
import { drugProductSchema } from '../domain/drug';
import {
  drugSearchInputSchema,
  favouriteInputSchema,
  favouriteResultSchema,
  formularyEntrySchema,
  formularyImportInputSchema,
  formularyImportResultSchema,
  formularyListInputSchema,
  formularyProductInputSchema,
  formularyRemoveInputSchema,
  formularyUpdateInputSchema,
} from '../domain/formulary';

/** Doctors and administrators keep the clinic's formulary (no patient data in it). */
export const FORMULARY_ROLES = ['doctor', 'admin'] as const satisfies readonly Role[];

/**
 * Prescriptions: the drug catalogue and the clinic's formulary (issue 10, part 1). Searching and
 * favourites are a doctor's (they prescribe); the formulary is kept by doctors or administrators.
 * Every write is audited.
 */
export const drugChannels = {
  /** As you type, by brand or generic name; the person's favourites first. */
  'rx.drugs.search': { access: DOCTOR, input: drugSearchInputSchema, output: z.array(drugProductSchema) },
  'rx.drugs.favourite': { access: DOCTOR, input: favouriteInputSchema, output: favouriteResultSchema },
  'rx.formulary.list': {
    access: FORMULARY_ROLES,
    input: formularyListInputSchema,
    output: z.array(formularyEntrySchema),
  },
  'rx.formulary.add': { access: FORMULARY_ROLES, input: formularyProductInputSchema, output: formularyEntrySchema },
  'rx.formulary.update': { access: FORMULARY_ROLES, input: formularyUpdateInputSchema, output: formularyEntrySchema },
  'rx.formulary.remove': { access: FORMULARY_ROLES, input: formularyRemoveInputSchema, output: z.null() },
  /** Good rows are imported, each whole; bad rows are reported by line with the reason. */
  'rx.formulary.importCsv': {
    access: FORMULARY_ROLES,
    input: formularyImportInputSchema,
    output: formularyImportResultSchema,
  },
} as const satisfies ChannelSpecs;
