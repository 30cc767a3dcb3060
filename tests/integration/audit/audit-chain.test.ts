import fs from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../electron/main/audit/audit-service';
import { auditStartCheck, verifyAuditChain } from '../../../electron/main/audit/audit-integrity';
import { ADMIN_PASSWORD, addUser, openTestApp, setUpClinic, type TestApp } from '../support';
import { copyClinicLog, restart, seedClinicLog as seedTemplate, type ClinicLog } from './chain-support';
import { anchorFile, auditSeqs, readAnchorText, renumberFrom, swapEntries, tamper } from './tamper';

let app: TestApp | undefined;
let template: ClinicLog;
beforeAll(async () => {
  template = await seedTemplate();
}, 120_000);
const seedClinicLog = async () => copyClinicLog(template);
function closeApp(): void {
  app?.close();
  app = undefined;
}
afterEach(closeApp);

async function restartExpectingBreak(dir: string, firstBrokenSeq: number | null, reason: string) {
  const started = await restart(dir);
  app = started.app;
  expect(started.result).toMatchObject({ ok: false, firstBrokenSeq, reason });
  // What administrators see: the alarm, naming the entry.
  const admin = app.core.newSession();
  await app.call(admin, 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
  const integrity = await app.call(admin, 'audit.integrity', {});
  expect(integrity).toMatchObject({ checking: false, result: { ok: false, firstBrokenSeq, reason } });
  if (firstBrokenSeq !== null)
    expect(integrity.result!.ok === false && integrity.result!.message).toContain(`#${firstBrokenSeq}`);
  return started.result;
}

describe('the audit chain', { timeout: 120_000 }, () => {
  it('a clean log verifies after restarts, on demand (audited) and before an export', async () => {
    const { dir, seqs } = await seedClinicLog();
    expect(seqs.length).toBeGreaterThan(30);
    const anchor = JSON.parse(readAnchorText(dir)) as { seq: number; mac: string };
    expect(anchor.seq).toBe(seqs.at(-1));
    for (let i = 0; i < 2; i += 1) {
      const started = await restart(dir);
      app = started.app;
      expect(started.result).toMatchObject({ ok: true, rows: seqs.length + i * 2 });
      const admin = app.core.newSession();
      await app.call(admin, 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
      const verified = await app.call(admin, 'audit.verify', {});
      expect(verified).toMatchObject({ ok: true });
      closeApp();
    }
    const started = await restart(dir);
    app = started.app;
    const admin = app.core.newSession();
    await app.call(admin, 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    const last = await app.call(admin, 'audit.list', { action: 'audit.verify' });
    expect(last.entries[0]).toMatchObject({ username: 'admin', outcome: 'success' });
    const exported = await app.call(admin, 'audit.exportCsv', {});
    expect(exported.integrity).toMatchObject({ ok: true });
    expect(exported.csv.trimEnd().split('\r\n').at(-1)).toMatch(/^"Audit trail check","Verified: all \d+ entries/);
  });

  it('a long log is verified in slices: other requests are answered while it is checked', async () => {
    app = openTestApp();
    await auditStartCheck(app.core.ctx);
    const admin = await setUpClinic(app);
    const db = app.core.db.sqlite;
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++)
        appendAudit(db, {
          at: '2026-03-10T09:00:00.000Z',
          userId: null,
          username: `u${i}`,
          action: 'auth.sign_in_failed',
        });
    })();
    const order: string[] = [];
    const verifying = app.call(admin, 'audit.verify', {}).then((r) => {
      order.push('verify');
      return r;
    });
    await app.call(admin, 'audit.integrity', {}).then(() => order.push('integrity'));
    const result = await verifying;
    expect(result).toMatchObject({ ok: true });
    expect(result.rows).toBeGreaterThan(20_000);
    expect(order).toEqual(['integrity', 'verify']);
  });

  it('every entry is sealed in the transaction that writes it; a rolled-back one leaves the chain whole', async () => {
    app = openTestApp();
    await auditStartCheck(app.core.ctx);
    await setUpClinic(app);
    const db = app.core.db.sqlite;
    expect(db.prepare('SELECT count(*) FROM audit_log WHERE mac IS NULL').pluck().get()).toBe(0);
    expect(() =>
      db.transaction(() => {
        appendAudit(db, { at: '2026-03-10T09:00:00.000Z', userId: null, username: 'x', action: 'auth.sign_in_failed' });
        throw new Error('the action failed');
      })(),
    ).toThrow('the action failed');
    appendAudit(db, { at: '2026-03-10T09:01:00.000Z', userId: null, username: 'y', action: 'auth.sign_in_failed' });
    expect(await verifyAuditChain(app.core.ctx)).toMatchObject({ ok: true });
    // The sealed MAC may not be changed or removed, even by the one update the log allows.
    expect(() => db.prepare(`UPDATE audit_log SET mac = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE audit_log SET mac = NULL').run()).toThrow(/append-only/);
  });

  it('entries written before this version are sealed once, at the next start, in seq order', async () => {
    const { dir, seqs } = await seedClinicLog();
    tamper(dir, (db) => db.prepare('UPDATE audit_log SET mac = NULL').run());
    fs.rmSync(anchorFile(dir)); // as before this version: no MACs and no anchor
    const first = await restart(dir);
    app = first.app;
    expect(first.result).toMatchObject({ ok: true, rows: seqs.length });
    closeApp();
    const second = await restart(dir);
    app = second.app;
    expect(second.result).toMatchObject({ ok: true, rows: seqs.length });
  });

  it('a log whose MACs were stripped is not sealed again: the first entry is named', async () => {
    const { dir } = await seedClinicLog();
    tamper(dir, (db) => db.prepare('UPDATE audit_log SET mac = NULL').run());
    await restartExpectingBreak(dir, 1, 'inserted');
  });

  it('an edited entry', async () => {
    const { dir, seqs } = await seedClinicLog();
    const target = seqs[12]!;
    tamper(dir, (db) => db.prepare(`UPDATE audit_log SET username = 'nobody' WHERE seq = ?`).run(target));
    await restartExpectingBreak(dir, target, 'edited');
  });

  it('a patient added to or taken from what an entry showed', async () => {
    const { dir } = await seedClinicLog();
    const { seq, uuid } = onlyOne(dir, `action = 'patient.search' AND details LIKE '2 %'`);
    const other = onlyOne(dir, `action = 'patient.search' AND details LIKE '4 %'`);
    tamper(dir, (db) => {
      const extra = db
        .prepare('SELECT patient_id FROM audit_log_patients WHERE audit_uuid = ?')
        .pluck()
        .all(other.uuid);
      for (const patientId of extra)
        db.prepare('INSERT OR IGNORE INTO audit_log_patients VALUES (?, ?)').run(uuid, patientId);
    });
    await restartExpectingBreak(dir, seq, 'edited');
    closeApp();
    const { dir: dir2 } = await seedClinicLog();
    const search = onlyOne(dir2, `action = 'patient.search' AND details LIKE '4 %'`);
    tamper(dir2, (db) =>
      db
        .prepare(
          'DELETE FROM audit_log_patients WHERE rowid = (SELECT max(rowid) FROM audit_log_patients WHERE audit_uuid = ?)',
        )
        .run(search.uuid),
    );
    await restartExpectingBreak(dir2, search.seq, 'edited');
  });

  it('a deleted entry, with or without the rest renumbered to close the gap', async () => {
    const { dir, seqs } = await seedClinicLog();
    const target = seqs[9]!;
    tamper(dir, (db) => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(target));
    await restartExpectingBreak(dir, target, 'deleted');
    closeApp();

    const { dir: dir2, seqs: seqs2 } = await seedClinicLog();
    const gone = seqs2[9]!;
    tamper(dir2, (db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = ?').run(gone);
      renumberFrom(db, gone + 1, -1);
      db.prepare(`UPDATE sqlite_sequence SET seq = seq - 1 WHERE name = 'audit_log'`).run();
    });
    await restartExpectingBreak(dir2, gone, 'deleted');
  });

  it('an inserted entry: added at the end, or put in the middle with the rest renumbered', async () => {
    const { dir, seqs } = await seedClinicLog();
    tamper(dir, (db) =>
      db
        .prepare(
          `INSERT INTO audit_log (uuid, device_id, at, user_id, username, action, outcome, details)
           SELECT '00000000-0000-4000-8000-000000000001', device_id, at, user_id, username, 'auth.sign_out', outcome, ''
           FROM audit_log WHERE seq = ?`,
        )
        .run(seqs.at(-1)),
    );
    await restartExpectingBreak(dir, seqs.at(-1)! + 1, 'inserted');
    closeApp();

    const { dir: dir2, seqs: seqs2 } = await seedClinicLog();
    const at = seqs2[7]!;
    tamper(dir2, (db) => {
      renumberFrom(db, at, 1);
      db.prepare(
        `INSERT INTO audit_log (seq, uuid, device_id, at, user_id, username, action, outcome, details, mac)
         SELECT ?, '00000000-0000-4000-8000-000000000002', device_id, at, user_id, username, 'auth.sign_out', outcome, '', mac
         FROM audit_log WHERE seq = ?`,
      ).run(at, at + 1);
    });
    await restartExpectingBreak(dir2, at, 'inserted');
  });

  it('two entries swapped, with or without their MACs', async () => {
    const { dir, seqs } = await seedClinicLog();
    const [a, b] = [seqs[5]!, seqs[15]!];
    tamper(dir, (db) => swapEntries(db, a, b));
    await restartExpectingBreak(dir, a, 'reordered');
    closeApp();

    const { dir: dir2, seqs: seqs2 } = await seedClinicLog();
    const [c, d] = [seqs2[6]!, seqs2[7]!];
    tamper(dir2, (db) => swapEntries(db, c, d, true));
    await restartExpectingBreak(dir2, c, 'reordered');
  });

  it('a cut tail, whether the anchor file was rolled back with it or not, and the alarm outlives a restart', async () => {
    const { dir, seqs } = await seedClinicLog();
    const keep = seqs[19]!;
    tamper(dir, (db) => db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep));
    await restartExpectingBreak(dir, keep + 1, 'tail-cut');
    closeApp();

    // The anchor rolled back to a copy from before the cut entries: the highest seq ever given shows it.
    const early = await seedClinicLog();
    const earlyAnchor = readAnchorText(early.dir);
    const second = await restart(early.dir);
    await second.app.call(second.app.core.newSession(), 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    second.app.close();
    const cutAt = early.seqs.at(-1)! + 1;
    tamper(early.dir, (db) => db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(cutAt));
    fs.writeFileSync(anchorFile(early.dir), earlyAnchor);
    await restartExpectingBreak(early.dir, cutAt, 'tail-cut');
    closeApp();

    // sqlite_sequence put back too, anchor not rolled back: the anchor names the cut; after more
    // entries (which take the cut seqs again) and another restart the alarm still names it.
    const third = await seedClinicLog();
    const from = third.seqs[24]!;
    tamper(third.dir, (db) => {
      db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(from);
      db.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'`).run(from - 1);
    });
    await restartExpectingBreak(third.dir, from, 'tail-cut');
    closeApp();
    expect(auditSeqs(third.dir).at(-1)).toBeGreaterThanOrEqual(from);
    await restartExpectingBreak(third.dir, from, 'tail-cut');
  });

  it('an anchor left behind by a crash is not an alarm; a forged one is', async () => {
    const { dir } = await seedClinicLog();
    const older = readAnchorText(dir);
    const later = await restart(dir);
    const admin = await setUpAdmin(later.app);
    await addUser(later.app, admin, 'desk', ['receptionist']);
    later.app.close();
    expect(readAnchorText(dir)).not.toBe(older);
    fs.writeFileSync(anchorFile(dir), older); // the crash came before the last anchor write
    const started = await restart(dir);
    app = started.app;
    expect(started.result).toMatchObject({ ok: true });
    closeApp();

    const anchor = JSON.parse(readAnchorText(dir)) as { seq: number };
    fs.writeFileSync(anchorFile(dir), JSON.stringify({ ...anchor, seq: anchor.seq + 5 }));
    await restartExpectingBreak(dir, null, 'anchor-forged');
    // Left as found: the alarm stays until someone looks into it.
    closeApp();
    await restartExpectingBreak(dir, null, 'anchor-forged');
  });

  it('a broken chain is named in the export, which still goes out', async () => {
    const { dir, seqs } = await seedClinicLog();
    tamper(dir, (db) => db.prepare(`UPDATE audit_log SET details = 'hidden' WHERE seq = ?`).run(seqs[3]));
    await restartExpectingBreak(dir, seqs[3]!, 'edited');
    const admin = await setUpAdmin(app!);
    const exported = await app!.call(admin, 'audit.exportCsv', {});
    expect(exported.integrity).toMatchObject({ ok: false, firstBrokenSeq: seqs[3] });
    expect(exported.csv.trimEnd().split('\r\n').at(-1)).toContain(`"ALTERED: entry #${seqs[3]} (`);
    const desk = await addUser(app!, admin, 'desk2', ['receptionist']);
    expect(await app!.raw(desk, 'audit.integrity', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

async function setUpAdmin(running: TestApp) {
  const admin = running.core.newSession();
  await running.call(admin, 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
  return admin;
}

function onlyOne(dir: string, where: string): { seq: number; uuid: string } {
  const found = auditRows(dir, where);
  expect(found.length).toBeGreaterThan(0);
  return found[0]!;
}

function auditRows(dir: string, where: string): { seq: number; uuid: string }[] {
  let rows: { seq: number; uuid: string }[] = [];
  tamper(dir, (db) => {
    rows = db.prepare(`SELECT seq, uuid FROM audit_log WHERE ${where} ORDER BY seq`).all() as typeof rows;
  });
  return rows;
}
