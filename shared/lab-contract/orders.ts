import { z } from 'zod';
import { DOCTOR } from '../access';
import type { ChannelSpecs } from '../contract';
import { idSchema } from '../domain/common';
import type { Role } from '../domain/roles';
import {
  labCatalogueEntrySchema,
  labCatalogueGetSchema,
  labCatalogueSearchSchema,
  labOrderCancelSchema,
  labOrderCollectSchema,
  labOrderCreateSchema,
  labOrderGetSchema,
  labOrderListSchema,
  labOrderViewSchema,
  labReportViewSchema,
  labResultsEnterSchema,
  labTestAddSchema,
  labTestUpdateSchema,
} from '../domain/lab-order';

/** Doctors and administrators keep the clinic's lab test catalogue (no patient data in it). */
export const LAB_CATALOGUE_ROLES = ['doctor', 'admin'] as const satisfies readonly Role[];

const printLabRequisitionInput = z.strictObject({ orderId: idSchema });
/** The same shape as the other printouts' answer (shared/contract.ts): the PDF's bytes as base64. */
const printedPdfSchema = z.object({ filename: z.string(), pdfBase64: z.string(), pages: z.number().int() });

/** Lab orders, the test catalogue and results entered by hand (issue 11, parts 1-3, 7-8). Clinical: doctors only (DOCTOR in shared/access.ts). */
export const labOrderChannels = {
  /** As you type: by name, other names, code or LOINC name; panels and exact matches first. */
  'labs.catalogue.search': {
    access: LAB_CATALOGUE_ROLES,
    input: labCatalogueSearchSchema,
    output: z.array(labCatalogueEntrySchema),
  },
  'labs.catalogue.get': { access: LAB_CATALOGUE_ROLES, input: labCatalogueGetSchema, output: labCatalogueEntrySchema },
  /** A test or panel of the clinic's own (a LOINC code not shipped, or a local X code). Audited. */
  'labs.catalogue.add': { access: LAB_CATALOGUE_ROLES, input: labTestAddSchema, output: labCatalogueEntrySchema },
  /** Edits a test or panel (ranges, unit, members, hidden); a shipped one gets a clinic row. Audited. */
  'labs.catalogue.update': { access: LAB_CATALOGUE_ROLES, input: labTestUpdateSchema, output: labCatalogueEntrySchema },

  /** Orders tests and panels from a visit; numbered LAB-YYYYMMDD-XXXXXX. Audited. */
  'labs.orders.create': { access: DOCTOR, input: labOrderCreateSchema, output: labOrderViewSchema },
  /** The patient's orders (of one visit if given), newest first. Audited as a view. */
  'labs.orders.list': { access: DOCTOR, input: labOrderListSchema, output: z.array(labOrderViewSchema) },
  /** One order with what was entered for each test. Audited as a view. */
  'labs.orders.get': { access: DOCTOR, input: labOrderGetSchema, output: labOrderViewSchema },
  /** The sample was taken. Audited. */
  'labs.orders.collect': { access: DOCTOR, input: labOrderCollectSchema, output: labOrderViewSchema },
  /** Cancels an order with no results yet, with the reason. Audited. */
  'labs.orders.cancel': { access: DOCTOR, input: labOrderCancelSchema, output: labOrderViewSchema },
  /**
   * Results typed from a lab's paper report for one ordered test or panel; entering them again
   * corrects the same report. Units converted, flags and delta checks computed. Audited.
   */
  'labs.results.enter': { access: DOCTOR, input: labResultsEnterSchema, output: labReportViewSchema },

  /** The printed requisition for the preview (and Save as PDF). Audited (print.lab_requisition). */
  'print.labRequisition': { access: DOCTOR, input: printLabRequisitionInput, output: printedPdfSchema },
  /** The same to the printer; audited with the outcome. */
  'print.labRequisitionToPrinter': {
    access: DOCTOR,
    input: printLabRequisitionInput,
    output: z.object({ outcome: z.enum(['printed', 'cancelled']) }).strict(),
  },
} as const satisfies ChannelSpecs;
