import { v7 as uuidv7 } from 'uuid';
import type Database from 'better-sqlite3';

/**
 * Random bytes for ids, drawn from the system's generator 4 KB at a time: one call per id was a
 * sixth of a lab import's CPU. Ids are unique, not secret; nothing else reads this pool.
 */
const pool = new Uint8Array(4096);
let poolAt = pool.length;
function random16(): Uint8Array {
  if (poolAt + 16 > pool.length) {
    crypto.getRandomValues(pool);
    poolAt = 0;
  }
  return pool.subarray(poolAt, (poolAt += 16));
}

/** The time-ordered state uuid keeps when called without options (RFC 9562 method 1, counter). */
const clock = { msecs: -Infinity, seq: 0 };

/**
 * A UUIDv7: time-ordered, so ids made later sort later even within a millisecond (a 31-bit counter
 * seeded at random each new millisecond), as uuid's own v7() does with its default random source.
 */
export function newId(): string {
  const random = random16();
  const now = Date.now();
  if (now > clock.msecs) {
    clock.msecs = now;
    clock.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    clock.seq = (clock.seq + 1) | 0;
    if (clock.seq === 0) clock.msecs++;
  }
  return uuidv7({ random, msecs: clock.msecs, seq: clock.seq });
}

/** One prepared statement per connection and SQL text: writes on hot paths skip re-preparing. */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function preparedOnce(db: Database.Database, sql: string): Database.Statement {
  let byText = statements.get(db);
  if (!byText) {
    byText = new Map();
    statements.set(db, byText);
  }
  let statement = byText.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    byText.set(sql, statement);
  }
  return statement;
}
