import type Database from 'better-sqlite3';
import type {
  NoteSnippet,
  NoteSnippetSaveInput,
  NoteTemplate,
  NoteTemplateSaveInput,
} from '../../../../shared/domain/note';
import { AppError } from '../../../../shared/errors';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import type { noteSnippets, noteTemplates } from '../../db/schema';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { RecordWriter } from '../../records/record-writer';
import { noteSnippetKind, noteTemplateKind } from '../chart-kinds';

type TemplateRow = typeof noteTemplates.$inferSelect;
type SnippetRow = typeof noteSnippets.$inferSelect;

const meta = (r: TemplateRow | SnippetRow) => ({
  id: r.id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  createdBy: r.created_by,
  updatedBy: r.updated_by,
});

const toTemplate = (r: TemplateRow): NoteTemplate => ({
  ...meta(r),
  name: r.name,
  format: r.format as NoteTemplate['format'],
  subjective: r.subjective,
  objective: r.objective,
  assessment: r.assessment,
  plan: r.plan,
  body: r.body,
});

const toSnippet = (r: SnippetRow): NoteSnippet => ({
  ...meta(r),
  abbreviation: r.abbreviation,
  expansion: r.expansion,
});

/**
 * The note editor's helpers (issue 9 part 2): the clinic's templates, which any doctor makes and
 * edits, and each doctor's own snippets. Neither is about a patient, so neither is a chart view.
 */
export class NoteLibraryService {
  private readonly writer: RecordWriter;

  constructor(private readonly ctx: ServiceContext) {
    this.writer = new RecordWriter(ctx);
  }

  private get db(): Database.Database {
    return this.ctx.db.sqlite;
  }

  templates(): NoteTemplate[] {
    return (
      preparedOnce(
        this.db,
        'SELECT * FROM note_templates WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id',
      ).all() as TemplateRow[]
    ).map(toTemplate);
  }

  saveTemplate(input: NoteTemplateSaveInput, actor: Actor): NoteTemplate {
    const db = this.db;
    return db
      .transaction(() => {
        const same = preparedOnce(
          db,
          'SELECT id FROM note_templates WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL AND id IS NOT ?',
        ).get(input.name, input.id ?? null);
        if (same) {
          const message = t('errors.chart.visits.templateNameTaken', { name: input.name });
          throw new AppError('VALIDATION', message, { name: message });
        }
        const values = {
          name: input.name,
          format: input.format,
          subjective: input.subjective,
          objective: input.objective,
          assessment: input.assessment,
          plan: input.plan,
          body: input.body,
        };
        const at = isoNow(this.ctx);
        const options = { actor, at, audit: { action: 'note_template.save' as const, details: input.name } };
        const row =
          input.id === undefined
            ? this.writer.create(noteTemplateKind, values, options)
            : this.writer.update(noteTemplateKind, input.id, input.version!, values, options);
        return toTemplate(row as unknown as TemplateRow);
      })
      .immediate();
  }

  snippets(actor: Actor): NoteSnippet[] {
    return (
      preparedOnce(
        this.db,
        'SELECT * FROM note_snippets WHERE owner_id = ? AND deleted_at IS NULL ORDER BY abbreviation, id',
      ).all(actor.userId) as SnippetRow[]
    ).map(toSnippet);
  }

  /** A doctor's own snippet; another doctor's is as if it were not there. */
  saveSnippet(input: NoteSnippetSaveInput, actor: Actor): NoteSnippet {
    const db = this.db;
    return db
      .transaction(() => {
        if (input.id !== undefined) {
          const owner = preparedOnce(db, 'SELECT owner_id FROM note_snippets WHERE id = ? AND deleted_at IS NULL').get(
            input.id,
          ) as { owner_id: string } | undefined;
          if (owner?.owner_id !== actor.userId)
            throw new AppError('NOT_FOUND', t('errors.chart.visits.snippetNotFound'));
        }
        const same = preparedOnce(
          db,
          'SELECT id FROM note_snippets WHERE owner_id = ? AND abbreviation = ? AND deleted_at IS NULL AND id IS NOT ?',
        ).get(actor.userId, input.abbreviation, input.id ?? null);
        if (same) {
          const message = t('errors.chart.visits.snippetTaken', { abbreviation: input.abbreviation });
          throw new AppError('VALIDATION', message, { abbreviation: message });
        }
        const at = isoNow(this.ctx);
        const values = { owner_id: actor.userId, abbreviation: input.abbreviation, expansion: input.expansion };
        const options = { actor, at, audit: { action: 'note_snippet.save' as const, details: input.abbreviation } };
        const row =
          input.id === undefined
            ? this.writer.create(noteSnippetKind, values, options)
            : this.writer.update(noteSnippetKind, input.id, input.version!, values, options);
        return toSnippet(row as unknown as SnippetRow);
      })
      .immediate();
  }
}
