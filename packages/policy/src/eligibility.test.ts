import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EligibilityInput, proposeGrade } from './eligibility.js';
import type { HouseholdRuleInput } from './household.js';
import { eligibilityPolicy } from './policy.js';

/** DOMAIN.md / seed 004 篇十二: the district whose 低保 line is 780 元 (150 % = 1,170; 200 % = 1,560; 3× = 2,340). */
const district = eligibilityPolicy({
  policyId: 'district-hardship',
  version: 3,
  effectiveFrom: '2024-01-01',
  dibaoLineFen: 78_000,
  source: 'seed 004 篇十二 (低保 780 元); seed 004 篇一 (意外致困 2.4万元以上)',
});
/** Seed 003: 困难 人均280元以下, 特困 人均245元以下, in the older vocabulary. */
const seed003 = eligibilityPolicy({
  policyId: 'district-legacy',
  version: 1,
  effectiveFrom: '2006-01-01',
  vocabulary: 'legacy',
  legacyLines: { tekunFen: 24_500, kunnanFen: 28_000 },
});

/** Married worker, spouse and one unmarried child: three persons, so the monthly line × 36 is the annual cap. */
const family: HouseholdRuleInput = {
  maritalStatus: 'married',
  members: [
    { relation: 'spouse', maritalStatus: 'married', name: '李梅' },
    { relation: 'child', maritalStatus: 'unmarried', name: '王小明' },
  ],
};
const withWages = (wagesFen: number, extra: Partial<EligibilityInput['incomes']> = {}): EligibilityInput => ({
  incomes: { wagesFen, ...extra },
  household: family,
});

