import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yuanToFen as y } from '../money.js';
import {
  CoalmineIllnessParamsSchema,
  coalmineIllnessRelief,
  MutualMedicalParamsSchema,
  mutualFundDues,
  mutualMedicalClaim,
  mutualMedicalRate,
  RehabilitationParamsSchema,
  rehabilitationGrant,
} from './seed002-coalmine.js';

describe('seed 002 major-illness relief fund (大病救助金)', () => {
  const p = CoalmineIllnessParamsSchema.parse({});
  const relief = (yuan: string, hardshipConfirmed?: boolean) =>
    coalmineIllnessRelief(p, { pooledSelfPaidFen: y(yuan), hardshipConfirmed });

  it('pays 80 % of the part above 5,000: exactly 5,000 gives nothing', () => {
    expect(relief('5000', true)).toMatchObject({ eligible: false, amountFen: 0 });
    expect(relief('5000.01', true).amountFen).toBe(y('0.01')); // 0.008 元 → 0.01
    expect(relief('10000', true).amountFen).toBe(y('4000'));
    expect(relief('6234.56', true).amountFen).toBe(y('987.65')); // 1,234.56 × 80 % = 987.648
  });

  it('caps at 10,000, reached at 17,500 self-paid', () => {
    expect(relief('17499.99', true).amountFen).toBe(y('9999.99')); // 12,499.99 × 80 % = 9,999.992
    expect(relief('17500', true).amountFen).toBe(y('10000'));
    const r = relief('40000', true);
    expect(r.amountFen).toBe(y('10000'));
    expect(r.explanation.steps.find((s) => s.kind === 'cap')?.data).toMatchObject({
      applied: true,
      beforeFen: y('28000'),
    });
  });

  it('needs the union to find the worker in hardship', () => {
    expect(relief('10000', false)).toMatchObject({ eligible: false, amountFen: 0 });
    const unconfirmed = relief('10000');
    expect(unconfirmed.amountFen).toBe(y('4000'));
    expect(unconfirmed.explanation.confirmations[0]?.zh).toBe('须由工会认定其生活困难');
  });

  it('is never negative and never above the cap or the excess', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (paid) => {
        const a = coalmineIllnessRelief(p, { pooledSelfPaidFen: paid, hardshipConfirmed: true }).amountFen;
        return a >= 0 && a <= 1_000_000 && a <= Math.max(0, paid - 500_000);
      }),
    );
  });
});

describe('seed 002 mutual medical fund (职工医疗互助)', () => {
  const p = MutualMedicalParamsSchema.parse({});
  const claim = (
    yuan: string,
    consecutiveYears = 0,
    costKind: 'designatedHospitalisation' | 'other' = 'designatedHospitalisation',
  ) => mutualMedicalClaim(p, { costKind, pooledSelfPaidFen: y(yuan), consecutiveYears });

  it('reimburses 50 % of the part above 1,000: exactly 1,000 gives nothing', () => {
    expect(claim('1000')).toMatchObject({ eligible: false, amountFen: 0 });
    expect(claim('3000')).toMatchObject({ eligible: true, amountFen: y('1000'), detail: { rateBp: 5_000 } });
  });

  it('adds 5 points per full 5 consecutive years of membership', () => {
    expect(mutualMedicalRate(p, 4)).toBe(5_000);
    expect(mutualMedicalRate(p, 5)).toBe(5_500);
    expect(mutualMedicalRate(p, 9)).toBe(5_500);
    expect(mutualMedicalRate(p, 10)).toBe(6_000);
    expect(claim('3000', 10).amountFen).toBe(y('1200'));
    expect(mutualMedicalRate(p, 80)).toBe(10_000); // no ceiling in the seed; never above 100 %
  });

  it('covers only the three listed cost kinds', () => {
    expect(claim('3000', 0, 'other')).toMatchObject({ eligible: false, amountFen: 0 });
    expect(
      mutualMedicalClaim(p, { costKind: 'referredHospitalisation', pooledSelfPaidFen: y('3000'), consecutiveYears: 0 })
        .amountFen,
    ).toBe(y('1000'));
  });

  it('keeps the dues 20 + 5 + 10 = 35 元 per member-year', () => {
    expect(mutualFundDues(p, 1)).toEqual({ workerFen: 2_000, unitFen: 500, groupUnionFen: 1_000, totalFen: 3_500 });
    expect(mutualFundDues(p, 100).totalFen).toBe(y('3500'));
  });
});

describe('seed 002 rehabilitation grant (康复金)', () => {
  const p = RehabilitationParamsSchema.parse({});
  const grant = (pooled: string, requested?: string) =>
    rehabilitationGrant(p, {
      pooledPaymentFen: y(pooled),
      requestedFen: requested === undefined ? undefined : y(requested),
    });

  it('needs a pooled payment above 120,000 (exactly 120,000 is not above)', () => {
    expect(grant('120000', '8000')).toMatchObject({ eligible: false, amountFen: 0 });
    expect(grant('120000.01', '8000')).toMatchObject({ eligible: true, amountFen: y('8000') });
  });

  it('keeps the grant within 5,000 … 10,000', () => {
    expect(grant('150000').amountFen).toBe(y('5000'));
    expect(grant('150000', '12000').amountFen).toBe(y('10000'));
    expect(grant('150000', '3000').amountFen).toBe(y('5000'));
    expect(grant('150000', '3000').explanation.steps.find((s) => s.kind === 'range')?.data.adjusted).toBe(true);
    expect(() => RehabilitationParamsSchema.parse({ minFen: y('20000') })).toThrow();
  });
});
