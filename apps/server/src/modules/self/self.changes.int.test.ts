import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv, USER_PASSWORD } from '../../test-support/env.js';
import { babyId, fileHousehold, generatedId, household } from '../../test-support/households.js';
import { moneyCounty, moneyDesk, waitComputed } from '../../test-support/money.js';

const NEW_BANK = { bankName: '中国农业银行', branch: '武江支行', cardNumber: '6228480000111122229' };
const DEEP_Q = 197_500;

/**
 * The walk of issue 9: a worker reports a new bank card and a newborn in self-service, the union reviews, the
 * county re-approves the grade change, and the next quarter's batch pays the new amount to the new card.
 */
describe.each(testDialects)('worker self-service changes on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let street: { id: number };
  let worker: Client;
  let reviewer: Client;
  let clerk: Client;
  let approver: Client;
  let finance: Client;
  let fundId: number;
  let fileId: number;
  let otherFile: number;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    ({ county, street } = await moneyCounty(env, 0));
    ({ clerk, approver, finance, fundId } = await moneyDesk(env, county.id, {
      name: '2027年生活救助专项',
      source: 'government',
      amountFen: 50_000_000,
      memo: '财政拨款',
    }));
    await finance.put('/api/v1/budgets', { orgId: county.id, programme: 'living', year: 2027, amountFen: 50_000_000 });
    await env.user('st-reviewer', street.id, ['reviewer']);
    await env.user('st-admin', street.id, ['admin']);
    reviewer = await env.login('st-reviewer');
    fileId = await fileHousehold(
      env,
      household(street.id, {
        name: '王师傅',
        idNumber: generatedId(7001),
        incomes: { wagesFen: 3_240_000 },
        members: [
          { name: '刘女士', relation: 'spouse', idNumber: generatedId(7002), maritalStatus: 'married' },
          { name: '王小妹', relation: 'child', maritalStatus: 'unmarried' },
        ],
      }),
      'relative',
    );
    otherFile = await fileHousehold(
      env,
      household(street.id, { name: '别家', idNumber: generatedId(7003), members: [] }),
      'relative',
    );
    const admin = await env.login('st-admin');
    const acc = await admin.post(`/api/v1/households/${fileId}/worker-account`, {
      username: 'wang.shifu',
      password: USER_PASSWORD,
    });
    expect(acc.status, acc.text).toBe(201);
    await env.ctx.db.updateTable('app_user').set({ must_change_password: 0 }).where('id', '=', acc.body.id).execute();
    worker = await env.login('wang.shifu');
  });
  afterAll(() => env.close());

  it('a worker reports a new card and a newborn; the union reviews, the county decides, the next batch pays it', async () => {
    const form = await worker.get('/api/v1/self/changes');
    expect(form.body).toMatchObject({
      items: [],
      fileStatus: 'filed',
      members: [
        { seq: 1, name: '刘女士', relation: 'spouse' },
        { seq: 2, name: '王小妹', relation: 'child' },
      ],
    });
    const r = await worker.post('/api/v1/self/changes', {
      reason: '孩子出生了，工资卡换了',
      bank: NEW_BANK,
      join: [{ name: '王小宝', relation: 'child', idNumber: babyId('2026-11-01', 321), birthDate: '2026-11-01' }],
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ status: 'pending', kinds: ['bank', 'member_join'] });

    const queue = await reviewer.get('/api/v1/households/changes?status=pending');
    const item = queue.body.items.find((i: { id: number }) => i.id === r.body.id);
    expect(item).toMatchObject({ via: 'self', proposedByName: '王师傅', gradeProposedAfter: 'deep', needsUpper: true });
    const rev = await reviewer.post(`/api/v1/households/changes/${r.body.id}/review`, {
      decision: 'approve',
      opinion: '出生证明、银行卡已核',
    });
    expect(rev.body.status).toBe('pending_upper');
    const mid = await worker.get('/api/v1/self/changes');
    expect(mid.body.items[0]).toMatchObject({ status: 'pending_upper', statusLabel: '待上级审批', closedAt: null });
    expect(mid.text).not.toContain('st-reviewer');
    expect(mid.text).not.toContain('出生证明');

    const d = await approver.post(`/api/v1/households/changes/${r.body.id}/decide`, {
      decision: 'approve',
      opinion: '同意',
    });
    expect(d.status, d.text).toBe(200);
    expect(d.body.status).toBe('approved');
    const mine = await worker.get('/api/v1/self/changes');
    expect(mine.body.items[0]).toMatchObject({ status: 'approved', statusLabel: '已生效' });
    expect(mine.body.members.map((m: { name: string }) => m.name)).toEqual(['刘女士', '王小妹', '王小宝']);
    const own = await worker.get('/api/v1/self/file');
    expect(own.body).toMatchObject({ grade: 'deep', householdSize: 4 });
    expect(own.body.steps.map((s: { action: string }) => s.action).slice(-3)).toEqual([
      'change_proposed',
      'change_reviewed',
      'change_applied',
    ]);
    expect(own.body.steps.map((s: { step: string }) => s.step).slice(-3)).toEqual([
      '提交信息变更申请',
      '信息变更审核通过，报上级审批',
      '信息变更已生效',
    ]);

    const batch = await clerk.post('/api/v1/batches', {
      orgId: county.id,
      programme: 'living',
      period: '2027Q1',
      method: 'bank',
      fundId,
    });
    await waitComputed(clerk, batch.body.id);
    const grants = await clerk.get(`/api/v1/batches/${batch.body.id}/grants?limit=100`);
    const g = grants.body.items.find((x: { householdId: number }) => x.householdId === fileId);
    expect(g).toMatchObject({ amountFen: DEEP_Q, bankMasked: '中国农业银行 **** 2229' });
    expect((await clerk.post(`/api/v1/batches/${batch.body.id}/submit`, {})).status).toBe(200);
    expect((await approver.post(`/api/v1/batches/${batch.body.id}/decision`, { decision: 'approve' })).status).toBe(
      200,
    );
    const csv = await finance.get(`/api/v1/batches/${batch.body.id}/bank-file.csv`);
    expect(csv.text.split(/\r\n/).find((l) => l.startsWith(`${g.id},`))).toContain(NEW_BANK.cardNumber);
  });

  it('a member leaves; a wrong place is refused; the worker withdraws their own request', async () => {
    const bad = await worker.post('/api/v1/self/changes', { reason: '离开', leave: [{ seq: 9, cause: 'moved_out' }] });
    expect(bad.body.error).toMatchObject({ code: 'SELF_CHANGE_MEMBER', details: { seq: 9 } });
    const r = await worker.post('/api/v1/self/changes', {
      reason: '女儿出嫁',
      leave: [{ seq: 2, cause: 'marriage' }],
      phone: '13700001111',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.kinds).toEqual(['address_phone', 'member_leave']);
    const detail = await reviewer.get(`/api/v1/households/changes/${r.body.id}`);
    expect(detail.body.reason).toBe('女儿出嫁；成员减少：王小妹（婚出）');
    expect(detail.body.diff.members).toEqual([expect.objectContaining({ name: '王小妹', change: 'removed' })]);
    // Evidence from the worker: an attachment of the request, listed for the union (downloads stay audited).
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('结婚证')]);
    const up = await worker.upload(`/api/v1/self/changes/${r.body.id}/attachments?kind=other`, '结婚证.png', png);
    expect(up.status, up.text).toBe(201);
    const seen = await reviewer.get(`/api/v1/households/changes/${r.body.id}`);
    expect(seen.body.attachments).toEqual([{ id: up.body.id, kind: 'other', filename: '结婚证.png' }]);
    const first = (await worker.get('/api/v1/self/changes')).body.items.at(-1).id as number;
    const notMine = await worker.upload(`/api/v1/self/changes/${first}/attachments?kind=other`, 'x.png', png);
    expect(notMine.status).toBe(409);
    expect(notMine.body.error.code).toBe('ARCHIVE_CHANGE_BAD_STATUS');
    const w = await worker.post(`/api/v1/self/changes/${r.body.id}/withdraw`);
    expect(w.body.status).toBe('withdrawn');
    expect((await worker.post(`/api/v1/self/changes/${r.body.id}/withdraw`)).body.error.code).toBe(
      'ARCHIVE_CHANGE_BAD_STATUS',
    );
    const nothing = await worker.post('/api/v1/self/changes', { reason: '无' });
    expect(nothing.body.error.code).toBe('ARCHIVE_CHANGE_NOTHING');
  });

  it('a newborn already in another file is refused without naming anyone, and the refusal is audited', async () => {
    const held = (await clerk.get(`/api/v1/households/${otherFile}/versions/1`)).body.content.idNumber as string;
    const r = await worker.post('/api/v1/self/changes', {
      reason: '新增成员',
      join: [{ name: '某人', relation: 'child', idNumber: held }],
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('SELF_APPLY_REFUSED');
    expect(r.text).not.toContain('西河镇');
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'self.change_refused')
      .execute();
    expect(audit).toHaveLength(1);
    // Staff cannot use the worker's route, and the worker cannot use the staff queue.
    expect((await clerk.post('/api/v1/self/changes', { reason: 'x', phone: '13700002222' })).status).toBe(403);
    expect((await worker.get('/api/v1/households/changes')).status).toBe(403);
  });
});
