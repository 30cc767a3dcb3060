import { z } from 'zod';
import { DOCTOR } from '../access';
import type { ChannelSpecs } from '../contract';
import { idSchema } from '../domain/common';
import { ownCredentialsUpdateSchema, userSchema } from '../domain/user';

const printPrescriptionInput = z.strictObject({ prescriptionId: idSchema });
/** The same shape as the other printouts' answer (shared/contract.ts): the PDF's bytes as base64. */
const printedPdfSchema = z.object({ filename: z.string(), pdfBase64: z.string(), pages: z.number().int() });

/**
 * The printed prescription's channels (issue 10, part 5) and the doctor's own printed credentials
 * (qualifications and registration number, printed under the name). Spread into shared/contract.ts.
 */
export const rxPrintChannels = {
  /** The signed-in person's own account (for editing their own printed credentials). */
  'users.own': { access: 'signed-in', input: z.strictObject({}), output: userSchema },
  /** A doctor sets their own qualifications and registration number (administrators may too, on Users). */
  'users.updateOwnCredentials': { access: DOCTOR, input: ownCredentialsUpdateSchema, output: userSchema },

  /**
   * A signed (or cancelled) prescription as a PDF to preview or save: the clinic's paper and
   * printout language from settings; COPY once it has gone to a printer. Clinical: doctors only;
   * audited (print.prescription).
   */
  'print.prescription': { access: DOCTOR, input: printPrescriptionInput, output: printedPdfSchema },
  /** The same to the printer; the first print is the original, every later one a COPY. Audited with the outcome. */
  'print.prescriptionToPrinter': {
    access: DOCTOR,
    input: printPrescriptionInput,
    output: z.object({ outcome: z.enum(['printed', 'cancelled']) }).strict(),
  },
} as const satisfies ChannelSpecs;
