import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash } from '../platform/audit/audit-log.js';
import { loadConfig } from '../platform/config.js';
import { type Db, openDatabase } from '../platform/db/connect.js';
import { freshDatabase, type TestDb, testDialects } from '../test-support/db.js';

const bin = path.resolve(import.meta.dirname, '../../bin/bangfu.mjs');
const AUDIT_KEY = 'audit-checkpoint-key-kept-off-the-database-server';

/**
 * What a superuser of the database can do to the trail, and what anchors it: `bangfu audit checkpoint` and
 * `bangfu audit verify --expect`.
 */
// Each case spawns the CLI several times (a few seconds each, more on a busy machine).
describe.each(testDialects)('anchoring the audit trail on %s', { timeout: 240_000 }, (dialect) => {
  let tdb: TestDb;
  let dir: string;
  const run = (args: string[], env: Record<string, string> = { BANGFU_AUDIT_KEY: AUDIT_KEY }) =>
    spawnSync(process.execPath, [bin, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: tdb.url,
        BANGFU_ADMIN_PASSWORD: 'Admin-pass-2026',
        BANGFU_SECRET: 'cli-test-secret-at-least-32-characters',
        LOG_LEVEL: 'silent',
        ...env,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
  const withDb = async <T>(fn: (db: Db) => Promise<T>) => {
    const h = openDatabase(loadConfig({ DATABASE_URL: tdb.url }));
    try {
      return await fn(h.db);
    } finally {
      await h.close();
    }
  };
  /** What a superuser does first: switch off the append-only triggers. */
  const disableTriggers = (db: Db) =>
    dialect === 'postgres'
      ? sql`alter table audit_log disable trigger audit_log_no_update`.execute(db)
      : sql`drop trigger if exists audit_log_no_update`
          .execute(db)
          .then(() => sql`drop trigger if exists audit_log_no_delete`.execute(db));

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    await tdb.handle.close();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-anchor-'));
    const csv = path.join(dir, 'tree.csv');
    fs.writeFileSync(
      csv,
      '单位名称,类型\n锚定一市总工会,市\n锚定二市总工会,市\n锚定三市总工会,市\n锚定四市总工会,市\n',
    );
    expect(run(['org', 'import', csv]).status).toBe(0);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await tdb.drop().catch(() => {});
  });

  it('refuses to write a checkpoint without a key kept apart from the database', () => {
    const r = run(['audit', 'checkpoint'], {});
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/BANGFU_AUDIT_KEY/);
  });

  it('catches a cut tail with a rewound head, which plain verify accepts', async () => {
    const cpFile = path.join(dir, 'before-truncation.json');
    const cp = run(['audit', 'checkpoint', '--out', cpFile]);
    expect(cp.status, cp.stderr).toBe(0);
    expect(fs.statSync(cpFile).mode & 0o777).toBe(0o600);
    const recorded = JSON.parse(fs.readFileSync(cpFile, 'utf8'));
    expect(recorded.chains).toEqual([expect.objectContaining({ chain: '00', seq: expect.any(Number) })]);
    expect(run(['audit', 'verify', '--expect', cpFile]).stdout).toMatch(/every recorded head is still in place/);

    await withDb(async (db) => {
      await disableTriggers(db);
      const head = await db.selectFrom('audit_head').selectAll().where('chain', '=', '00').executeTakeFirstOrThrow();
      const keep = Number(head.seq) - 1;
      await db.deleteFrom('audit_log').where('chain', '=', '00').where('seq', '>', keep).execute();
      const last = await db
        .selectFrom('audit_log')
        .select('hash')
        .where('chain', '=', '00')
        .where('seq', '=', keep)
        .executeTakeFirstOrThrow();
      await db.updateTable('audit_head').set({ seq: keep, hash: last.hash }).where('chain', '=', '00').execute();
    });
    const plain = run(['audit', 'verify']);
    expect(plain.status, 'plain verify cannot see a clean truncation').toBe(0);
    expect(plain.stdout).toMatch(/audit trail intact/);
    const anchored = run(['audit', 'verify', '--expect', cpFile]);
    expect(anchored.status).toBe(1);
    expect(anchored.stdout).toMatch(/chain 00: chain shrank/);
    expect(anchored.stdout).toMatch(/AUDIT TRAIL TAMPERED/);
  });

  it('catches an entry rewritten and the whole chain rehashed, which plain verify accepts', async () => {
    const cpFile = path.join(dir, 'before-rewrite.json');
    expect(run(['audit', 'checkpoint', '--out', cpFile]).status).toBe(0);
    await withDb(async (db) => {
      await disableTriggers(db);
      const rows = await db.selectFrom('audit_log').selectAll().where('chain', '=', '00').orderBy('seq').execute();
      let prev = '0'.repeat(64);
      for (const row of rows) {
        const { id, hash: _old, ...fields } = row;
        if (Number(row.seq) === 1) fields.actor_name = 'someone-else';
        fields.prev_hash = prev;
        prev = entryHash(fields);
        await db
          .updateTable('audit_log')
          .set({ actor_name: fields.actor_name, prev_hash: fields.prev_hash, hash: prev })
          .where('id', '=', id)
          .execute();
      }
      await db.updateTable('audit_head').set({ hash: prev }).where('chain', '=', '00').execute();
    });
    const plain = run(['audit', 'verify']);
    expect(plain.status, 'plain verify cannot see a rehashed chain').toBe(0);
    const anchored = run(['audit', 'verify', '--expect', cpFile]);
    expect(anchored.status).toBe(1);
    expect(anchored.stdout).toMatch(/chain 00: entry seq \d+ differs from checkpoint .*rewritten/);
  });

  it('refuses a checkpoint file that was edited, or checked with another key', async () => {
    const cpFile = path.join(dir, 'now.json');
    expect(run(['audit', 'checkpoint', '--out', cpFile]).status).toBe(0);
    expect(run(['audit', 'verify', '--expect', cpFile]).status).toBe(0);
    const cp = JSON.parse(fs.readFileSync(cpFile, 'utf8'));
    cp.chains[0].seq -= 1;
    const edited = path.join(dir, 'edited.json');
    fs.writeFileSync(edited, JSON.stringify(cp));
    const r = run(['audit', 'verify', '--expect', edited]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/checkpoint signature is wrong/);
    const other = run(['audit', 'verify', '--expect', cpFile], { BANGFU_AUDIT_KEY: 'x'.repeat(40) });
    expect(other.status).toBe(1);
    expect(other.stdout).toMatch(/checkpoint signature is wrong/);
  });
});
