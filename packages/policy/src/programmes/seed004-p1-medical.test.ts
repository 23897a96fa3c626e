import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yuanToFen } from '../money.js';
import {
  AccidentQualificationParamsSchema,
  accidentQualification,
  type MedicalInput,
  MedicalParamsSchema,
  medicalRelief,
  medicalTemplate,
} from './seed004-p1-medical.js';

const params = MedicalParamsSchema.parse({});
const y = yuanToFen;
const input = (grade: MedicalInput['grade'], compliant: string, extra: Partial<MedicalInput> = {}): MedicalInput => ({
  grade,
  compliantSelfPaidFen: y(compliant),
  otherProgrammesReceived: [],
  ...extra,
});
const deep = (compliant: string, extra: Partial<MedicalInput> = {}) =>
  medicalRelief(params, input('deep', compliant, extra));

describe('seed 004 篇一 medical relief, 深度困难', () => {
  it('pays 100 % rounded to the nearest 100 元: 12,349 → 12,300', () => {
    expect(deep('12349').amountFen).toBe(y('12300'));
    expect(deep('12349.99').amountFen).toBe(y('12300'));
    expect(deep('12300').amountFen).toBe(y('12300'));
  });

  it('rounds exactly 50 元 up (四舍五入), but never above the self-paid part', () => {
    // 12,350 → 12,400 by rounding, above the 12,350 the household paid: it gets 12,350.
    const r = deep('12350');
    expect(r.amountFen).toBe(y('12350'));
    expect(r.explanation.steps.find((s) => s.rule.endsWith('deep.rate'))?.data.resultFen).toBe(y('12400'));
    expect(r.explanation.steps.find((s) => s.rule.endsWith('deep.selfPaidCap'))?.data).toMatchObject({
      applied: true,
      afterFen: y('12350'),
    });
    expect(deep('12351').amountFen).toBe(y('12351'));
    // When the household paid more than its compliant part, the rounded-up 12,400 stays within it.
    expect(deep('12350', { selfPaidFen: y('13000') }).amountFen).toBe(y('12400'));
    // A node may prefer whole hundreds: round down to the unit instead.
    const hundreds = MedicalParamsSchema.parse({ deep: { whenRoundedAboveSelfPaid: 'roundDownToUnit' } });
    expect(medicalRelief(hundreds, input('deep', '12350')).amountFen).toBe(y('12300'));
    expect(hundreds.deep.localLimitFen).toBe(y('20000'));
  });

  it('pays exactly 20,000 locally with no higher approval', () => {
    const r = deep('20000');
    expect(r.amountFen).toBe(y('20000'));
    expect(r.escalation).toMatchObject({ level: 'local', beyondLocal: false, amountFen: y('20000') });
    // 20,049.99 rounds to 20,000: still local.
    expect(deep('20049.99').escalation).toMatchObject({ level: 'local', beyondLocal: false });
  });

  it('sends more than 20,000 to the province and pays 20,000 meanwhile', () => {
    const r = deep('20050');
    expect(r.amountFen).toBe(y('20000'));
    expect(r.detail.requestableFen).toBe(y('20050'));
    expect(r.escalation).toMatchObject({ level: 'province', beyondLocal: true, amountFen: y('20050') });
    expect(r.escalation?.required.map((l) => l.id)).toEqual(['province']);
  });

  it('keeps exactly 50,000 at the province and sends more to the national union', () => {
    expect(deep('50000').escalation).toMatchObject({ level: 'province', amountFen: y('50000') });
    expect(deep('50000').amountFen).toBe(y('20000'));
    expect(deep('50049.99').escalation).toMatchObject({ level: 'province', amountFen: y('50000') });
    expect(deep('50050').escalation).toMatchObject({ level: 'national', amountFen: y('50050') });
    expect(deep('80000').escalation).toMatchObject({ level: 'national', amountFen: y('80000') });
  });

  it('pays nothing without a compliant cost, and not to the older grades', () => {
    expect(deep('0')).toMatchObject({ eligible: false, amountFen: 0, escalation: null });
    expect(medicalRelief(params, input('tekun', '5000'))).toMatchObject({ eligible: false, amountFen: 0 });
  });
});

