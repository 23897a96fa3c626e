import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeGrade } from './eligibility.js';
import type { HouseholdMember, HouseholdRuleInput, MaritalStatus, Relation } from './household.js';
import { householdIncome, perCapitaMonthlyIncome } from './income.js';
import { eligibilityPolicy } from './policy.js';

/** Issue 9: a member's 月收入 counts, × 12, when the family-size rule counts the member. */
const district = eligibilityPolicy({
  policyId: 'district',
  version: 1,
  effectiveFrom: '2024-01-01',
  dibaoLineFen: 78_000,
});

const couple = (spouseMonthlyFen: number): HouseholdRuleInput => ({
  maritalStatus: 'married',
  members: [
    { name: '李梅', relation: 'spouse', maritalStatus: 'married', monthlyIncomeFen: spouseMonthlyFen },
    { name: '王小明', relation: 'child', maritalStatus: 'unmarried', monthlyIncomeFen: 0 },
  ],
});

describe("members' incomes in the income test", () => {
  it("a spouse's 1,500 元 a month adds 18,000 元 a year and 500 元 per head a month", () => {
    const without = householdIncome({ wagesFen: 2_400_000 }, couple(0)).test;
    const withSpouse = householdIncome({ wagesFen: 2_400_000 }, couple(150_000)).test;
    expect(without).toMatchObject({ totalIncomeFen: 2_400_000, perCapitaMonthlyFen: 66_666 });
    expect(withSpouse).toMatchObject({
      ownIncomeFen: 2_400_000,
      membersIncomeFen: 1_800_000,
      totalIncomeFen: 4_200_000,
      netAnnualFen: 4_200_000,
      perCapitaMonthlyFen: 116_666,
    });
    const spouse = withSpouse.steps.find((s) => s.rule === 'income.member');
    expect(spouse?.zh).toBe('家庭成员李梅（配偶）计入家庭人口，月收入1,500.00元 × 12个月 = 18,000.00元，计入家庭收入');
    expect(withSpouse.steps.find((s) => s.rule === 'income.total')?.zh).toBe(
      '家庭年收入合计：本人及其他非成员收入（工资性收入24,000.00元 + 经营净收入0.00元 + 财产净收入0.00元 + 转移净收入0.00元 + 其他收入0.00元）24,000.00元 + 计入的家庭成员收入18,000.00元 = 42,000.00元',
    );
  });

  it('and can change the proposed grade: 深度困难 without it, 相对困难 with it', () => {
    const grade = (m: number) => proposeGrade({ incomes: { wagesFen: 2_400_000 }, household: couple(m) }, district);
    expect(grade(0).grade).toBe('deep');
    const r = grade(150_000);
    expect(r).toMatchObject({ grade: 'relative', perCapitaMonthlyFen: 116_666, householdSize: 3 });
    expect(r.explanation.inputs.membersIncomeFen).toBe(1_800_000);
    expect(r.explanation.inputs.memberIncomes.map((m) => [m.name, m.counted, m.annualFen])).toEqual([
      ['李梅', true, 1_800_000],
      ['王小明', true, 0],
    ]);
    const rules = r.explanation.steps.map((s) => s.rule);
    expect(rules.slice(0, 4)).toEqual(['household.size', 'income.member', 'income.member', 'income.total']);
  });

  it('a married child living apart is not counted, nor is their income, and the step says why', () => {
    const household: HouseholdRuleInput = {
      maritalStatus: 'married',
      members: [
        { name: '李梅', relation: 'spouse', maritalStatus: 'married', monthlyIncomeFen: 0 },
        { name: '王大明', relation: 'child', maritalStatus: 'married', monthlyIncomeFen: 600_000 },
      ],
    };
    const { count, test } = householdIncome({ wagesFen: 1_200_000 }, household);
    expect(count.size).toBe(2);
    expect(test).toMatchObject({ membersIncomeFen: 0, totalIncomeFen: 1_200_000, perCapitaMonthlyFen: 50_000 });
    const step = test.steps.find((s) => s.rule === 'income.memberNotCounted');
    expect(step?.zh).toBe(
      '家庭成员王大明（子女）：子女非未婚（已婚、离异或丧偶），不计入；其月收入6,000.00元不计入家庭收入',
    );
  });

  it("an unmarried worker's parents count, and so do their pensions", () => {
    const { count, test } = householdIncome(
      { wagesFen: 0 },
      {
        maritalStatus: 'unmarried',
        members: [
          { name: '父', relation: 'parent', maritalStatus: 'married', monthlyIncomeFen: 200_000 },
          { name: '母', relation: 'parent', maritalStatus: 'married', monthlyIncomeFen: 100_000 },
        ],
      },
    );
    expect(count.size).toBe(3);
    expect(test).toMatchObject({ membersIncomeFen: 3_600_000, perCapitaMonthlyFen: 100_000 });
  });

  it('a size given as a number counts only the household-level fields', () => {
    const r = proposeGrade({ incomes: { wagesFen: 2_400_000 }, household: 3 }, district);
    expect(r.explanation.inputs).toMatchObject({ memberIncomes: [], membersIncomeFen: 0 });
  });

  it("refuses a member's income that is not a non-negative integer of 分", () => {
    const bad = (monthlyIncomeFen: number) => () =>
      householdIncome({}, { maritalStatus: 'married', members: [{ relation: 'spouse', monthlyIncomeFen }] });
    expect(bad(-1)).toThrow(RangeError);
    expect(bad(0.5)).toThrow(RangeError);
    expect(bad(Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
  });

  const relation = fc.constantFrom<Relation>('spouse', 'child', 'parent', 'parent_in_law', 'sibling', 'other');
  const marital = fc.constantFrom<MaritalStatus | null>('unmarried', 'married', 'divorced', 'widowed', null);
  const member = fc.record({
    name: fc.constantFrom('甲', '乙', '丙', null),
    relation,
    maritalStatus: marital,
    monthlyIncomeFen: fc.integer({ min: 0, max: 5_000_000 }),
  }) as fc.Arbitrary<HouseholdMember>;
  const household = fc.record({
    maritalStatus: fc.constantFrom<MaritalStatus>('unmarried', 'married', 'divorced', 'widowed'),
    singleParent: fc.boolean(),
    members: fc.array(member, { maxLength: 8 }),
  });

  it('the total is the household-level fields plus exactly 12 × each counted member, nothing of the others', () => {
    fc.assert(
      fc.property(household, fc.integer({ min: 0, max: 1e9 }), (h, wagesFen) => {
        const { count, test } = householdIncome({ wagesFen }, h);
        const counted = count.members.filter((m) => m.counted);
        const expected = counted.reduce((acc, m) => acc + (h.members[m.index]?.monthlyIncomeFen ?? 0) * 12, 0);
        expect(test.membersIncomeFen).toBe(expected);
        expect(test.totalIncomeFen).toBe(wagesFen + expected);
        expect(test.members).toHaveLength(h.members.length);
        // One step per listed member, before the total.
        expect(test.steps.filter((s) => s.rule.startsWith('income.member'))).toHaveLength(h.members.length);
        // Same as the size-only function given the same members.
        expect(perCapitaMonthlyIncome({ wagesFen }, count.size, test.members).perCapitaMonthlyFen).toBe(
          test.perCapitaMonthlyFen,
        );
      }),
    );
  });

  it("raising a member's income never lowers per-capita income nor improves the grade; an uncounted member's changes nothing", () => {
    const rank = (g: string | null) => ['deep', 'relative', 'accident', null].indexOf(g);
    fc.assert(
      fc.property(
        household.filter((h) => h.members.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        (h, pick, raise, wagesFen) => {
          const i = pick % h.members.length;
          const raised = {
            ...h,
            members: h.members.map((m, j) =>
              j === i ? { ...m, monthlyIncomeFen: (m.monthlyIncomeFen ?? 0) + raise } : m,
            ),
          };
          const a = proposeGrade({ incomes: { wagesFen }, household: h }, district);
          const b = proposeGrade({ incomes: { wagesFen }, household: raised }, district);
          expect(b.perCapitaMonthlyFen).toBeGreaterThanOrEqual(a.perCapitaMonthlyFen);
          expect(rank(b.grade)).toBeGreaterThanOrEqual(rank(a.grade));
          const counted = a.explanation.inputs.memberIncomes[i]?.counted;
          if (!counted) expect(b.perCapitaMonthlyFen).toBe(a.perCapitaMonthlyFen);
          else expect(b.explanation.inputs.membersIncomeFen - a.explanation.inputs.membersIncomeFen).toBe(raise * 12);
        },
      ),
    );
  });
});