describe('proposeGrade, current vocabulary (低保 line 780 元, household of three)', () => {
  it('income exactly on the 低保 line is not below it: 相对困难, one 分 less a year is 深度困难', () => {
    const on = proposeGrade(withWages(78_000 * 36), district);
    expect(on).toMatchObject({ grade: 'relative', eligible: true, perCapitaMonthlyFen: 78_000, householdSize: 3 });
    const under = proposeGrade(withWages(78_000 * 36 - 1), district);
    expect(under).toMatchObject({ grade: 'deep', perCapitaMonthlyFen: 77_999 });
  });

  it('income exactly on twice the line (1,560 元) is not below it: no grade; one 分 less is 相对困难', () => {
    expect(proposeGrade(withWages(156_000 * 36), district)).toMatchObject({ grade: null, eligible: false });
    expect(proposeGrade(withWages(156_000 * 36 - 1), district).grade).toBe('relative');
  });

  it('rigid medical spending pushes a household under the line, and the steps show each figure', () => {
    const before = proposeGrade(withWages(3_000_000), district);
    expect(before).toMatchObject({ grade: 'relative', perCapitaMonthlyFen: 83_333 });
    const after = proposeGrade(withWages(3_000_000, { medicalSpendingFen: 300_000 }), district);
    expect(after).toMatchObject({ grade: 'deep', perCapitaMonthlyFen: 75_000 });
    const step = (rule: string) => after.explanation.steps.find((s) => s.rule === rule);
    expect(step('household.size')?.value).toBe(3);
    expect(step('income.total')).toMatchObject({ value: 3_000_000 });
    expect(step('income.rigidSpending')).toMatchObject({ value: 300_000 });
    expect(step('income.rigidSpending')?.zh).toContain('因病刚性支出3,000.00元');
    expect(step('income.net')?.zh).toBe('可计算年收入 = 30,000.00元 − 3,000.00元 = 27,000.00元');
    expect(step('income.perCapitaMonthly')?.zh).toBe(
      '家庭月人均收入 = 27,000.00元 ÷ 3人 ÷ 12个月 = 750.00元（不足1分舍去）',
    );
    expect(step('threshold.deep')).toMatchObject({ zh: '家庭月人均收入750.00元低于深度困难标准780.00元', value: true });
    expect(after.explanation.summary.zh).toBe('建议认定为深度困难。依据政策district-hardship第3版（2024-01-01起施行）');
    // Read for use, a policy carries its union's name: people read that, not the id.
    const named = proposeGrade(withWages(3_000_000, { medicalSpendingFen: 300_000 }), {
      ...district,
      name: '武江区总工会',
    });
    expect(named.explanation.summary.zh).toBe('建议认定为深度困难。依据武江区总工会认定政策第3版（2024-01-01起施行）');
    expect(named.explanation.summary.en).toBe(
      'Proposed grade: deep hardship (深度困难). Policy of 武江区总工会 v3, 2024-01-01.',
    );
    expect(named.explanation.policy.name).toBe('武江区总工会');
  });

  it('意外致困 at exactly 24,000 元 of hardship losses in the year, even with a higher income', () => {
    const rich = 500_000 * 36;
    const at = proposeGrade(withWages(rich, { hardshipLossFen: 2_400_000 }), district);
    expect(at).toMatchObject({ grade: 'accident', eligible: true });
    expect(at.explanation.thresholds.find((t) => t.name === 'accident')).toMatchObject({
      valueFen: 2_400_000,
      actualFen: 2_400_000,
      comparison: '>=',
      crossed: true,
    });
    expect(proposeGrade(withWages(rich, { hardshipLossFen: 2_399_999 }), district).grade).toBeNull();
  });

  it('a poor household also hit by an accident is proposed 深度困难, the accident threshold still shown crossed', () => {
    const r = proposeGrade(withWages(1_000_000, { hardshipLossFen: 5_000_000 }), district);
    expect(r.grade).toBe('deep');
    expect(r.explanation.thresholds.map((t) => [t.name, t.crossed])).toEqual([
      ['deep', true],
      ['relative', true],
      ['accident', true],
    ]);
  });

  it('lists every threshold with its value and the policy version', () => {
    const r = proposeGrade(withWages(4_000_000), district);
    expect(r.explanation.policy).toEqual({
      policyId: 'district-hardship',
      version: 3,
      effectiveFrom: '2024-01-01',
      vocabulary: 'current',
      source: 'seed 004 篇十二 (低保 780 元); seed 004 篇一 (意外致困 2.4万元以上)',
    });
    expect(r.explanation.thresholds.map((t) => [t.name, t.valueFen, t.comparison, t.crossed])).toEqual([
      ['deep', 78_000, '<', false],
      ['relative', 156_000, '<', true],
      ['accident', 2_400_000, '>=', false],
    ]);
    expect(r.explanation.inputs.incomes).toMatchObject({ wagesFen: 4_000_000, businessFen: 0, hardshipLossFen: 0 });
    expect(r.explanation.inputs.household?.size).toBe(3);
    expect(r.explanation.steps.at(-1)).toMatchObject({ rule: 'grade.proposed', value: 'relative' });
  });

  it('adds every income source and subtracts every kind of rigid spending', () => {
    const r = proposeGrade(
      {
        household: 2,
        incomes: {
          wagesFen: 1_000_000,
          businessFen: 200_000,
          propertyFen: 30_000,
          transferFen: 400_000,
          otherIncomeFen: 10_000,
          medicalSpendingFen: 100_000,
          disabilitySpendingFen: 20_000,
          schoolingSpendingFen: 50_000,
          housingSpendingFen: 60_000,
          otherSpendingFen: 10_000,
        },
      },
      district,
    );
    // (16,400 − 2,400) ÷ 2 ÷ 12 = 583.333… → 583.33 元
    expect(r).toMatchObject({ householdSize: 2, perCapitaMonthlyFen: 58_333, grade: 'deep' });
    expect(r.explanation.steps[0]?.zh).toBe('家庭人口按填报的2人计算');
    expect(r.explanation.inputs.household).toBeNull();
  });

  it('rigid spending above income counts as zero income, not negative', () => {
    const r = proposeGrade(withWages(100_000, { medicalSpendingFen: 900_000 }), district);
    expect(r).toMatchObject({ perCapitaMonthlyFen: 0, grade: 'deep' });
    expect(r.explanation.steps.find((s) => s.rule === 'income.net')?.zh).toBe('刚性支出超过收入，可计算收入按0元计');
  });

  it('takes the relative multiple from the policy: 1.5× gives the 1,170 元 line', () => {
    const p = eligibilityPolicy({ ...district, relativeMultipleBp: 15_000 });
    expect(proposeGrade(withWages(117_000 * 36 - 1), p).grade).toBe('relative');
    expect(proposeGrade(withWages(117_000 * 36), p).grade).toBeNull();
    expect(proposeGrade(withWages(117_000 * 36), p).explanation.thresholds[1]?.zh).toBe(
      '相对困难：家庭月人均收入低于低保标准的1.5倍',
    );
  });

  it('passes on the family-size rule’s warnings', () => {
    const r = proposeGrade(
      { incomes: { wagesFen: 1 }, household: { maritalStatus: 'married', members: [{ relation: 'child' }] } },
      district,
    );
    expect(r.householdSize).toBe(2);
    expect(r.explanation.warnings.map((w) => w.en)).toContain(
      'worker is married but no spouse is listed: please verify',
    );
  });
});

