import type { Actor } from '../../../electron/main/context';
import { isoNow } from '../../../electron/main/context';
import type { AuditAction } from '../../../shared/domain/audit';
import type { Role } from '../../../shared/domain/roles';
import type { RecordKind } from '../../../electron/main/records/record-kind';
import { RecordWriter, type ColumnValues } from '../../../electron/main/records/record-writer';
import type { TestApp } from '../support';

/**
 * Chart records for the FHIR tests, written as the chart's services write them (RecordWriter,
 * one IMMEDIATE transaction each) and read back as stored (SELECT *), so the mappers meet real rows.
 */
export class ChartRows {
  readonly actor: Actor;

  constructor(
    private readonly app: TestApp,
    username = 'admin',
  ) {
    const user = app.core.db.sqlite
      .prepare('SELECT id, username, roles FROM users WHERE username = ?')
      .get(username) as {
      id: string;
      username: string;
      roles: string;
    };
    this.actor = { userId: user.id, username: user.username, roles: JSON.parse(user.roles) as Role[] };
  }

  create<T>(kind: RecordKind, values: ColumnValues, action: AuditAction): T {
    const ctx = this.app.core.ctx;
    const row = ctx.db.sqlite
      .transaction(() =>
        new RecordWriter(ctx).create(kind, values, { actor: this.actor, at: isoNow(ctx), audit: { action } }),
      )
      .immediate();
    return this.read<T>(kind, row.id);
  }

  update<T>(kind: RecordKind, id: string, patch: ColumnValues, action: AuditAction): T {
    const ctx = this.app.core.ctx;
    const version = this.read<{ version: number }>(kind, id).version;
    ctx.db.sqlite
      .transaction(() =>
        new RecordWriter(ctx).update(kind, id, version, patch, {
          actor: this.actor,
          at: isoNow(ctx),
          audit: { action },
        }),
      )
      .immediate();
    return this.read<T>(kind, id);
  }

  softDelete<T>(kind: RecordKind, id: string, action: AuditAction): T {
    const ctx = this.app.core.ctx;
    ctx.db.sqlite
      .transaction(() =>
        new RecordWriter(ctx).softDelete(kind, id, null, { actor: this.actor, at: isoNow(ctx), audit: { action } }),
      )
      .immediate();
    return this.read<T>(kind, id);
  }

  /** The row as stored, deleted or not. */
  read<T>(kind: RecordKind, id: string): T {
    return this.app.core.db.sqlite.prepare(`SELECT * FROM ${kind.tableName} WHERE id = ?`).get(id) as T;
  }
}
