import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/connect.js';
import { isPostgres } from '../../platform/db/dialect.js';
import { testDialects } from '../../test-support/db.js';
import { TestEnv } from '../../test-support/env.js';
import { verifyAudit } from './audit.service.js';

/** Tampering needs the append-only triggers out of the way, as an attacker with database access would do. */
async function withoutGuard(db: Db, fn: () => Promise<unknown>) {
  if (isPostgres(db)) {
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
    await fn();
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
  } else {
    await sql`drop trigger audit_log_no_update`.execute(db);
    await sql`drop trigger audit_log_no_delete`.execute(db);
    await fn();
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      db,
    );
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      db,
    );
  }
}

describe.each(testDialects)('the audit trail on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const root = await env.root();
    const admin = await env.loginAdmin();
    for (let i = 0; i < 5; i++)
      await admin.post('/api/v1/orgs', { parentId: root.id, name: `审计市${i}`, type: 'city' });
    await admin.post('/api/v1/orgs', { parentId: root.id, name: '审计省', type: 'province', divisionCode: '530000' });
  });
  afterAll(() => env.close());

  it('records every change with actor, time, action, entity and before/after', async () => {
    const admin = await env.loginAdmin();
    const r = await admin.get('/api/v1/audit?action=org.create&limit=10');
    const e = r.body.items.find((x: { after: { name: string } }) => x.after.name === '审计市3');
    expect(e).toMatchObject({ actorName: 'admin', entityType: 'org', action: 'org.create', before: null });
    expect(e.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps one chain per province, and verifies clean', async () => {
    const result = await verifyAudit(env.ctx.db);
    expect(result.ok).toBe(true);
    expect(result.chains.map((c) => c.chain)).toEqual(['00', '53']);
    const admin = await env.loginAdmin();
    expect((await admin.get('/api/v1/audit/verify')).body.ok).toBe(true);
  });

  it('the database refuses updates and deletes of audit entries', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(env.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(env.ctx.db)).rejects.toThrow(/append-only/);
  });

  it('detects an altered entry', async () => {
    const db = env.ctx.db;
    await withoutGuard(db, () =>
      sql`update audit_log set after_json = '{"name":"假"}' where chain = '00' and seq = 4`.execute(db),
    );
    const r = await verifyAudit(db);
    expect(r.ok).toBe(false);
    const chain = r.chains.find((c) => c.chain === '00');
    expect(chain?.problems).toContainEqual({ seq: 4, problem: 'hash does not match the content: entry altered' });
  });

  it('detects a deleted entry in the middle and at the tail', async () => {
    const db = env.ctx.db;
    await withoutGuard(db, () => sql`delete from audit_log where chain = '00' and seq = 6`.execute(db));
    const mid = (await verifyAudit(db)).chains.find((c) => c.chain === '00');
    expect(mid?.problems.map((p) => p.seq)).toContain(7);
    const before = await verifyAudit(db);
    expect(before.chains.find((c) => c.chain === '53')?.problems).toEqual([]);
    await withoutGuard(db, () =>
      sql`delete from audit_log where chain = '53' and seq = (select max(seq) from audit_log where chain = '53')`.execute(
        db,
      ),
    );
    const tail = (await verifyAudit(db)).chains.find((c) => c.chain === '53');
    expect(tail?.problems[0]?.problem).toMatch(/entries deleted/);
  });
});
