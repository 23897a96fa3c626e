import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { TestEnv } from '../../test-support/env.js';
import { application, lawyer, legalWorld, must } from '../../test-support/legalaid.js';
import { plusDays } from '../servicedesk/servicedesk.calendar.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 7)]);

/**
 * The case once aid is granted: its steps and hearings (date, what, result), labour-dispute mediation with its
 * record (parties, mediator, sessions) and agreement (seed 001), the outcome and the money recovered, the evidence.
 */
describe.each(testDialects)('legal aid cases on %s', (dialect) => {
  let env: TestEnv;
  let w: Awaited<ReturnType<typeof legalWorld>>;
  let lawyerId: number;
  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    w = await legalWorld(env);
    lawyerId = must(await w.c['wj.legal']!.post('/api/v1/legal-lawyers', lawyer(w.county.id)), 201).id;
  });
  afterAll(() => env.close());

  /** An application at the county, granted as `caseKind` by the county's group and assigned to its lawyer. */
  async function granted(caseKind: string) {
    const a = must(await w.c['wj.legal']!.post('/api/v1/legal-aid', application()), 201);
    must(
      await w.c['wj.leader']!.post(`/api/v1/legal-aid/${a.id}/decision`, { approve: true, caseKind, opinion: '同意' }),
    );
    must(await w.c['wj.legal']!.post(`/api/v1/legal-aid/${a.id}/assign`, { lawyerId }));
    return a.id as number;
  }

  it('records steps and hearings; a hearing to come gets its result once it was held, once', async () => {
    const wj = w.c['wj.legal']!;
    const today = env.ctx.clock.today();
    const id = await granted('arbitration');
    const filing = must(
      await wj.post(`/api/v1/legal-aid/${id}/steps`, {
        stepOn: today,
        kind: 'arbitration_filing',
        what: '向区劳动人事争议仲裁委员会提交仲裁申请',
        result: '已受理，案号韶武劳人仲案字〔2026〕88号',
      }),
    );
    const hearing = must(
      await wj.post(`/api/v1/legal-aid/${id}/steps`, {
        stepOn: plusDays(today, 20),
        kind: 'arbitration_hearing',
        what: '仲裁开庭',
      }),
    );
    const early = await wj.post(`/api/v1/legal-aid/${id}/steps/${hearing.stepId}/result`, { result: '胜诉' });
    expect([early.status, early.body.error.code]).toEqual([422, 'LEGAL_AID_BAD_DATE']);
    const withResult = await wj.post(`/api/v1/legal-aid/${id}/steps`, {
      stepOn: plusDays(today, 1),
      kind: 'court_hearing',
      what: '开庭',
      result: '结果',
    });
    expect(withResult.body.error.code).toBe('LEGAL_AID_BAD_DATE');
    const before = await wj.post(`/api/v1/legal-aid/${id}/steps`, {
      stepOn: '2000-01-01',
      kind: 'other',
      what: '早于申请',
    });
    expect(before.body.error.code).toBe('LEGAL_AID_BAD_DATE');
    const twice = await wj.post(`/api/v1/legal-aid/${id}/steps/${filing.stepId}/result`, { result: '再次' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'LEGAL_AID_STEP_HAS_RESULT']);
    const other = await granted('litigation');
    expect((await wj.post(`/api/v1/legal-aid/${other}/steps/${filing.stepId}/result`, { result: 'x' })).status).toBe(
      404,
    );
    const d = must(await wj.get(`/api/v1/legal-aid/${id}`));
    expect(d.steps.map((s: { kind: string; result: string | null }) => [s.kind, s.result])).toEqual([
      ['arbitration_filing', '已受理，案号韶武劳人仲案字〔2026〕88号'],
      ['arbitration_hearing', null],
    ]);
    expect(d.steps[1]).toMatchObject({ kindLabel: '仲裁开庭', stepOn: plusDays(today, 20), by: 'wj.legal' });
    // Only mediation cases hold a mediation record.
    const med = await wj.put(`/api/v1/legal-aid/${id}/mediation`, { employer: '某厂', mediator: '调解员' });
    expect([med.status, med.body.error.code]).toEqual([409, 'LEGAL_AID_NOT_MEDIATION']);
    // Closed with the award and the money recovered; nothing more after that.
    must(
      await wj.post(`/api/v1/legal-aid/${id}/close`, {
        outcome: 'supported',
        note: '仲裁裁决支持全部请求，企业已履行',
        recoveredFen: 2_400_000,
      }),
    );
    const closed = must(await wj.get(`/api/v1/legal-aid/${id}`));
    expect(closed).toMatchObject({ status: 'closed', recoveredFen: 2_400_000, outcomeLabel: '请求获支持' });
    expect(closed.closing).toMatchObject({
      closedOn: today,
      closedBy: 'wj.legal',
      note: '仲裁裁决支持全部请求，企业已履行',
    });
    const late = await wj.post(`/api/v1/legal-aid/${id}/steps`, { stepOn: today, kind: 'other', what: '补记' });
    expect(late.body.error.code).toBe('LEGAL_AID_BAD_STATUS');
    expect((await wj.post(`/api/v1/legal-aid/${id}/close`, { outcome: 'other', note: 'x' })).body.error.code).toBe(
      'LEGAL_AID_BAD_STATUS',
    );
  });

  it('劳动争议调解: the record (parties, mediator), sessions as steps, the agreement once, closed as mediated', async () => {
    const wj = w.c['wj.legal']!;
    const today = env.ctx.clock.today();
    const id = await granted('mediation');
    const early = await wj.post(`/api/v1/legal-aid/${id}/agreement`, { terms: 'x', amountFen: 1, signedOn: today });
    expect(early.body.error.code).toBe('LEGAL_AID_NO_MEDIATION');
    const noAgreement = await wj.post(`/api/v1/legal-aid/${id}/close`, { outcome: 'mediated', note: '调解成功' });
    expect([noAgreement.status, noAgreement.body.error.code]).toEqual([409, 'LEGAL_AID_NO_AGREEMENT']);
    must(
      await wj.put(`/api/v1/legal-aid/${id}/mediation`, {
        employer: '韶关某电子厂',
        employerRep: '人事经理 陈某',
        mediator: '区总工会劳动争议调解委员会 刘调解员',
      }),
    );
    must(
      await wj.post(`/api/v1/legal-aid/${id}/steps`, {
        stepOn: today,
        kind: 'mediation_session',
        what: '第一次调解会议，双方陈述',
        result: '企业同意分两期支付',
      }),
    );
    const future = await wj.post(`/api/v1/legal-aid/${id}/agreement`, {
      terms: '分两期支付',
      amountFen: 2_000_000,
      signedOn: plusDays(today, 1),
    });
    expect(future.body.error.code).toBe('LEGAL_AID_BAD_DATE');
    must(
      await wj.post(`/api/v1/legal-aid/${id}/agreement`, {
        terms: '企业于协议签订之日起十日内支付拖欠工资1.2万元，次月15日前支付余款0.8万元。',
        amountFen: 2_000_000,
        signedOn: today,
      }),
    );
    const again = await wj.post(`/api/v1/legal-aid/${id}/agreement`, { terms: 'x', amountFen: 1, signedOn: today });
    expect([again.status, again.body.error.code]).toEqual([409, 'LEGAL_AID_AGREEMENT_RECORDED']);
    const locked = await wj.put(`/api/v1/legal-aid/${id}/mediation`, { employer: '改', mediator: '改' });
    expect(locked.body.error.code).toBe('LEGAL_AID_AGREEMENT_RECORDED');
    must(
      await wj.post(`/api/v1/legal-aid/${id}/close`, {
        outcome: 'mediated',
        note: '调解协议已履行完毕',
        recoveredFen: 2_000_000,
      }),
    );
    const d = must(await w.c['shi.legal']!.get(`/api/v1/legal-aid/${id}`));
    expect(d.mediation).toMatchObject({
      employer: '韶关某电子厂',
      employerRep: '人事经理 陈某',
      mediator: '区总工会劳动争议调解委员会 刘调解员',
    });
    expect(d.agreement).toMatchObject({ amountFen: 2_000_000, signedOn: today, recordedBy: 'wj.legal' });
    expect(d.steps.map((s: { kindLabel: string }) => s.kindLabel)).toEqual(['调解会议']);
    expect(d.history.map((h: { action: string }) => h.action)).toEqual([
      'register',
      'decide',
      'assign',
      'mediation',
      'step',
      'agreement',
      'close',
    ]);
    const audit = must(await w.c['shi.auditor']!.get(`/api/v1/audit?entityId=${id}`));
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['legal_aid.agreement', 'legal_aid.close', 'legal_aid.mediation']),
    );
  });

  it('keeps evidence encrypted; downloads are checked and audited; the sibling cannot reach it', async () => {
    const wj = w.c['wj.legal']!;
    const a = must(await wj.post('/api/v1/legal-aid', application()), 201);
    const up = must(await wj.upload(`/api/v1/legal-aid/${a.id}/attachments`, '劳动合同.pdf', PDF), 201);
    expect(up).toMatchObject({ filename: '劳动合同.pdf', mime: 'application/pdf', sizeBytes: PDF.length });
    const exe = await wj.upload(`/api/v1/legal-aid/${a.id}/attachments`, 'x.exe', Buffer.from('MZ\x90\x00'));
    expect([exe.status, exe.body.error.code]).toEqual([415, 'ATTACHMENT_TYPE']);
    const stored = await env.ctx.db
      .selectFrom('legal_aid_attachment')
      .select('content_enc')
      .where('id', '=', up.id)
      .executeTakeFirstOrThrow();
    expect(stored.content_enc.startsWith('e1.')).toBe(true);
    const got = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal-aid/${a.id}/attachments/${up.id}`,
      headers: { cookie: (wj as { cookie?: string }).cookie ?? '' },
    });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect((await w.c['zj.legal']!.get(`/api/v1/legal-aid/${a.id}/attachments/${up.id}`)).status).toBe(404);
    const d = must(await wj.get(`/api/v1/legal-aid/${a.id}`));
    expect(d.attachments.map((f: { filename: string }) => f.filename)).toEqual(['劳动合同.pdf']);
    const audit = must(await w.c['shi.auditor']!.get('/api/v1/audit?action=legal_aid.attachment_read'));
    expect(audit.items.map((e: { entityId: string }) => Number(e.entityId))).toContain(a.id);
  });
});
