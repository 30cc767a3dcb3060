import type Database from 'better-sqlite3';
import {
  PREFERENCE_KEYS,
  PREFERENCE_SCHEMAS,
  type PreferenceKey,
  type PreferenceSet,
  type Preferences,
} from '../../../shared/domain/preferences';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { preparedOnce } from '../db/records';

/**
 * A person's own preferences (table user_preferences, one row per user and key, the value as JSON).
 * Only ever the actor's own: the channels take no user id. Display choices, not patient data, so
 * neither a read nor a change is audited; a change is one upsert in its own transaction.
 */
export class PreferencesService {
  private readonly db: Database.Database;

  constructor(private readonly ctx: ServiceContext) {
    this.db = ctx.db.sqlite;
  }

  get(actor: Actor): Preferences {
    const rows = preparedOnce(this.db, 'SELECT key, value_json FROM user_preferences WHERE user_id = ?').all(
      actor.userId,
    ) as { key: string; value_json: string }[];
    const preferences: Record<string, unknown> = {};
    for (const row of rows) {
      if (!PREFERENCE_KEYS.includes(row.key as PreferenceKey)) continue;
      const parsed = PREFERENCE_SCHEMAS[row.key as PreferenceKey].safeParse(parseJson(row.value_json));
      // A value an older or newer release wrote that this one cannot read is as good as unset.
      if (parsed.success) preferences[row.key] = parsed.data;
    }
    return preferences as Preferences;
  }

  set(input: PreferenceSet, actor: Actor): Preferences {
    return this.db
      .transaction(() => {
        preparedOnce(
          this.db,
          `INSERT INTO user_preferences (user_id, key, value_json, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (user_id, key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
        ).run(actor.userId, input.key, JSON.stringify(input.value), isoNow(this.ctx));
        return this.get(actor);
      })
      .immediate();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
