import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { archiveWorkbook, generatedId } from '../../test-support/households.js';
import { loserCodes, race, tally } from '../../test-support/race.js';
import { commitImport, stageImport } from './archive.import.js';

const upload = (_env: TestEnv, c: Client, orgId: number, buf: Buffer) =>
  c.upload(`/api/v1/households/imports?orgId=${orgId}`, 'a.xlsx', buf);

async function until(c: Client, id: number, status: string) {
  for (let i = 0; i < 400; i++) {
    const b = (await c.get(`/api/v1/households/imports/${id}`)).body;
    if (b.status === status) return b;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${id} did not reach ${status}`);
}

const row = (n: number, grade = '相对困难') => ({
  姓名: `导入职工${n}`,
  身份证号: generatedId(n),
  婚姻状况: '已婚',
  工作状态: '下岗',
  主要致困原因: '下岗失业',
  低保情况: '低保边缘户',
  困难类别: grade,
});

/**
 * Issue 8 items 6 and 9: an import survives a crash (each row's file, members, version, events, audit entries
 * and the row's mark are one transaction; an interrupted import is resumed or cancelled, never duplicated), and
 * importing as 在档 needs a second person with archive.approve at an upper node.
 */
describe.each(testDialects)('archive imports: crashes and the second person on %s', (dialect) => {
  let env: TestEnv;
  let street: { id: number };
  let clerk: Client & { cookie?: string };
  let both: Client & { cookie?: string };
  let streetApprover: Client;
  let approver: Client;
  let base = 1000;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const tree = await env.countyWithStreet();
    street = tree.street;
    await env.user('clerk', street.id, ['intake_clerk']);
    await env.user('both', street.id, ['intake_clerk', 'approver']);
    await env.user('street-approver', street.id, ['approver']);
    await env.user('approver', tree.county.id, ['approver']);
    clerk = await env.login('clerk');
    both = await env.login('both');
    streetApprover = await env.login('street-approver');
    approver = await env.login('approver');
  });
  afterAll(() => env.close());

  const rows = (k: number) => Array.from({ length: k }, (_, i) => row(base + i));
  const filesOf = (ids: string[]) =>
    env.ctx.db
      .selectFrom('household')
      .select(['id', 'name', 'status'])
      .where('name', 'in', ids)
      .orderBy('id')
      .execute();
  const eventsOf = async (householdId: number) =>
    (
      await env.ctx.db
        .selectFrom('household_event')
        .select(['action', 'actor_name'])
        .where('household_id', '=', householdId)
        .orderBy('id')
        .execute()
    ).map((e) => e.action);
  const auditCount = async (entityId: number, action: string) =>
    (
      await env.ctx.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity_id', '=', String(entityId))
        .where('action', '=', action)
        .execute()
    ).length;

  /** Stage k rows as the system (the CLI's path) and wait for the report. */
  async function staged(k: number) {
    const sys = await env.system();
    const list = rows(k);
    base += k;
    const { id } = await stageImport(
      env.ctx,
      sys,
      { buffer: await archiveWorkbook(list), filename: 'a.xlsx', orgId: street.id },
      { wait: true },
    );
    return { id, names: list.map((r) => r.姓名) };
  }

  it('a commit killed at row 4 keeps rows 1–3 whole and nothing of row 4; resume commits the rest once', async () => {
    const { id, names } = await staged(6);
    await commitImport(env.ctx, await env.system(), id, {
      asFiled: false,
      wait: true,
      hooks: {
        afterRowWritten: (rowNo) => {
          if (rowNo === 5) throw new Error('SIGKILL');
        },
      },
    });
    const left = (await clerk.get(`/api/v1/households/imports/${id}`)).body;
    expect(left).toMatchObject({ status: 'committing', interrupted: true });
    const half = await filesOf(names);
    // Rows 2, 3, 4 of the sheet (the first three households) are whole; the fourth was rolled back with its row.
    expect(half.map((f) => f.name)).toEqual(names.slice(0, 3));
    for (const f of half) {
      expect(await eventsOf(Number(f.id))).toEqual(['create']);
      expect(await auditCount(Number(f.id), 'archive.create')).toBe(1);
    }

    const resumed = await race(10, () => clerk.post(`/api/v1/households/imports/${id}/resume`));
    expect(tally(resumed)).toEqual({ 202: 1, 409: 9 });
    expect(loserCodes(resumed)).toEqual({ ARCHIVE_IMPORT_STATE: 9 });
    expect(await until(clerk, id, 'committed')).toMatchObject({ committed: 6, interrupted: false });
    const all = await filesOf(names);
    expect(all.map((f) => f.name)).toEqual(names);
    for (const f of all) expect(await eventsOf(Number(f.id))).toEqual(['create']);
    expect((await clerk.post(`/api/v1/households/imports/${id}/resume`)).body.error.code).toBe('ARCHIVE_IMPORT_STATE');
    expect(await auditCount(id, 'archive.import.resume')).toBe(1);
  });

  it('an interrupted commit can be cancelled: committed files stay, the other rows are not imported', async () => {
    const { id, names } = await staged(4);
    await commitImport(env.ctx, await env.system(), id, {
      asFiled: false,
      wait: true,
      hooks: {
        afterRowWritten: (rowNo) => {
          if (rowNo === 4) throw new Error('SIGKILL');
        },
      },
    });
    const c = await clerk.post(`/api/v1/households/imports/${id}/cancel`);
    expect(c.status, c.text).toBe(200);
    expect(c.body).toMatchObject({ status: 'cancelled', interrupted: false });
    expect((await filesOf(names)).map((f) => f.name)).toEqual(names.slice(0, 2));
    expect((await clerk.post(`/api/v1/households/imports/${id}/resume`)).status).toBe(409);
    expect(await auditCount(id, 'archive.import.cancel')).toBe(1);
  });

  it('an import left validating (the server was killed) is shown interrupted and can be cancelled, not resumed', async () => {
    const { id } = await staged(2);
    await env.ctx.db.updateTable('archive_import').set({ status: 'validating' }).where('id', '=', id).execute();
    expect((await clerk.get(`/api/v1/households/imports/${id}`)).body).toMatchObject({ interrupted: true });
    expect((await clerk.post(`/api/v1/households/imports/${id}/resume`)).status).toBe(409);
    expect((await clerk.post(`/api/v1/households/imports/${id}/commit`, { asFiled: false })).status).toBe(409);
    expect((await clerk.post(`/api/v1/households/imports/${id}/cancel`)).body.status).toBe('cancelled');
  });

  it('20 parallel commits of one batch: one runs, 19 × 409, each file once', async () => {
    const { id, names } = await staged(3);
    const r = await race(20, () => clerk.post(`/api/v1/households/imports/${id}/commit`, { asFiled: false }));
    expect(tally(r)).toEqual({ 202: 1, 409: 19 });
    await until(clerk, id, 'committed');
    expect((await filesOf(names)).map((f) => f.name)).toEqual(names);
  });

  it('as 在档: one clerk-and-approver cannot file alone; an upper approver approves once, the history says so', async () => {
    const list = rows(3);
    base += 3;
    const names = list.map((r) => r.姓名);
    const up = await upload(env, both, street.id, await archiveWorkbook(list));
    expect(up.status, JSON.stringify(up.body)).toBe(202);
    const id = up.body.id as number;
    await until(both, id, 'ready');
    const asked = await both.post(`/api/v1/households/imports/${id}/commit`, { asFiled: true });
    expect(asked.status).toBe(202);
    expect((await both.get(`/api/v1/households/imports/${id}`)).body).toMatchObject({
      status: 'pending_approval',
      asFiled: true,
    });
    expect(await filesOf(names)).toEqual([]);

    const self = await both.post(`/api/v1/households/imports/${id}/approve`);
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('ARCHIVE_IMPORT_SELF_APPROVAL');
    const sameNode = await streetApprover.post(`/api/v1/households/imports/${id}/approve`);
    expect(sameNode.body.error.code).toBe('ARCHIVE_APPROVER_NOT_UPPER');
    expect((await clerk.post(`/api/v1/households/imports/${id}/approve`)).status).toBe(403);

    const approved = await race(20, () => approver.post(`/api/v1/households/imports/${id}/approve`));
    expect(tally(approved)).toEqual({ 202: 1, 409: 19 });
    expect(await until(approver, id, 'committed')).toMatchObject({ committed: 3 });
    const files = await filesOf(names);
    expect(files.map((f) => f.status)).toEqual(['filed', 'filed', 'filed']);
    for (const f of files) expect(await eventsOf(Number(f.id))).toEqual(['create', 'import_as_filed', 'approve']);
    const approveEvent = await env.ctx.db
      .selectFrom('household_event')
      .select('actor_name')
      .where('household_id', '=', Number(files[0]?.id))
      .where('action', '=', 'approve')
      .executeTakeFirstOrThrow();
    expect(approveEvent.actor_name).toBe('approver');
    expect(await auditCount(id, 'archive.import.approve')).toBe(1);
  });

  it('an import waiting for approval can be refused (cancelled) by the approver', async () => {
    const list = rows(1);
    base += 1;
    const up = await upload(env, clerk, street.id, await archiveWorkbook(list));
    const id = up.body.id as number;
    await until(clerk, id, 'ready');
    await clerk.post(`/api/v1/households/imports/${id}/commit`, { asFiled: true });
    const c = await approver.post(`/api/v1/households/imports/${id}/cancel`);
    expect(c.body.status).toBe('cancelled');
    expect(await filesOf(list.map((r) => r.姓名))).toEqual([]);
  });
});