describe('proposeGrade, exclusions', () => {
  it('a low-income household with a car is not eligible; the explanation says what income alone would give', () => {
    const r = proposeGrade({ ...withWages(1_000_000), exclusions: { ownsVehicle: true } }, district);
    expect(r).toMatchObject({ grade: null, eligible: false, perCapitaMonthlyFen: 27_777 });
    expect(r.explanation.gradeBeforeExclusions).toBe('deep');
    expect(r.explanation.exclusions.find((e) => e.code === 'vehicle')).toMatchObject({ found: true, applies: true });
    expect(r.explanation.summary.zh).toBe(
      '不符合建档条件：存在排除情形（拥有机动车辆（残疾人功能性补偿代步工具除外））（仅按收入可认定为深度困难）。依据政策district-hardship第3版（2024-01-01起施行）',
    );
    expect(r.explanation.steps.find((s) => s.rule === 'exclusion.vehicle')?.value).toBe(true);
  });

  it('a disability aid is not a vehicle for the exclusion', () => {
    const r = proposeGrade(
      { ...withWages(1_000_000), exclusions: { ownsVehicle: true, vehicleIsDisabilityAid: true } },
      district,
    );
    expect(r.grade).toBe('deep');
    expect(r.explanation.exclusions.find((e) => e.code === 'vehicle')?.detail.zh).toBe('车辆为残疾人代步工具，不排除');
  });

  it('each exclusion on the form excludes, and a policy can switch one off', () => {
    const facts = [
      { multipleHomes: true },
      { controllingShareholder: true },
      { privateSchoolOrAbroad: true },
      { refusesVerification: true },
      { concealsIncome: true },
      { refusesWorkWithoutCause: true },
    ];
    for (const f of facts) expect(proposeGrade({ ...withWages(0), exclusions: f }, district).eligible).toBe(false);
    const lenient = eligibilityPolicy({
      ...district,
      exclusions: { ...district.exclusions, controllingShareholder: false },
    });
    const r = proposeGrade({ ...withWages(0), exclusions: { controllingShareholder: true } }, lenient);
    expect(r.grade).toBe('deep');
    expect(r.explanation.steps.find((s) => s.rule === 'exclusion.controllingShareholder')?.zh).toMatch(
      /本政策未启用此项/,
    );
  });

  it('exclusions also stop 意外致困', () => {
    const r = proposeGrade(
      { ...withWages(0, { hardshipLossFen: 9_000_000 }), exclusions: { concealsIncome: true } },
      district,
    );
    expect(r).toMatchObject({ grade: null, eligible: false });
  });

  it('a household with no exclusion says so', () => {
    const r = proposeGrade(withWages(0), district);
    expect(r.explanation.steps.find((s) => s.rule === 'exclusion.none')?.zh).toBe('未发现排除情形');
    expect(r.explanation.exclusions.every((e) => !e.found && e.enabled)).toBe(true);
  });
});

