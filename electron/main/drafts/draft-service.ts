import { mayKeepDraft } from '../../../shared/access';
import {
  DRAFT_KINDS,
  draftBodySchemas,
  type Draft,
  type DraftInfo,
  type DraftKind,
  type DraftSaveInput,
} from '../../../shared/domain/draft';
import { AppError } from '../../../shared/errors';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { t } from '../i18n/translate';
import { DraftStore, type DraftRow } from './draft-store';

/**
 * Each person's unsaved forms. Everything is keyed by the acting person's id, which comes from the
 * session in main, so nobody can read, overwrite or discard another person's draft. A kind is open to
 * whoever may do what it is for (DRAFT_ACCESS); someone whose roles changed cannot read the drafts of
 * a kind they may no longer use.
 *
 * Saving a draft is not audited: it is the person's own unsaved typing, saved every half second, and an
 * audit entry per keystroke pause would bury the log. What a draft leads to (registering, editing,
 * booking) is audited when it is saved. See docs/ARCHITECTURE.md, "Drafts".
 */
export class DraftService {
  private readonly store: DraftStore;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly log: (message: string) => void = (m) => console.warn(m),
  ) {
    this.store = new DraftStore(ctx.db.sqlite);
  }

  private allow(kind: DraftKind, actor: Actor): void {
    if (!mayKeepDraft(kind, actor.roles)) throw new AppError('FORBIDDEN', t('errors.drafts.yourRoleDoesNotAllow'));
  }

  save(input: DraftSaveInput, actor: Actor): { updatedAt: string } {
    this.allow(input.kind, actor);
    const at = isoNow(this.ctx);
    this.store.save(actor.userId, input.kind, input.key, JSON.stringify(input.body), at);
    return { updatedAt: at };
  }

  get(kind: DraftKind, key: string, actor: Actor): Draft | null {
    this.allow(kind, actor);
    const row = this.store.get(actor.userId, kind, key);
    return row ? this.toDraft(row) : null;
  }

  list(kind: DraftKind | undefined, actor: Actor): DraftInfo[] {
    if (kind) this.allow(kind, actor);
    const kinds = new Set(DRAFT_KINDS.filter((k) => mayKeepDraft(k, actor.roles)));
    return this.store
      .list(actor.userId, kind)
      .filter((r) => kinds.has(r.kind))
      .map((r) => ({ kind: r.kind, key: r.draft_key, updatedAt: r.updated_at }));
  }

  discard(kind: DraftKind, key: string, actor: Actor): null {
    this.allow(kind, actor);
    this.store.remove(actor.userId, kind, key);
    return null;
  }

  /**
   * A body that no longer fits its kind's shape (written by another version of Chartbook) is not
   * shown, but kept: a later version may read it, and nothing typed is deleted behind anyone's back.
   */
  private toDraft(row: DraftRow): Draft | null {
    let json: unknown;
    try {
      json = JSON.parse(row.body);
    } catch {
      json = undefined;
    }
    const body = draftBodySchemas[row.kind].safeParse(json);
    if (!body.success) {
      this.log(`Draft ${row.kind}/${row.draft_key} does not fit this version's shape; kept, not shown.`);
      return null;
    }
    return { kind: row.kind, key: row.draft_key, updatedAt: row.updated_at, body: body.data } as Draft;
  }
}
