import type { z } from 'zod';
import { mayCall } from '../../../shared/access';
import {
  allowedBeforePasswordChange,
  allowedWhileLocked,
  contract,
  isChannel,
  type Channel,
} from '../../../shared/contract';
import { AppError, type Result } from '../../../shared/errors';
import { lockIfIdle } from '../accounts/idle-lock';
import { checkSessionAccount } from '../accounts/session-account';
import type { ServiceContext } from '../context';
import type { HandlerRegistry } from './handler-registry';
import type { Session } from './session';
import { t } from '../i18n/translate';
import { auditRefused, auditShown } from '../audit/read-audit';

export type Dispatch = (session: Session, channel: string, rawInput: unknown) => Promise<Result<unknown>>;

/** What an error may repeat of the caller's input: enough to recognise it, never a megabyte back. */
const clip = (text: string, max = 80): string => (text.length > max ? `${text.slice(0, max)}…` : text);

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = clip(issue.path.map(String).join('.')) || '_';
    const message =
      issue.code === 'unrecognized_keys'
        ? `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys
            .slice(0, 3)
            .map((k) => clip(k))
            .join(', ')}${issue.keys.length > 3 ? ', …' : ''}`
        : clip(issue.message, 300);
    fields[key] ??= message;
  }
  return fields;
}

/** Refusals that are audited: someone asked for something they may not have. */
const REFUSALS: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
]);

/** The ids of the patients an answer shows: every `idKey` field of the objects in it (lists nested in objects too). */
function patientIdsIn(value: unknown, idKey: string, depth = 0): string[] {
  if (depth > 6 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => patientIdsIn(v, idKey, depth + 1));
  const record = value as Record<string, unknown>;
  const own = typeof record[idKey] === 'string' ? [record[idKey] as string] : [];
  return [...own, ...Object.values(record).flatMap((v) => patientIdsIn(v, idKey, depth + 1))];
}

interface SqliteLikeError {
  code?: string;
}

function toErrorData(error: unknown, channel: string, log: (message: string, error: unknown) => void): Result<never> {
  if (error instanceof AppError) return { ok: false, error: error.toData() };
  const code = (error as SqliteLikeError | null)?.code;
  if (code === 'SQLITE_FULL') {
    return {
      ok: false,
      error: { code: 'DISK_FULL', message: t('errors.ipc.diskFullNothingSavedFree') },
    };
  }
  if (code === 'SQLITE_BUSY') {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: t('errors.ipc.databaseBusyNothingSavedPlease') },
    };
  }
  log(`IPC ${channel} failed`, error);
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: t('errors.ipc.somethingWentWrongNothingSaved'),
    },
  };
}

/**
 * The single entry point for every IPC call, used by the Electron shell and the e2e harness alike:
 * validate the channel and input, authenticate, enforce idle lock and roles, run the handler,
 * check its output against the contract, and return errors as data (never stacks).
 */
export function createDispatcher(
  ctx: ServiceContext,
  registry: HandlerRegistry,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): Dispatch {
  for (const channel of Object.keys(contract) as Channel[]) {
    if (!registry.get(channel)) throw new Error(`No IPC handler for ${channel}`);
  }

  return async (session, channel, rawInput) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_CHANNEL',
          message: t('errors.ipc.unknownRequest', { slice: String(channel).slice(0, 60) }),
        },
      };
    }
    const spec = contract[channel];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      return { ok: false, error: { code: 'VALIDATION', message: t('errors.ipc.someFieldsNeedAttention'), fields } };
    }

    const access = spec.access;
    let actor = null;
    // Who called, kept for the audit of a refusal even when the check ends the session.
    const caller = session.user;
    try {
      if (access !== 'public') {
        // Ends the session if the account was disabled or its password reset since it signed in.
        const roles = checkSessionAccount(ctx, session);
        const user = session.user!;
        lockIfIdle(ctx, session);
        if (session.locked && !allowedWhileLocked(channel)) {
          throw new AppError('SESSION_LOCKED', t('errors.ipc.chartbookLockedAfterBeingIdle'));
        }
        if (user.mustChangePassword && !allowedBeforePasswordChange(channel)) {
          throw new AppError('PASSWORD_CHANGE_REQUIRED', t('errors.ipc.chooseNewPasswordFirst'));
        }
        if (!mayCall(access, roles)) {
          throw new AppError('FORBIDDEN', t('errors.ipc.yourRoleDoesNotAllow'));
        }
        // Only the person's own activity (the renderer sends session.touch on keys and pointer use)
        // keeps a session open: background refreshes (today list, queue) must not defeat the idle lock.
        if (!session.locked && channel === 'session.touch') session.lastActivityMs = ctx.now().getTime();
        actor = { userId: user.userId, username: user.username, roles };
      }
      const handler = registry.get(channel)!;
      const value = await handler(parsed.data as never, { session, actor });
      if (actor && 'shows' in spec) auditShown(ctx, actor, spec.shows.action, patientIdsIn(value, spec.shows.idKey));
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(`IPC ${channel} returned data outside the contract`, checked.error);
        return {
          ok: false,
          error: { code: 'INTERNAL', message: t('errors.ipc.somethingWentWrongPreparingAnswer') },
        };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof AppError && REFUSALS.has(error.code)) {
        auditRefused(ctx, { userId: caller?.userId ?? null, username: caller?.username ?? '' }, channel, error.code);
      }
      return toErrorData(error, channel, log);
    }
  };
}
