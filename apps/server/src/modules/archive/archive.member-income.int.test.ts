import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { archiveWorkbook, fileHousehold, generatedId, household, IDS } from '../../test-support/households.js';

/**
 * Issue 9, "members' incomes are ignored": a spouse's 月收入 of 1,500 元 on the form counts × 12 in the income
 * test, in the stored figures, the grade proposal and its explanation, the import and the what-if alike.
 */
describe.each(testDialects)("members' incomes in the income test on %s", (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let street: { id: number };
  let clerk: Client;

  const withSpouseIncome = (monthlyIncomeFen: number, over: Record<string, unknown> = {}) => {
    const base = household(street.id, over);
    const [spouse, ...rest] = base.members as Record<string, unknown>[];
    return { ...base, members: [{ ...spouse, monthlyIncomeFen }, ...rest] };
  };

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    ({ county, street } = await env.countyWithStreet());
    await env.user('county-admin', county.id, ['admin']);
    await env.user('clerk', street.id, ['intake_clerk']);
    const admin = await env.login('county-admin');
    clerk = await env.login('clerk');
    const p = await admin.post('/api/v1/policies/eligibility', {
      orgId: county.id,
      effectiveFrom: '2020-01-01',
      dibaoLineFen: 78_000,
    });
    expect(p.status, p.text).toBe(201);
  });
  afterAll(() => env.close());

  it("a spouse's 1,500 元 a month raises per-capita income by 500 元 and moves the proposal from 深度 to 相对困难", async () => {
    const f = await clerk.post('/api/v1/households', withSpouseIncome(0));
    expect(f.status, f.text).toBe(201);
    const before = (await clerk.get(`/api/v1/households/${f.body.id}`)).body;
    // (18,000 − 6,000 medical) ÷ 3 ÷ 12 = 333.33 元 < 780 元.
    expect(before).toMatchObject({ householdSize: 3, perCapitaMonthlyFen: 33_333, gradeProposed: 'deep' });

    const e = await clerk.put(`/api/v1/households/${f.body.id}`, withSpouseIncome(150_000));
    expect(e.status, e.text).toBe(200);
    const after = (await clerk.get(`/api/v1/households/${f.body.id}`)).body;
    // (18,000 + 1,500 × 12 − 6,000) ÷ 3 ÷ 12 = 833.33 元: not below 780, below 1,560.
    expect(after).toMatchObject({
      householdSize: 3,
      annualIncomeFen: 3_000_000,
      perCapitaMonthlyFen: 83_333,
      gradeProposed: 'relative',
    });
    const x = after.gradeExplanation;
    expect(x.explanation.inputs).toMatchObject({ ownIncomeFen: 1_800_000, membersIncomeFen: 1_800_000 });
    const steps = x.explanation.steps as { rule: string; zh: string }[];
    expect(steps.filter((s) => s.rule === 'income.member').map((s) => s.zh)).toEqual([
      '家庭成员李秀兰（配偶）计入家庭人口，月收入1,500.00元 × 12个月 = 18,000.00元，计入家庭收入',
      '家庭成员张小明（子女）计入家庭人口，月收入0.00元 × 12个月 = 0.00元，计入家庭收入',
    ]);
    // The explanation is shown to staff: names as on file, never an ID, whole or masked.
    const stored = JSON.stringify(x);
    for (const id of [IDS.worker, IDS.spouse, IDS.child]) {
      expect(stored).not.toContain(id);
      expect(stored).not.toContain(id.slice(-4));
    }
  });

  it('a married child living apart counts neither as a head nor with their income, and the step says why', async () => {
    const body = household(street.id, {
      name: '赵大山',
      idNumber: generatedId(11),
      members: [
        { name: '孙桂芝', relation: 'spouse', maritalStatus: 'married', monthlyIncomeFen: 0 },
        { name: '赵小山', relation: 'child', maritalStatus: 'married', monthlyIncomeFen: 800_000 },
      ],
    });
    const f = await clerk.post('/api/v1/households', body);
    expect(f.status, f.text).toBe(201);
    const file = (await clerk.get(`/api/v1/households/${f.body.id}`)).body;
    // (18,000 − 6,000) ÷ 2 ÷ 12 = 500 元: the child's 8,000 元 a month is not the household's.
    expect(file).toMatchObject({ householdSize: 2, perCapitaMonthlyFen: 50_000, gradeProposed: 'deep' });
    const step = (file.gradeExplanation.explanation.steps as { rule: string; zh: string }[]).find(
      (s) => s.rule === 'income.memberNotCounted',
    );
    expect(step?.zh).toBe(
      '家庭成员赵小山（子女）：子女非未婚（已婚、离异或丧偶），不计入；其月收入8,000.00元不计入家庭收入',
    );
  });

  it('the import counts the members’ 月收入 column the same way', async () => {
    const worker = generatedId(21);
    const rows = [
      {
        姓名: '导入职工',
        身份证号: worker,
        婚姻状况: '已婚',
        工作状态: '下岗',
        主要致困原因: '下岗失业',
        '工资性收入（元/年）': '12000',
        '医疗刚性支出（元/年）': '3000',
      },
    ];
    const members = [{ 户主身份证号: worker, 姓名: '配偶乙', 与户主关系: '配偶', '月收入（元）': '1500' }];
    const up = await clerk.upload(
      `/api/v1/households/imports?orgId=${street.id}`,
      'a.xlsx',
      await archiveWorkbook(rows, members),
    );
    expect(up.status, up.text).toBe(202);
    const until = async (status: string) => {
      for (let i = 0; i < 200; i++) {
        const b = (await clerk.get(`/api/v1/households/imports/${up.body.id}`)).body;
        if (b.status === status || b.status === 'failed') return b;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('import did not finish');
    };
    expect(await until('ready')).toMatchObject({ valid: 1 });
    await clerk.post(`/api/v1/households/imports/${up.body.id}/commit`, { asFiled: false });
    expect(await until('committed')).toMatchObject({ committed: 1 });
    const one = await clerk.get(`/api/v1/households?idNumber=${worker}`);
    const f = (await clerk.get(`/api/v1/households/${one.body.items[0].id}`)).body;
    // 12,000 + 1,500 × 12 − 3,000 = 27,000 元 a year for two: 1,125 元 a month each.
    expect(f).toMatchObject({ householdSize: 2, annualIncomeFen: 2_700_000, perCapitaMonthlyFen: 112_500 });
  });

  it('the what-if re-runs filed households with their members’ incomes, writing nothing', async () => {
    // Proposed and filed as 相对困难: with the spouse's 1,500 元 its per-capita income is 833.33 元.
    const body = household(street.id, {
      name: '周文',
      idNumber: generatedId(31),
      members: [
        { name: '吴芳', relation: 'spouse', maritalStatus: 'married', monthlyIncomeFen: 150_000 },
        { name: '周小文', relation: 'child', maritalStatus: 'unmarried', monthlyIncomeFen: 0 },
      ],
    });
    const id = await fileHousehold(env, body, 'relative');
    const w = await clerk.post('/api/v1/programmes/what-if', { orgId: street.id, year: 2027, dibaoLineFen: 90_000 });
    expect(w.status, w.text).toBe(200);
    // Under 780 元 the members' income makes it 相对; under 900 元 深度. Without it, 333.33 元: 深度 both times.
    expect(w.body).toMatchObject({ files: 1, gradeChanged: 1, transitions: { 'relative→deep': 1 } });
    const file = (await clerk.get(`/api/v1/households/${id}`)).body;
    expect(file).toMatchObject({ grade: 'relative', status: 'filed', perCapitaMonthlyFen: 83_333 });
  });
});
