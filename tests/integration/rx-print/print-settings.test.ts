import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, setUpClinic, type TestApp } from '../support';

let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

describe('prescription print settings (paper, language)', { timeout: 120_000 }, () => {
  it('default to A5 in English, for clinics set up before they existed too; refuse what is not offered', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const settings = await app.call(admin, 'settings.get', {});
    expect(settings).toMatchObject({ prescriptionPaperSize: 'A5', printLanguage: 'en' });

    // Settings stored before these fields existed read with the defaults.
    const stored = app.core.db.sqlite.prepare('SELECT value FROM clinic_settings').get() as { value: string };
    const old = JSON.parse(stored.value) as Record<string, unknown>;
    delete old.prescriptionPaperSize;
    delete old.printLanguage;
    expect(
      await app.call(admin, 'settings.update', old as Parameters<typeof app.call<'settings.update'>>[2]),
    ).toMatchObject({ prescriptionPaperSize: 'A5', printLanguage: 'en' });

    const saved = await app.call(admin, 'settings.update', {
      ...settings,
      prescriptionPaperSize: 'A4',
      printLanguage: 'hi',
    });
    expect(saved).toMatchObject({ prescriptionPaperSize: 'A4', printLanguage: 'hi' });

    const changes = app.count('change_log');
    for (const [field, value] of [
      ['prescriptionPaperSize', 'LETTER'],
      ['printLanguage', 'fr'],
    ] as const) {
      const refused = await app.raw(admin, 'settings.update', { ...saved, [field]: value });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!refused.ok) expect(Object.keys(refused.error.fields ?? {})).toContain(field);
    }
    expect(app.count('change_log')).toBe(changes);
    expect(await app.call(admin, 'settings.get', {})).toMatchObject({
      prescriptionPaperSize: 'A4',
      printLanguage: 'hi',
    });
  });
});
