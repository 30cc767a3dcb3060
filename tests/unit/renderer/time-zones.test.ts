import { describe, expect, it } from 'vitest';
import { browserTimeZone, timeZoneOptions } from '../../../renderer/src/app/time-zones';
import { clinicSettingsSchema } from '../../../shared/domain/settings';
import { canonicalTimeZone } from '../../../shared/time-zones';

describe('the clinic’s time-zone list', () => {
  it('offers canonical IANA names: Asia/Kolkata, not Asia/Calcutta', () => {
    const zones = timeZoneOptions('Europe/London');
    for (const [canonical, legacy] of [
      ['Asia/Kolkata', 'Asia/Calcutta'],
      ['Asia/Kathmandu', 'Asia/Katmandu'],
      ['Asia/Ho_Chi_Minh', 'Asia/Saigon'],
      ['Asia/Yangon', 'Asia/Rangoon'],
      ['Europe/Kyiv', 'Europe/Kiev'],
      ['America/Argentina/Buenos_Aires', 'America/Buenos_Aires'],
    ]) {
      expect(zones).toContain(canonical);
      expect(zones).not.toContain(legacy);
    }
    expect(new Set(zones).size).toBe(zones.length);
    // Every name offered is one the engine accepts.
    for (const zone of zones) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
  });

  it('proposes the computer’s own zone, under its canonical name', () => {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(browserTimeZone()).toBe(canonicalTimeZone(own));
    expect(timeZoneOptions(browserTimeZone())).toContain(browserTimeZone());
    expect(canonicalTimeZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
  });

  it('keeps a clinic saved under an old name, read back under the canonical one', () => {
    const saved = clinicSettingsSchema.parse({ clinicName: 'Pune Clinic', timeZone: 'Asia/Calcutta' });
    expect(saved.timeZone).toBe('Asia/Kolkata');
    expect(clinicSettingsSchema.safeParse({ clinicName: 'x', timeZone: 'Mars/Olympus' }).success).toBe(false);
  });
});
