import { AppError } from '../../../shared/errors';
import { verifyPassword } from '../accounts/password';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type ServiceContext } from '../context';
import type { HandlerRegistry } from '../ipc/handler-registry';
import { t } from '../i18n/translate';
import { formatRecoveryKey } from './clinic-keys';

/**
 * The recovery key again, for an administrator who re-enters their password (the sheet printed at
 * setup was lost, or the database was encrypted on an upgrade and no sheet exists yet). Audited.
 */
async function showRecoveryKey(
  ctx: ServiceContext,
  input: { password: string },
  actor: { userId: string; username: string },
): Promise<{ recoveryKey: string }> {
  const row = ctx.db.sqlite.prepare('SELECT password_hash FROM users WHERE id = ?').get(actor.userId) as
    { password_hash: string } | undefined;
  if (!row || !(await verifyPassword(input.password, row.password_hash))) {
    appendAudit(ctx.db.sqlite, {
      at: isoNow(ctx),
      userId: actor.userId,
      username: actor.username,
      action: 'security.recovery_key_view',
      outcome: 'failure',
      details: 'wrong password',
    });
    throw new AppError('VALIDATION', t('errors.security.passwordWrong'), {
      password: t('errors.security.passwordWrong'),
    });
  }
  appendAudit(ctx.db.sqlite, {
    at: isoNow(ctx),
    userId: actor.userId,
    username: actor.username,
    action: 'security.recovery_key_view',
  });
  return { recoveryKey: formatRecoveryKey(ctx.masterKey) };
}

export function registerSecurityHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  registry
    // Only a core started without its key (security/recovery.ts) unlocks; this one is already open.
    .register('recovery.unlock', () => {
      throw new AppError('CONFLICT', t('errors.security.alreadyOpen'));
    })
    .register('security.recoveryKey', (input, { actor }) => showRecoveryKey(ctx, input, actor!));
}
