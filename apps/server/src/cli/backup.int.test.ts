import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRootAndAdmin } from '../first-start.js';
import { verifyAudit } from '../modules/audit/audit.service.js';
import * as orgs from '../modules/orgs/orgs.repository.js';
import { systemActor } from '../platform/auth/actor.js';
import { openContext } from '../platform/bootstrap.js';
import { type Config, loadConfig } from '../platform/config.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/connect.js';
import { lockDatabase } from '../platform/db/server-lock.js';
import { freshDatabase, type TestDb, testDialects } from '../test-support/db.js';
import { seedDemo } from './demo.js';

const bin = path.resolve(import.meta.dirname, '../../bin/bangfu.mjs');
const SECRET = 'backup-test-secret-at-least-32-characters';
const silent = { info() {}, warn() {}, error() {}, debug() {} } as unknown as AppContext['log'];

async function tables(db: Db, dialect: string): Promise<string[]> {
  const r =
    dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'
          and name not like 'sqlite_%' order by 1`.execute(db);
  return r.rows.map((x) => x.name);
}
async function rowsOf(db: Db, table: string): Promise<string[]> {
  const r = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
  return r.rows.map((row) => JSON.stringify(row)).sort();
}

/** Backup and restore: a faithful round trip, never under a running server, never with the wrong secret. */
// Each case spawns the CLI several times (a few seconds each, more on a busy machine).
describe.each(testDialects)('backup and restore on %s', { timeout: 240_000 }, (dialect) => {
  let source: TestDb;
  let target: TestDb;
  let dir: string;
  let ctx: AppContext;
  const configOf = (url: string, env: Record<string, string> = {}): Config =>
    loadConfig({ DATABASE_URL: url, BANGFU_SECRET: SECRET, LOG_LEVEL: 'silent', ...env });
  const run = (url: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [bin, ...args], {
      env: { ...process.env, DATABASE_URL: url, BANGFU_SECRET: SECRET, LOG_LEVEL: 'silent', ...env },
      encoding: 'utf8',
      timeout: 120_000,
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-backup-'));
    source = await freshDatabase(dialect);
    target = await freshDatabase(dialect);
    await source.handle.close();
    await target.handle.close();
    // The demo: a city of unions, users of every role, household files with 身份证号 and bank cards, a paid
    // batch in the ledger, and the audit chain of all of it.
    ctx = await openContext(configOf(source.url), silent);
    await ensureRootAndAdmin(ctx);
    const root = await orgs.findRoot(ctx.db);
    if (!root) throw new Error('no root');
    await seedDemo(ctx, systemActor({ orgId: root.id, path: root.path, provinceCode: root.province_code }));
  }, 300_000);
  afterAll(async () => {
    await ctx?.handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
    await source.drop().catch(() => {});
    await target.drop().catch(() => {});
  });

  it('keeps the database, its -wal/-shm, the secret file and backups readable by their owner only', async () => {
    if (dialect === 'sqlite') {
      for (const f of [source.url, `${source.url}-wal`, `${source.url}-shm`])
        expect((fs.statSync(f).mode & 0o777).toString(8), f).toBe('600');
      const fresh = path.join(dir, 'fresh', 'bangfu.sqlite');
      const c = await openContext(loadConfig({ DATABASE_URL: fresh, LOG_LEVEL: 'silent' }), silent);
      await c.handle.close();
      expect((fs.statSync(path.join(dir, 'fresh', 'bangfu.secret')).mode & 0o777).toString(8)).toBe('600');
      expect((fs.statSync(fresh).mode & 0o777).toString(8)).toBe('600');
    }
    const file = path.join(dir, 'modes.backup');
    const b = run(source.url, ['backup', file]);
    expect(b.status, b.stderr).toBe(0);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
  });

  it('refuses to start, and to restore, with a secret that does not open the data', async () => {
    await expect(
      openContext(configOf(source.url, { BANGFU_SECRET: 'another-secret-of-at-least-32-characters' }), silent),
    ).rejects.toThrow(/BANGFU_SECRET does not open this data.*BANGFU_OLD_SECRETS/);
    if (dialect === 'sqlite') {
      // No BANGFU_SECRET and no secret file beside the database: no fresh random secret over old data.
      const moved = path.join(dir, 'moved.sqlite');
      fs.copyFileSync(source.url, moved);
      await expect(openContext(loadConfig({ DATABASE_URL: moved, LOG_LEVEL: 'silent' }), silent)).rejects.toThrow(
        /BANGFU_SECRET is not set .* missing/,
      );
      expect(fs.existsSync(path.join(dir, 'bangfu.secret'))).toBe(false);
    }
    const file = path.join(dir, 'secret.backup');
    expect(run(source.url, ['backup', file]).status).toBe(0);
    const r = run(target.url, ['restore', file], { BANGFU_SECRET: 'another-secret-of-at-least-32-characters' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/BANGFU_SECRET cannot open/);
  });

  it('refuses to restore while a server holds the database', async () => {
    const file = path.join(dir, 'held.backup');
    expect(run(source.url, ['backup', file]).status).toBe(0);
    const lock = await lockDatabase(configOf(target.url), 'server'); // what `bangfu serve` holds while it runs
    try {
      const r = run(target.url, ['restore', file]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/server.* is using this database; stop it before restoring/);
    } finally {
      await lock.release();
    }
  });

  it('restores into a fresh database every table row by row, the ledger, the audit chain and personal data', async () => {
    const file = path.join(dir, 'roundtrip.backup');
    const b = run(source.url, ['backup', file]);
    expect(b.status, b.stderr).toBe(0);
    const r = run(target.url, ['restore', file]);
    expect(r.status, r.stderr).toBe(0);
    const restored = await openContext(configOf(target.url), silent);
    try {
      const names = await tables(ctx.db, dialect);
      expect(await tables(restored.db, dialect)).toEqual(names);
      for (const t of ['household', 'ledger_entry', 'ledger_line', 'assistance_grant', 'audit_log', 'key_check'])
        expect(names).toContain(t);
      for (const t of names) expect(await rowsOf(restored.db, t), t).toEqual(await rowsOf(ctx.db, t));
      expect((await rowsOf(ctx.db, 'ledger_line')).length).toBeGreaterThan(0);
      expect(await verifyAudit(restored.db)).toMatchObject({ ok: true });
      const h = await restored.db.selectFrom('household').select('id_enc').executeTakeFirstOrThrow();
      expect(restored.crypto.decrypt(h.id_enc)).toMatch(/^\d{17}[\dX]$/);
    } finally {
      await restored.handle.close();
    }
  });
});
