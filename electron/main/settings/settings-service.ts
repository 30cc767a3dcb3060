import crypto from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { clinicSettingsSchema, type ClinicSettings } from '../../../shared/domain/settings';
import { preparedOnce } from '../db/records';
import { readDeviceState, writeDeviceState } from '../db/device-state';
import { RecordWriter } from '../records/record-writer';
import { clinicSettingsKind } from './clinic-settings-kind';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { t } from '../i18n/translate';

const DEVICE_CODE_KEY = 'device.code';
const MRN_SEQUENCE_KEY = 'mrn.next';

interface ClinicSettingsRow {
  id: string;
  version: number;
  value: string;
}

function clinicSettingsRow(ctx: ServiceContext): ClinicSettingsRow | undefined {
  return preparedOnce(
    ctx.db.sqlite,
    'SELECT id, version, value FROM clinic_settings WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1',
  ).get() as ClinicSettingsRow | undefined;
}

/**
 * The last stored clinic settings text and what it parses to. Every request reads the settings
 * (idle lock, time zone); re-validating the same JSON with zod each time showed up in the day view.
 * Keyed by the text itself, so a change by any writer is seen at the next read.
 */
let parsedClinic: { raw: string; settings: ClinicSettings } | null = null;

export function readClinicSettings(ctx: ServiceContext): ClinicSettings | null {
  const raw = clinicSettingsRow(ctx)?.value ?? null;
  if (raw === null) return null;
  if (parsedClinic?.raw !== raw) parsedClinic = { raw, settings: clinicSettingsSchema.parse(JSON.parse(raw)) };
  // A copy, as a fresh parse gave: a caller that changes its settings must not change the cache.
  return { ...parsedClinic.settings };
}

export function getClinicSettings(ctx: ServiceContext): ClinicSettings {
  const settings = readClinicSettings(ctx);
  if (!settings) throw new AppError('SETUP_REQUIRED', t('errors.settings.clinicHasNotBeenSet'));
  return settings;
}

export function clinicTimeZone(ctx: ServiceContext): string {
  return readClinicSettings(ctx)?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The clinic's settings made at first-run setup; call inside the setup transaction, which audits it. */
export function createClinicSettings(ctx: ServiceContext, settings: ClinicSettings, actor: Actor): void {
  new RecordWriter(ctx).create(
    clinicSettingsKind,
    { value: JSON.stringify(settings) },
    { actor, at: isoNow(ctx), audit: null },
  );
}

export function updateClinicSettings(ctx: ServiceContext, settings: ClinicSettings, actor: Actor): ClinicSettings {
  ctx.db.sqlite
    .transaction(() => {
      const row = clinicSettingsRow(ctx);
      if (!row) throw new AppError('SETUP_REQUIRED', t('errors.settings.clinicHasNotBeenSet'));
      const before = clinicSettingsSchema.parse(JSON.parse(row.value));
      const changed = (Object.keys(settings) as (keyof ClinicSettings)[]).filter((k) => before[k] !== settings[k]);
      new RecordWriter(ctx).update(
        clinicSettingsKind,
        row.id,
        row.version,
        { value: JSON.stringify(settings) },
        {
          actor,
          at: isoNow(ctx),
          audit: {
            action: 'settings.update',
            details: changed.length ? `changed: ${changed.join(', ')}` : 'no changes',
          },
        },
      );
    })
    .immediate();
  return getClinicSettings(ctx);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * This device's MRN prefix: four random Crockford base-32 characters chosen on first use.
 * Each laptop numbers its own patients after its own prefix, so two laptops registering offline
 * never produce the same MRN (about one chance in a million that two devices draw the same prefix).
 */
export function deviceCode(ctx: ServiceContext): string {
  const existing = readDeviceState(ctx.db.sqlite, DEVICE_CODE_KEY);
  if (existing) return existing;
  const bytes = crypto.randomBytes(4);
  const code = Array.from(bytes, (b) => CROCKFORD[b % 32]).join('');
  writeDeviceState(ctx.db.sqlite, DEVICE_CODE_KEY, code, isoNow(ctx));
  return code;
}

/** Next MRN for this device; call inside the registering transaction. */
export function nextMrn(ctx: ServiceContext): string {
  const code = deviceCode(ctx);
  const next = Number(readDeviceState(ctx.db.sqlite, MRN_SEQUENCE_KEY) ?? '1');
  writeDeviceState(ctx.db.sqlite, MRN_SEQUENCE_KEY, String(next + 1), isoNow(ctx));
  return `${code}-${String(next).padStart(6, '0')}`;
}
