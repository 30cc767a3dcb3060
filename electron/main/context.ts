import type { ChartbookDatabase } from './db/connection';
import type { Role } from '../../shared/domain/roles';

/** Who is acting: written to created_by/updated_by, the change log and the audit log. */
export interface Actor {
  userId: string;
  username: string;
  roles: Role[];
}

export interface ServiceContext {
  db: ChartbookDatabase;
  /** Injected so tests can move time (lockout expiry, idle lock). */
  now: () => Date;
}

export const isoNow = (ctx: ServiceContext): string => ctx.now().toISOString();
