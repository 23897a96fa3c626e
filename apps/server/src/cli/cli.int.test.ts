import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/connect.js';
import { freshDatabase, type TestDb, testDialects } from '../test-support/db.js';

const bin = path.resolve(import.meta.dirname, '../../bin/bangfu.mjs');

describe.each(testDialects)('the bangfu command on %s', (dialect) => {
  let tdb: TestDb;
  let dir: string;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: tdb.url,
        BANGFU_ADMIN_PASSWORD: 'Admin-pass-2026',
        BANGFU_SECRET: 'cli-test-secret-at-least-32-characters',
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
  const count = async (table: 'org_node' | 'app_user') => {
    const h = openDatabase(loadConfig({ DATABASE_URL: tdb.url }));
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(h.db);
    await h.close();
    return Number(r.rows[0]?.n);
  };

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    await tdb.handle.close();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-cli-'));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await tdb.drop().catch(() => {});
  });

  it('migrates, imports a tree and creates a user', async () => {
    expect(run('migrate').stdout).toMatch(/up to date/);
    const csv = path.join(dir, 'tree.csv');
    fs.writeFileSync(
      csv,
      '单位名称,类型,行政区划代码,上级单位\n命令行市总工会,市,,\n命令行县总工会,县区,,命令行市总工会\n',
    );
    const imp = run('org', 'import', csv);
    expect(imp.stdout).toMatch(/created 2 organisations/);
    const again = run('org', 'import', csv);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/ORG_IMPORT_INVALID: 导入文件有错误/);
    expect(await count('org_node')).toBe(3);
    const u = run('user', 'create', '-u', 'cli.clerk', '-n', '命令行建档员', '-o', '3', '-r', 'intake_clerk');
    expect(u.status).toBe(0);
    expect(u.stdout).toMatch(/initial password: \S{16}/);
    expect(run('user', 'create', '-u', 'x1', '-n', 'x', '-o', '3', '-r', 'boss').stderr).toMatch(/unknown role/);
    const reset = run('user', 'reset-password', 'cli.clerk', '-p', 'Another-pass-9');
    expect(reset.stdout).toMatch(/must be changed/);
  });

  it('verifies the audit trail and exits 1 once it is tampered with', async () => {
    const ok = run('audit', 'verify');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/audit trail intact/);
    const h = openDatabase(loadConfig({ DATABASE_URL: tdb.url }));
    if (dialect === 'postgres') {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(h.db);
      await sql`update audit_log set actor_name = 'someone-else' where seq = 2 and chain = '00'`.execute(h.db);
    } else {
      await sql`drop trigger audit_log_no_update`.execute(h.db);
      await sql`update audit_log set actor_name = 'someone-else' where seq = 2 and chain = '00'`.execute(h.db);
    }
    await h.close();
    const bad = run('audit', 'verify');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/seq 2: hash does not match/);
    expect(bad.stdout).toMatch(/AUDIT TRAIL TAMPERED/);
  });

  it('backs up and restores the database', async () => {
    const file = path.join(dir, dialect === 'sqlite' ? 'backup.sqlite' : 'backup.dump');
    const b = run('backup', file);
    expect(b.status, b.stderr).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    const csv = path.join(dir, 'more.csv');
    fs.writeFileSync(csv, '单位名称,类型\n备份后新建市,市\n');
    expect(run('org', 'import', csv).status).toBe(0);
    expect(await count('org_node')).toBe(4);
    const r = run('restore', file);
    expect(r.status, r.stderr).toBe(0);
    expect(await count('org_node')).toBe(3);
    expect(await count('app_user')).toBe(2);
    expect(run('backup', file).stderr).toMatch(/exists/);
  });
});
