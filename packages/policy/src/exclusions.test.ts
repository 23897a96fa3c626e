import { describe, expect, it } from 'vitest';
import { checkExclusions } from './exclusions.js';
import { eligibilityPolicy } from './policy.js';

const policy = eligibilityPolicy({ policyId: 'p', version: 1, effectiveFrom: '2024-01-01', dibaoLineFen: 78_000 });
const withArea = eligibilityPolicy({ ...policy, housingAreaPerCapitaM2: 35 });
const homes = (facts: Parameters<typeof checkExclusions>[0], p = withArea, size = 3) =>
  checkExclusions(facts, p, size).find((e) => e.code === 'multipleHomes');

describe('exclusions', () => {
  it('lists all five, in order, with labels in Chinese and English', () => {
    const all = checkExclusions({}, policy, 3);
    expect(all.map((e) => e.code)).toEqual([
      'vehicle',
      'multipleHomes',
      'controllingShareholder',
      'privateSchoolOrAbroad',
      'nonCooperation',
    ]);
    expect(all.every((e) => e.zh && e.en && !e.found && !e.applies && e.detail.zh === '未发现')).toBe(true);
  });

  it('computes two-or-more homes against the local per-capita area without dividing', () => {
    // 3 persons × 35 m² = 105 m²: 105 is not above, 105.5 is.
    expect(homes({ homes: { count: 2, totalAreaM2: 105 } })).toMatchObject({ found: false, applies: false });
    const over = homes({ homes: { count: 2, totalAreaM2: 105.5 } });
    expect(over).toMatchObject({ found: true, applies: true });
    expect(over?.detail.zh).toBe('2套住房，共105.5㎡，人均35.17㎡，当地人均35㎡');
    expect(homes({ homes: { count: 1, totalAreaM2: 500 } })?.found).toBe(false);
  });

  it('keeps the clerk’s finding, and asks for one when the policy has no local area', () => {
    expect(homes({ multipleHomes: true, homes: { count: 2, totalAreaM2: 60 } })).toMatchObject({ found: true });
    expect(homes({ multipleHomes: true }, policy)).toMatchObject({ found: true, applies: true });
    const unknown = homes({ homes: { count: 3, totalAreaM2: 400 } }, policy);
    expect(unknown).toMatchObject({ found: false });
    expect(unknown?.detail.zh).toMatch(/请人工核实/);
  });

  it('names every kind of non-cooperation found', () => {
    const e = checkExclusions({ refusesVerification: true, refusesWorkWithoutCause: true }, policy, 1).at(-1);
    expect(e).toMatchObject({ code: 'nonCooperation', applies: true });
    expect(e?.detail.zh).toBe('拒绝配合核查、无正当理由拒绝就业');
  });

  it('a disabled exclusion is found but does not apply', () => {
    const p = eligibilityPolicy({ ...policy, exclusions: { ...policy.exclusions, privateSchoolOrAbroad: false } });
    const e = checkExclusions({ privateSchoolOrAbroad: true }, p, 2).find((x) => x.code === 'privateSchoolOrAbroad');
    expect(e).toMatchObject({ enabled: false, found: true, applies: false });
  });

  it('treats null facts as not found', () => {
    expect(checkExclusions({ ownsVehicle: null, concealsIncome: null }, policy, 2).some((e) => e.found)).toBe(false);
  });
});
