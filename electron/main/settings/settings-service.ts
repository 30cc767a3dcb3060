import crypto from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { clinicSettingsSchema, type ClinicSettings } from '../../../shared/domain/settings';
import { preparedOnce } from '../db/records';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';

const CLINIC_KEY = 'clinic';
const DEVICE_CODE_KEY = 'device.code';
const MRN_SEQUENCE_KEY = 'mrn.next';

function readSetting(ctx: ServiceContext, key: string): string | null {
  const row = preparedOnce(ctx.db.sqlite, 'SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

function writeSetting(ctx: ServiceContext, key: string, value: string, userId: string | null): void {
  preparedOnce(
    ctx.db.sqlite,
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(key, value, isoNow(ctx), userId);
}

/**
 * The last stored clinic settings text and what it parses to. Every request reads the settings
 * (idle lock, time zone); re-validating the same JSON with zod each time showed up in the day view.
 * Keyed by the text itself, so a change by any writer is seen at the next read.
 */
let parsedClinic: { raw: string; settings: ClinicSettings } | null = null;

export function readClinicSettings(ctx: ServiceContext): ClinicSettings | null {
  const raw = readSetting(ctx, CLINIC_KEY);
  if (raw === null) return null;
  if (parsedClinic?.raw !== raw) parsedClinic = { raw, settings: clinicSettingsSchema.parse(JSON.parse(raw)) };
  // A copy, as a fresh parse gave: a caller that changes its settings must not change the cache.
  return { ...parsedClinic.settings };
}

export function getClinicSettings(ctx: ServiceContext): ClinicSettings {
  const settings = readClinicSettings(ctx);
  if (!settings) throw new AppError('SETUP_REQUIRED', 'The clinic has not been set up yet.');
  return settings;
}

export function clinicTimeZone(ctx: ServiceContext): string {
  return readClinicSettings(ctx)?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Writes clinic settings; call inside a transaction when part of a larger change (first-run setup). */
export function writeClinicSettings(ctx: ServiceContext, settings: ClinicSettings, userId: string | null): void {
  writeSetting(ctx, CLINIC_KEY, JSON.stringify(settings), userId);
}

export function updateClinicSettings(ctx: ServiceContext, settings: ClinicSettings, actor: Actor): ClinicSettings {
  const db = ctx.db.sqlite;
  db.transaction(() => {
    const before = readClinicSettings(ctx);
    writeClinicSettings(ctx, settings, actor.userId);
    const changed = before
      ? (Object.keys(settings) as (keyof ClinicSettings)[]).filter((k) => before[k] !== settings[k])
      : Object.keys(settings);
    appendAudit(db, {
      at: isoNow(ctx),
      userId: actor.userId,
      username: actor.username,
      action: 'settings.update',
      details: changed.length ? `changed: ${changed.join(', ')}` : 'no changes',
    });
  }).immediate();
  return getClinicSettings(ctx);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * This device's MRN prefix: four random Crockford base-32 characters chosen on first use.
 * Each laptop numbers its own patients after its own prefix, so two laptops registering offline
 * never produce the same MRN (about one chance in a million that two devices draw the same prefix).
 */
export function deviceCode(ctx: ServiceContext): string {
  const existing = readSetting(ctx, DEVICE_CODE_KEY);
  if (existing) return existing;
  const bytes = crypto.randomBytes(4);
  const code = Array.from(bytes, (b) => CROCKFORD[b % 32]).join('');
  writeSetting(ctx, DEVICE_CODE_KEY, code, null);
  return code;
}

/** Next MRN for this device; call inside the registering transaction. */
export function nextMrn(ctx: ServiceContext): string {
  const code = deviceCode(ctx);
  const next = Number(readSetting(ctx, MRN_SEQUENCE_KEY) ?? '1');
  writeSetting(ctx, MRN_SEQUENCE_KEY, String(next + 1), null);
  return `${code}-${String(next).padStart(6, '0')}`;
}
