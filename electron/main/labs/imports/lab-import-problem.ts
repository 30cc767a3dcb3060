import type { LabImportProblem } from '../../../../shared/domain/lab-import';
import type { IncomingLabReport } from '../../../../shared/domain/lab';
import { t } from '../../i18n/translate';

/** Thrown while reading one message or resource: the whole message is set aside, the rest goes on. */
export class LabReadError extends Error {
  constructor(
    /** "OBX 7 (OBX-5)", "Observation.valueQuantity". */
    readonly segment: string,
    /** A key of shared/i18n/en/main-labs-imports.json. */
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }

  /** The problem in words (from shared/i18n/en/main-labs-imports.json). */
  text(): string {
    return t(this.key, this.params);
  }
}

/** What a reader makes of a file: the reports it could read, and a problem for each it could not. */
export interface LabFileReading {
  format: 'hl7v2' | 'fhir';
  reports: IncomingLabReport[];
  problems: LabImportProblem[];
}

/** How far in the future a sample time may be (clocks of two computers disagree a little). */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;

export function checkNotFuture(iso: string | null, now: Date, segment: string): void {
  if (iso && Date.parse(iso) > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new LabReadError(segment, 'errors.labs.imports.futureTime', { time: iso });
  }
}
