import { describe, expect, it } from 'vitest';
import { yuanToFen as y } from '../money.js';
import { type WinterInput, WinterParamsSchema, winterRelief } from './seed004-p12-winter.js';

const params = WinterParamsSchema.parse({});
const at = (perCapita: string, extra: Partial<WinterInput> = {}) =>
  winterRelief(params, {
    income: { perCapitaMonthlyFen: y(perCapita) },
    specialCauses: [],
    majorIllnessOrDisaster: false,
    annualSelfPaidMedicalFen: 0,
    annualDisasterLossFen: 0,
    ...extra,
  });

describe('seed 004 篇十二 district winter relief', () => {
  it('derives the seed’s lines 1,170 / 1,560 / 2,340 from the 低保 line 780', () => {
    const r = at('100');
    expect(r.detail.criteria.map((c) => c.lineFen)).toEqual([y('1170'), y('1560'), y('2340'), null]);
  });

  it('(一) is strictly below 150 % (no 含)', () => {
    expect(at('1169.99')).toMatchObject({ eligible: true, amountFen: 0, detail: { criterion: 'base' } });
    expect(at('1170')).toMatchObject({ eligible: false });
    expect(at('1169.99', { hardshipAfterGovernmentAid: false }).eligible).toBe(false);
    expect(at('1169.99').explanation.confirmations).toHaveLength(1);
    expect(at('1169.99', { hardshipAfterGovernmentAid: true }).explanation.confirmations).toHaveLength(0);
  });

  it('(二) includes 200 % with a special cause', () => {
    expect(at('1560', { specialCauses: ['singleParent'] }).detail.criterion).toBe('special');
    expect(at('1560.01', { specialCauses: ['singleParent'] }).eligible).toBe(false);
    expect(at('1560').eligible).toBe(false);
    expect(at('1170', { specialCauses: ['childrenAtSchool'] }).detail.criterion).toBe('special');
  });

  it('(三) includes 3× with a major illness or disaster', () => {
    expect(at('2340', { majorIllnessOrDisaster: true }).detail.criterion).toBe('illnessOrDisaster');
    expect(at('2340.01', { majorIllnessOrDisaster: true }).eligible).toBe(false);
    expect(at('2000').eligible).toBe(false);
  });

  it('(四) needs 20,000 or more of medical cost or disaster loss from an illness or disaster, whatever the income', () => {
    const ill = { majorIllnessOrDisaster: true };
    expect(at('9000', { ...ill, annualSelfPaidMedicalFen: y('20000') }).detail.criterion).toBe('largeCost');
    expect(at('9000', { ...ill, annualDisasterLossFen: y('20000') }).detail.criterion).toBe('largeCost');
    expect(at('9000', { ...ill, annualSelfPaidMedicalFen: y('19999.99') }).eligible).toBe(false);
    // Not added together: 15,000 + 10,000 does not qualify.
    expect(
      at('9000', { ...ill, annualSelfPaidMedicalFen: y('15000'), annualDisasterLossFen: y('10000') }).eligible,
    ).toBe(false);
    expect(at('9000', { annualSelfPaidMedicalFen: y('30000') }).eligible).toBe(false);
    expect(at('9000', { ...ill, annualSelfPaidMedicalFen: y('30000'), causedHardship: false }).eligible).toBe(false);
  });

  it('lists every criterion met, the first in the seed’s order as the criterion', () => {
    const r = at('1000', {
      specialCauses: ['disability'],
      majorIllnessOrDisaster: true,
      annualSelfPaidMedicalFen: y('25000'),
    });
    expect(r.detail.criterion).toBe('base');
    expect(r.detail.criteria.filter((c) => c.met).map((c) => c.criterion)).toEqual([
      'base',
      'special',
      'illnessOrDisaster',
      'largeCost',
    ]);
    expect(r.explanation.summary.zh).toContain('（四）');
  });

  it('compares net annual income and household size exactly, never a rounded figure', () => {
    // 3 people, 42,120 元 a year = exactly 1,170 a month each: not below 1,170.
    expect(
      winterRelief(params, {
        income: { netAnnualFen: y('42120'), householdSize: 3 },
        specialCauses: [],
        majorIllnessOrDisaster: false,
        annualSelfPaidMedicalFen: 0,
        annualDisasterLossFen: 0,
      }).eligible,
    ).toBe(false);
    expect(
      winterRelief(params, {
        income: { netAnnualFen: y('42119.99'), householdSize: 3 },
        specialCauses: [],
        majorIllnessOrDisaster: false,
        annualSelfPaidMedicalFen: 0,
        annualDisasterLossFen: 0,
      }).eligible,
    ).toBe(true);
  });

  it('follows a node’s own 低保 line', () => {
    const city = WinterParamsSchema.parse({ dibaoLineFen: y('1000') });
    expect(
      winterRelief(city, {
        income: { perCapitaMonthlyFen: y('1400') },
        specialCauses: [],
        majorIllnessOrDisaster: false,
        annualSelfPaidMedicalFen: 0,
        annualDisasterLossFen: 0,
      }).eligible,
    ).toBe(true);
  });
});
