import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { TestEnv } from '../../test-support/env.js';
import { fileHousehold, generatedId, household } from '../../test-support/households.js';
import { application, lawyer, legalWorld, must } from '../../test-support/legalaid.js';
import { plusDays } from '../servicedesk/servicedesk.calendar.js';

/**
 * 法律援助 (seed 000 第十八条): the worker applies with reasons → the legal-aid group decides within 15 days, never the
 * person who registered it → the office assigns it to a lawyer of the roster (of this union or one above) or a
 * department. Scoping: a sibling county sees nothing; a county cannot decide the city's applications.
 */
describe.each(testDialects)('legal aid applications on %s', (dialect) => {
  let env: TestEnv;
  let w: Awaited<ReturnType<typeof legalWorld>>;
  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    w = await legalWorld(env);
  });
  afterAll(() => {
    env.ctx.clock.reset();
    return env.close();
  });

  it('registers an application with the person masked, numbered per province and year, due in 15 days', async () => {
    const today = env.ctx.clock.today();
    const input = application();
    const a = must(await w.c['shi.legal']!.post('/api/v1/legal-aid', input), 201);
    expect(a.appNo).toMatch(new RegExp(`^FY44-${today.slice(0, 4)}-\\d{7}$`));
    expect(a).toMatchObject({
      status: 'pending',
      statusLabel: '待审查',
      receivedOn: today,
      dueOn: plusDays(today, 15),
      overdue: false,
      disputeKindLabel: '拖欠劳动报酬',
      claimFen: 2_400_000,
      org: { id: w.city.id, name: '韶关市总工会' },
      registeredBy: 'shi.legal',
    });
    expect(a.person.idMasked).toMatch(/^\*{14}[\dX]{4}$/);
    expect(a.person.phoneMasked).toMatch(/^135\*{4}\d{4}$/);
    expect(JSON.stringify(a)).not.toContain(input.idNumber.slice(0, 10));
    expect(JSON.stringify(a)).not.toContain(input.phone);
    expect(a.history.map((h: { action: string }) => h.action)).toEqual(['register']);
    // The full ID and phone: an audited read.
    const p = must(await w.c['shi.legal']!.get(`/api/v1/legal-aid/${a.id}/person`));
    expect(p).toMatchObject({ idNumber: input.idNumber, phone: input.phone });
    const audit = must(await w.c['shi.auditor']!.get('/api/v1/audit?action=legal_aid.read_personal'));
    expect(audit.items.map((e: { entityId: string }) => Number(e.entityId))).toContain(a.id);
    // Refusals with their codes.
    const bad = await w.c['shi.legal']!.post('/api/v1/legal-aid', application({ idNumber: '440203199001011234' }));
    expect([bad.status, bad.body.error.code]).toEqual([400, 'LEGAL_AID_INVALID_ID']);
    const later = await w.c['shi.legal']!.post('/api/v1/legal-aid', application({ receivedOn: plusDays(today, 1) }));
    expect([later.status, later.body.error.code]).toEqual([422, 'LEGAL_AID_BAD_DATE']);
  });

  it('links the file found by the ID in scope and the work order it came in on; never out of scope', async () => {
    const idNumber = generatedId(6900);
    const hh = await fileHousehold(env, household(w.county.id, { name: '赵援助', idNumber, members: [] }));
    const order = must(
      await w.c['shi.hotline']!.post('/api/v1/work-orders', {
        channel: 'hotline_12351',
        categories: ['wages_owed'],
        content: '拖欠工资，要求法律援助',
      }),
      201,
    );
    const a = must(
      await w.c['shi.legal']!.post('/api/v1/legal-aid', application({ idNumber, workOrderId: order.id })),
      201,
    );
    expect(a.person.householdId).toBe(hh);
    expect(a.household).toMatchObject({ id: hh, name: '赵援助' });
    expect(a.workOrder).toEqual({ id: order.id, orderNo: order.orderNo, status: 'open' });
    const byOrder = must(await w.c['shi.legal']!.get(`/api/v1/legal-aid?workOrderId=${order.id}`));
    expect(byOrder.items.map((i: { id: number }) => i.id)).toEqual([a.id]);
    // The county's officer cannot link the city's work order (404), nor a file outside its subtree.
    const wj = w.c['wj.legal']!;
    const foreign = await wj.post('/api/v1/legal-aid', application({ workOrderId: order.id }));
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'WORK_ORDER_NOT_FOUND']);
    const zj = await w.c['zj.legal']!.post('/api/v1/legal-aid', application({ householdId: hh }));
    expect(zj.status).toBe(404);
    // The sibling county sees none of the city's or county's applications.
    expect((await w.c['zj.legal']!.get(`/api/v1/legal-aid/${a.id}`)).status).toBe(404);
    expect(must(await w.c['zj.legal']!.get('/api/v1/legal-aid')).items).toEqual([]);
  });

  it('the legal-aid group decides, never the registrant; approving names the kind of aid', async () => {
    const both = w.c['shi.both']!;
    const a = must(await both.post('/api/v1/legal-aid', application()), 201);
    const self = await both.post(`/api/v1/legal-aid/${a.id}/decision`, { approve: false, opinion: '本人审查' });
    expect([self.status, self.body.error.code]).toEqual([403, 'LEGAL_AID_SAME_PERSON']);
    // An officer without the group's right; a county member for the city's application.
    expect(
      (await w.c['shi.legal']!.post(`/api/v1/legal-aid/${a.id}/decision`, { approve: false, opinion: 'x' })).status,
    ).toBe(403);
    expect(
      (await w.c['wj.leader']!.post(`/api/v1/legal-aid/${a.id}/decision`, { approve: false, opinion: 'x' })).status,
    ).toBe(404);
    const noKind = await w.c['shi.leader']!.post(`/api/v1/legal-aid/${a.id}/decision`, {
      approve: true,
      opinion: '同意',
    });
    expect([noKind.status, noKind.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const ok = must(
      await w.c['shi.leader']!.post(`/api/v1/legal-aid/${a.id}/decision`, {
        approve: true,
        caseKind: 'arbitration',
        opinion: '符合援助条件，同意代理仲裁',
      }),
    );
    expect(ok).toMatchObject({ status: 'approved', statusLabel: '待指派' });
    const d = must(await both.get(`/api/v1/legal-aid/${a.id}`));
    expect(d.decision).toMatchObject({
      approve: true,
      by: 'shi.leader',
      onTime: true,
      opinion: '符合援助条件，同意代理仲裁',
    });
    expect(d.caseKindLabel).toBe('代理劳动仲裁');
    // Decided once.
    const again = await w.c['shi.leader2']!.post(`/api/v1/legal-aid/${a.id}/decision`, {
      approve: false,
      opinion: '否',
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'LEGAL_AID_BAD_STATUS']);
    // The city's group decides a county's application (above it); a refusal ends it.
    const county = must(await w.c['wj.legal']!.post('/api/v1/legal-aid', application()), 201);
    const refused = must(
      await w.c['shi.leader']!.post(`/api/v1/legal-aid/${county.id}/decision`, {
        approve: false,
        opinion: '不属劳动争议',
      }),
    );
    expect(refused.status).toBe('refused');
    const assign = await w.c['wj.legal']!.post(`/api/v1/legal-aid/${county.id}/assign`, { department: '法律部' });
    expect(assign.body.error.code).toBe('LEGAL_AID_BAD_STATUS');
  });

  it('tracks the 15 days: undecided past them it is overdue at its union and above, and decided late', async () => {
    const today = env.ctx.clock.today();
    const old = must(
      await w.c['wj.legal']!.post('/api/v1/legal-aid', application({ receivedOn: plusDays(today, -16) })),
      201,
    );
    expect(old).toMatchObject({ dueOn: plusDays(today, -1), overdue: true });
    // Registered sixteen days ago (the clock set back: sessions stay valid), due yesterday.
    env.ctx.clock.advance(-16 * 86_400_000);
    let fresh: { id: number; dueOn: string; overdue: boolean };
    try {
      fresh = must(await w.c['wj.legal']!.post('/api/v1/legal-aid', application()), 201);
      expect(fresh.overdue).toBe(false);
    } finally {
      env.ctx.clock.advance(16 * 86_400_000);
    }
    expect(fresh.dueOn).toBe(plusDays(today, -1));
    const overdue = async (c: string) =>
      must(await w.c[c]!.get('/api/v1/legal-aid?view=overdue')).items.map((i: { id: number }) => i.id);
    expect(await overdue('wj.legal')).toEqual([old.id, fresh.id]);
    expect(await overdue('shi.legal')).toEqual(expect.arrayContaining([old.id, fresh.id]));
    expect(await overdue('zj.legal')).toEqual([]);
    must(
      await w.c['wj.leader']!.post(`/api/v1/legal-aid/${fresh.id}/decision`, { approve: false, opinion: '证据不足' }),
    );
    const d = must(await w.c['wj.legal']!.get(`/api/v1/legal-aid/${fresh.id}`));
    expect(d).toMatchObject({ decidedOnTime: false, decidedOn: today, overdue: false });
    expect(await overdue('wj.legal')).toEqual([old.id]);
  });

  it('assigns to a lawyer under contract of its union or one above, or to a department; reassigns', async () => {
    const city = must(await w.c['shi.legal']!.post('/api/v1/legal-lawyers', lawyer(w.city.id)), 201);
    const expired = must(
      await w.c['shi.legal']!.post('/api/v1/legal-lawyers', lawyer(w.city.id, { contractTo: '2021-12-31' })),
      201,
    );
    const sib = must(await w.c['zj.legal']!.post('/api/v1/legal-lawyers', lawyer(w.sibling.id)), 201);
    const a = must(await w.c['wj.legal']!.post('/api/v1/legal-aid', application()), 201);
    must(
      await w.c['wj.leader']!.post(`/api/v1/legal-aid/${a.id}/decision`, {
        approve: true,
        caseKind: 'litigation',
        opinion: '同意',
      }),
    );
    // The county sees the city's lawyers for its case (available first), never the sibling's.
    const offered = must(await w.c['wj.legal']!.get(`/api/v1/legal-aid/${a.id}/lawyers`)).items;
    expect(offered.map((l: { id: number }) => l.id)).toEqual([city.id, expired.id]);
    expect(offered[1]).toMatchObject({ available: false, unavailable: { why: '聘用合同已于2021-12-31到期' } });
    const wj = w.c['wj.legal']!;
    const e = await wj.post(`/api/v1/legal-aid/${a.id}/assign`, { lawyerId: expired.id });
    expect([e.status, e.body.error.code]).toEqual([422, 'LEGAL_LAWYER_UNAVAILABLE']);
    const s = await wj.post(`/api/v1/legal-aid/${a.id}/assign`, { lawyerId: sib.id });
    expect([s.status, s.body.error.code]).toEqual([404, 'LEGAL_LAWYER_NOT_FOUND']);
    const both = await wj.post(`/api/v1/legal-aid/${a.id}/assign`, { lawyerId: city.id, department: '法律部' });
    expect(both.status).toBe(400);
    must(await wj.post(`/api/v1/legal-aid/${a.id}/assign`, { lawyerId: city.id, note: '请尽快约见' }));
    let d = must(await wj.get(`/api/v1/legal-aid/${a.id}`));
    expect(d).toMatchObject({ status: 'assigned', handler: `${city.name}（广东韶法律师事务所）` });
    expect(d.assignment).toMatchObject({ lawyerId: city.id, department: null, by: 'wj.legal' });
    // A deactivated lawyer cannot take new cases; the case goes to a department instead.
    must(await w.c['shi.legal']!.patch(`/api/v1/legal-lawyers/${city.id}`, { version: 1, active: false }));
    must(await wj.post(`/api/v1/legal-aid/${a.id}/assign`, { department: '区总工会法律工作部' }));
    d = must(await wj.get(`/api/v1/legal-aid/${a.id}`));
    expect(d.assignment).toMatchObject({ lawyerId: null, lawyer: null, department: '区总工会法律工作部' });
    expect(d.history.map((h: { action: string }) => h.action)).toEqual(['register', 'decide', 'assign', 'assign']);
    expect(d.history[3].data).toMatchObject({ reassigned: true, from: 'assigned', to: 'assigned' });
  });

  it('keeps the roster: masked phones, an audited reveal, one licence per union, edits from the version read', async () => {
    const shi = w.c['shi.legal']!;
    const l = must(await shi.post('/api/v1/legal-lawyers', lawyer(w.city.id, { phone: '13900002222' })), 201);
    expect(l).toMatchObject({ phoneMasked: '139****2222', available: true, version: 1 });
    const dup = await shi.post('/api/v1/legal-lawyers', lawyer(w.city.id, { licenceNo: l.licenceNo }));
    expect([dup.status, dup.body.error.code]).toEqual([409, 'LEGAL_LAWYER_DUPLICATE']);
    // Another union may contract the same lawyer.
    must(await w.c['wj.legal']!.post('/api/v1/legal-lawyers', lawyer(w.county.id, { licenceNo: l.licenceNo })), 201);
    const order = await shi.post('/api/v1/legal-lawyers', lawyer(w.city.id, { contractTo: '2019-01-01' }));
    expect(order.status).toBe(400);
    must(await shi.patch(`/api/v1/legal-lawyers/${l.id}`, { version: 1, contractTo: '2027-12-31' }));
    const stale = await shi.patch(`/api/v1/legal-lawyers/${l.id}`, { version: 1, note: '旧版本' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'LEGAL_LAWYER_CHANGED']);
    expect(must(await shi.get(`/api/v1/legal-lawyers/${l.id}/phone`)).phone).toBe('13900002222');
    const list = must(await shi.get(`/api/v1/legal-lawyers?orgId=${w.city.id}`));
    expect(JSON.stringify(list)).not.toContain('13900002222');
    // The county's roster holds its own lawyers only; the sibling cannot read the city's.
    const county = must(await w.c['wj.legal']!.get('/api/v1/legal-lawyers')).items;
    expect(county.every((x: { org: { id: number } }) => x.org.id === w.county.id)).toBe(true);
    expect((await w.c['zj.legal']!.get(`/api/v1/legal-lawyers?orgId=${w.city.id}`)).status).toBe(404);
    expect((await w.c['zj.legal']!.get(`/api/v1/legal-lawyers/${l.id}/phone`)).status).toBe(404);
    const audit = must(await w.c['shi.auditor']!.get('/api/v1/audit?action=legal_lawyer.read_personal'));
    expect(audit.items.map((e: { entityId: string }) => Number(e.entityId))).toContain(l.id);
  });

  it('withdrawn before the case is in hand; afterwards the case closes with its outcome', async () => {
    const a = must(await w.c['wj.legal']!.post('/api/v1/legal-aid', application()), 201);
    must(await w.c['wj.legal']!.post(`/api/v1/legal-aid/${a.id}/withdraw`, { reason: '已与单位和解' }));
    const d = must(await w.c['wj.legal']!.get(`/api/v1/legal-aid/${a.id}`));
    expect(d).toMatchObject({ status: 'withdrawn', withdrawReason: '已与单位和解' });
    const decide = await w.c['wj.leader']!.post(`/api/v1/legal-aid/${a.id}/decision`, {
      approve: false,
      opinion: '否',
    });
    expect(decide.body.error.code).toBe('LEGAL_AID_BAD_STATUS');
  });
});
