import type { HouseholdInput } from '@bangfu/contracts';
import { describe, expect, it } from 'vitest';
import type { ExclusionFacts } from './exclusions.js';
import type { HouseholdMember, HouseholdRuleInput } from './household.js';
import type { IncomeFigures } from './income.js';
import { ALL_EXCLUSIONS, checkPolicy, eligibilityPolicy, lineMultipleFen } from './policy.js';

const base = { policyId: 'p', version: 1, effectiveFrom: '2024-01-01' };

describe('eligibility policies as data', () => {
  it('fills the national defaults: current vocabulary, 2×, 24,000 元 (seed 004 篇一), every exclusion on', () => {
    const p = eligibilityPolicy({ ...base, dibaoLineFen: 78_000 });
    expect(p).toMatchObject({
      vocabulary: 'current',
      relativeMultipleBp: 20_000,
      accidentThresholdFen: 2_400_000,
      incomeBoundary: 'below',
      legacyLines: null,
      housingAreaPerCapitaM2: null,
    });
    expect(p.exclusions).toEqual(ALL_EXCLUSIONS);
    expect(checkPolicy(p)).toEqual([]);
  });

  it('keeps the exclusions it is given and fills the rest', () => {
    const p = eligibilityPolicy({ ...base, dibaoLineFen: 1, exclusions: { ...ALL_EXCLUSIONS, vehicle: false } });
    expect(p.exclusions.vehicle).toBe(false);
    expect(p.exclusions.nonCooperation).toBe(true);
  });

  it('multiplies the 780 元 line of seed 004 篇十二: 150 % = 1,170, 200 % = 1,560, 3× = 2,340', () => {
    expect(lineMultipleFen(78_000, 15_000)).toBe(117_000);
    expect(lineMultipleFen(78_000, 20_000)).toBe(156_000);
    expect(lineMultipleFen(78_000, 30_000)).toBe(234_000);
    expect(lineMultipleFen(77_777, 15_000)).toBe(116_666); // 116,665.5 rounds half up
  });

  it('says what is wrong with a policy', () => {
    const fields = (p: Parameters<typeof checkPolicy>[0]) => checkPolicy(p).map((x) => x.field);
    const ok = eligibilityPolicy({ ...base, dibaoLineFen: 78_000 });
    expect(fields({ ...ok, policyId: '' })).toEqual(['policyId']);
    expect(fields({ ...ok, version: 0 })).toEqual(['version']);
    expect(fields({ ...ok, effectiveFrom: '2024-13-01' })).toEqual(['effectiveFrom']);
    expect(fields({ ...ok, dibaoLineFen: 0 })).toEqual(['dibaoLineFen']);
    expect(fields({ ...ok, dibaoLineFen: 780.5 })).toEqual(['dibaoLineFen']);
    expect(fields({ ...ok, relativeMultipleBp: 9_999 })).toEqual(['relativeMultipleBp']);
    expect(fields({ ...ok, accidentThresholdFen: 0 })).toEqual(['accidentThresholdFen']);
    expect(fields({ ...ok, housingAreaPerCapitaM2: 0 })).toEqual(['housingAreaPerCapitaM2']);
    expect(fields({ ...ok, vocabulary: 'legacy' })).toEqual(['legacyLines']);
    expect(fields({ ...ok, vocabulary: 'legacy', legacyLines: { tekunFen: 28_000, kunnanFen: 24_500 } })).toEqual([
      'legacyLines',
    ]);
    // The legacy vocabulary does not need a 低保 line.
    expect(
      fields({ ...ok, vocabulary: 'legacy', dibaoLineFen: 0, legacyLines: { tekunFen: 1, kunnanFen: 1 } }),
    ).toEqual([]);
    expect(checkPolicy({ ...ok, dibaoLineFen: 0 })[0]?.zh).toBe('低保标准应为正的整数分');
  });
});

describe('the archive form’s values pass straight in', () => {
  it('contracts types are assignable to the rule inputs (checked by tsc)', () => {
    const form = {} as HouseholdInput;
    const incomes: IncomeFigures = form.incomes;
    const exclusions: ExclusionFacts = form.exclusions;
    const members: readonly HouseholdMember[] = form.members;
    const household: HouseholdRuleInput = {
      maritalStatus: form.maritalStatus,
      singleParent: form.singleParent,
      members,
    };
    expect([incomes, exclusions, household]).toHaveLength(3);
  });
});