describe('seed 004 篇一 medical relief, 相对困难', () => {
  const relative = (compliant: string, extra: Partial<MedicalInput> = {}) =>
    medicalRelief(params, input('relative', compliant, extra));

  it('pays 80 % of the 深度 amount rounded to 100 元', () => {
    expect(relative('10000').amountFen).toBe(y('8000'));
    // 深度 12,350 (capped at the self-paid part) × 80 % = 9,880 → 9,900.
    expect(relative('12350').amountFen).toBe(y('9900'));
    // 深度 10,062.50 × 80 % = 8,050.00: exactly 50 rounds up.
    expect(relative('10062.50').amountFen).toBe(y('8100'));
    expect(relative('10062.49').amountFen).toBe(y('8000'));
    expect(relative('12350').escalation).toBeNull();
  });

  it('reaches 16,000 at most', () => {
    expect(relative('20000').amountFen).toBe(y('16000'));
    expect(relative('90000').amountFen).toBe(y('16000'));
    // With a higher local limit the 16,000 cap itself bites.
    const wider = MedicalParamsSchema.parse({ deep: { localLimitFen: y('30000') } });
    const r = medicalRelief(wider, input('relative', '25000'));
    expect(r.amountFen).toBe(y('16000'));
    expect(r.explanation.steps.find((s) => s.rule.endsWith('relative.cap'))?.data).toMatchObject({
      applied: true,
      beforeFen: y('20000'),
    });
  });

  it('gives one programme only: another programme already received makes it 0, with the reason', () => {
    const r = relative('10000', { otherProgrammesReceived: ['seed004.p1.living'] });
    expect(r).toMatchObject({ eligible: false, amountFen: 0 });
    expect(r.explanation.steps.some((s) => s.kind === 'stacking' && s.zh.includes('不予多重救助'))).toBe(true);
    const allowed = MedicalParamsSchema.parse({ relative: { singleProgrammeOnly: false } });
    expect(medicalRelief(allowed, input('relative', '10000', { otherProgrammesReceived: ['x'] })).amountFen).toBe(
      y('8000'),
    );
  });
});

describe('seed 004 篇一 medical relief, 意外致困', () => {
  const accident = (compliant: string, extra: Partial<MedicalInput> = {}) =>
    medicalRelief(params, input('accident', compliant, extra));

  it('pays 15 % to the 分, at most 10,000', () => {
    expect(accident('50000').amountFen).toBe(y('7500'));
    expect(accident('12345.67').amountFen).toBe(y('1851.85')); // 1,851.8505 → 1,851.85
    expect(accident('66666.66').amountFen).toBe(y('10000')); // 9,999.999 → 10,000.00
    expect(accident('100000').amountFen).toBe(y('10000'));
  });

  it('checks the 24,000 threshold when the year’s costs are given, else asks to confirm', () => {
    expect(accident('50000', { annualHardshipCostFen: y('23999.99') })).toMatchObject({
      eligible: false,
      amountFen: 0,
    });
    expect(accident('50000', { annualHardshipCostFen: y('24000') })).toMatchObject({
      eligible: true,
      amountFen: y('7500'),
    });
    expect(accident('50000').explanation.confirmations).toHaveLength(1);
  });
});

describe('seed 004 篇一 意外致困 qualification', () => {
  const p = AccidentQualificationParamsSchema.parse({});
  it('qualifies at 24,000 and above (以上 includes the figure)', () => {
    expect(accidentQualification(p, { annualHardshipCostFen: y('24000') }).eligible).toBe(true);
    expect(accidentQualification(p, { annualHardshipCostFen: y('23999.99') }).eligible).toBe(false);
    expect(accidentQualification(p, { annualHardshipCostFen: y('24000') }).amountFen).toBe(0);
  });
});

describe('medical relief invariants', () => {
  it('is never negative, never above the self-paid part, never above the caps', () => {
    const grades = fc.constantFrom('deep', 'relative', 'accident') as fc.Arbitrary<MedicalInput['grade']>;
    fc.assert(
      fc.property(
        grades,
        fc.integer({ min: 0, max: 20_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (grade, c, extra) => {
          const r = medicalRelief(params, {
            grade,
            compliantSelfPaidFen: c,
            selfPaidFen: c + extra,
            otherProgrammesReceived: [],
          });
          const cap = grade === 'deep' ? 2_000_000 : grade === 'relative' ? 1_600_000 : 1_000_000;
          return (
            r.amountFen >= 0 && r.amountFen <= c + extra && r.amountFen <= cap && r.detail.requestableFen <= c + extra
          );
        },
      ),
    );
  });

  it('parses adjusted params through the template, keeping every other default', () => {
    const adjusted = medicalTemplate.paramsSchema.parse({ accident: { capFen: y('8000') } });
    expect(adjusted.accident).toMatchObject({
      capFen: y('8000'),
      rateBp: 1_500,
      qualificationThresholdFen: y('24000'),
    });
    expect(adjusted.escalation.map((l) => l.id)).toEqual(['local', 'province', 'national']);
    expect(() => medicalTemplate.paramsSchema.parse({ deep: { rateBp: 1.5 } })).toThrow();
  });
});
