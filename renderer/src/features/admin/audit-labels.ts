import type { TFunction } from 'i18next';
import type { AuditAction, AuditOutcome } from '../../../../shared/domain/audit';

/** "auth.sign_in" -> "Signed in": the action codes are nested keys under auditAction in admin.json. */
export function auditActionLabel(t: TFunction<'admin'>, action: AuditAction): string {
  return t(`auditAction.${action}`, { defaultValue: action });
}

export function auditOutcomeLabel(t: TFunction<'admin'>, outcome: AuditOutcome): string {
  return t(`audit.outcome.${outcome}`, { defaultValue: outcome });
}