describe('proposeGrade, legacy vocabulary (seed 003: 特困 245 元, 困难 280 元)', () => {
  it('grades 特困 below 245 and 困难 below 280, strictly', () => {
    expect(proposeGrade(withWages(24_500 * 36 - 1), seed003).grade).toBe('tekun');
    expect(proposeGrade(withWages(24_500 * 36), seed003).grade).toBe('kunnan');
    expect(proposeGrade(withWages(28_000 * 36 - 1), seed003).grade).toBe('kunnan');
    expect(proposeGrade(withWages(28_000 * 36), seed003)).toMatchObject({ grade: null, perCapitaMonthlyFen: 28_000 });
  });

  it('has no accident grade', () => {
    const r = proposeGrade(withWages(100_000_000, { hardshipLossFen: 5_000_000 }), seed003);
    expect(r.grade).toBeNull();
    expect(r.explanation.thresholds.map((t) => t.name)).toEqual(['tekun', 'kunnan']);
    expect(r.explanation.steps.find((s) => s.rule === 'threshold.accident')?.zh).toBe(
      '旧口径（特困/困难）不设意外致困类别',
    );
  });

  it('with 以下 read as inclusive, 280.00 qualifies but 280.0033 does not, though both show as 280.00', () => {
    const inclusive = eligibilityPolicy({ ...seed003, incomeBoundary: 'atOrBelow' });
    const at = proposeGrade(withWages(28_000 * 36), inclusive);
    expect(at).toMatchObject({ grade: 'kunnan', perCapitaMonthlyFen: 28_000 });
    expect(at.explanation.thresholds[1]).toMatchObject({ comparison: '<=', crossed: true });
    const over = proposeGrade(withWages(28_000 * 36 + 1), inclusive);
    expect(over).toMatchObject({ grade: null, perCapitaMonthlyFen: 28_000 });
    expect(over.explanation.steps.find((s) => s.rule === 'threshold.kunnan')?.zh).toBe(
      '家庭月人均收入280.00元高于困难标准280.00元（精确值高出不足1分，显示时已舍去）',
    );
  });
});

describe('proposeGrade, refusals and properties', () => {
  it('refuses money that is not a non-negative integer of 分, a bad size, and an unusable policy', () => {
    expect(() => proposeGrade(withWages(-1), district)).toThrow(RangeError);
    expect(() => proposeGrade(withWages(1.5), district)).toThrow(RangeError);
    expect(() => proposeGrade({ incomes: {}, household: 0 }, district)).toThrow(RangeError);
    expect(() => proposeGrade(withWages(0), { ...district, dibaoLineFen: 0 })).toThrow(/低保 line/);
    expect(() => proposeGrade(withWages(0), { ...seed003, legacyLines: null })).toThrow(/legacy/);
  });

  it('the grade never improves as income rises, and crossing matches the floored figure (strict lines)', () => {
    const rank = { deep: 0, relative: 1, accident: 2, tekun: 0, kunnan: 1 } as const;
    const r = (g: keyof typeof rank | null) => (g === null ? 9 : rank[g]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 1, max: 8 }),
        (wages, raise, size) => {
          const a = proposeGrade({ incomes: { wagesFen: wages }, household: size }, district);
          const b = proposeGrade({ incomes: { wagesFen: wages + raise }, household: size }, district);
          expect(r(b.grade)).toBeGreaterThanOrEqual(r(a.grade));
          for (const t of a.explanation.thresholds.filter((x) => x.comparison === '<')) {
            expect(t.crossed).toBe(a.perCapitaMonthlyFen < t.valueFen);
          }
          expect(a.perCapitaMonthlyFen * size * 12).toBeLessThanOrEqual(wages);
          expect((a.perCapitaMonthlyFen + 1) * size * 12).toBeGreaterThan(wages);
        },
      ),
    );
  });
});
