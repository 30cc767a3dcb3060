import { describe, expect, it } from 'vitest';
import admin from '../../../renderer/src/i18n/en/admin.json';
import { AUDIT_ACTIONS } from '../../../shared/domain/audit';

describe('audit screen labels', () => {
  it('has an English label for every audit action', () => {
    const labels = admin.auditAction as Record<string, Record<string, string>>;
    const missing = AUDIT_ACTIONS.filter((action) => {
      const [group, name] = action.split('.') as [string, string];
      return typeof labels[group]?.[name] !== 'string';
    });
    expect(missing).toEqual([]);
  });
});
