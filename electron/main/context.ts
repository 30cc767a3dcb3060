import type { ChartbookDatabase } from './db/connection';
import type { Role } from '../../shared/domain/roles';
import type { ClinicKeys } from './security/clinic-keys';

/** Who is acting: written to created_by/updated_by, the change log and the audit log. */
export interface Actor {
  userId: string;
  username: string;
  roles: Role[];
}

export interface ServiceContext {
  db: ChartbookDatabase;
  /** Derived from the clinic's master key; the audit key signs the audit chain. Never sent to a window. */
  keys: ClinicKeys;
  /** Only to show the recovery key again to an administrator who re-enters their password. */
  masterKey: Buffer;
  /** CoreOptions.referenceDir: the folder with reference data (icd10cm/, ...), if the core was given one. */
  referenceDir?: string;
  /** Injected so tests can move time (lockout expiry, idle lock). */
  now: () => Date;
}

export const isoNow = (ctx: ServiceContext): string => ctx.now().toISOString();
