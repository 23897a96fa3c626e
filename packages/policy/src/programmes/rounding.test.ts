import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRateBp, describeRounding, percentLabel, rateThenRound, roundToUnitFen } from './rounding.js';

describe('roundToUnitFen', () => {
  it('rounds to the nearest 100 元, 50 元 rounding up (四舍五入)', () => {
    expect(roundToUnitFen(1_235_000, 10_000, 'halfUp')).toBe(1_240_000);
    expect(roundToUnitFen(1_234_999, 10_000, 'halfUp')).toBe(1_230_000);
    expect(roundToUnitFen(1_234_900, 10_000, 'halfUp')).toBe(1_230_000);
    expect(roundToUnitFen(0, 10_000, 'halfUp')).toBe(0);
  });

  it('supports the other modes', () => {
    expect(roundToUnitFen(1_235_000, 10_000, 'halfEven')).toBe(1_240_000);
    expect(roundToUnitFen(1_225_000, 10_000, 'halfEven')).toBe(1_220_000);
    expect(roundToUnitFen(1_225_001, 10_000, 'halfEven')).toBe(1_230_000);
    expect(roundToUnitFen(1_239_999, 10_000, 'down')).toBe(1_230_000);
    expect(roundToUnitFen(1_230_001, 10_000, 'up')).toBe(1_240_000);
    expect(roundToUnitFen(1_230_000, 10_000, 'up')).toBe(1_230_000);
  });

  it('rejects what is not money', () => {
    expect(() => roundToUnitFen(-1, 100, 'halfUp')).toThrow(RangeError);
    expect(() => roundToUnitFen(1.5, 100, 'halfUp')).toThrow(RangeError);
    expect(() => roundToUnitFen(100, 0, 'halfUp')).toThrow(RangeError);
  });
});

describe('rates in basis points', () => {
  it('takes a rate to the 分 exactly', () => {
    expect(applyRateBp(2_000_000, 8_000)).toBe(1_600_000);
    expect(applyRateBp(333, 1_500)).toBe(50); // 49.95 分 → 50
    expect(applyRateBp(333, 1_500, 'down')).toBe(49);
    expect(applyRateBp(5, 1_000)).toBe(1); // 0.5 分 half up
  });

  it('rounds the exact product once, never twice', () => {
    // 24,699.99 元 × 50 % = 12,349.995 元: once to 100 元 → 12,300. Rounding to the 分 first would give
    // 12,350.00 and then 12,400.
    const hundred = { unitFen: 10_000, mode: 'halfUp' } as const;
    expect(rateThenRound(2_469_999, 5_000, hundred)).toBe(1_230_000);
    expect(roundToUnitFen(applyRateBp(2_469_999, 5_000), 10_000, 'halfUp')).toBe(1_240_000);
    expect(rateThenRound(2_470_000, 5_000, hundred)).toBe(1_240_000);
  });

  it('agrees with a rate to the 分 followed by no further rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 0, max: 20_000 }), (f, bp) => {
        const exact = (f * bp) / 10_000;
        const r = applyRateBp(f, bp);
        return Math.abs(r - exact) <= 0.5 + 1e-9 && Number.isInteger(r);
      }),
    );
  });
});

describe('labels', () => {
  it('describes roundings and percentages', () => {
    expect(describeRounding({ unitFen: 10_000, mode: 'halfUp' }).zh).toBe('四舍五入至百元');
    expect(describeRounding({ unitFen: 1, mode: 'down' }).zh).toBe('舍去尾数至分');
    expect(percentLabel(8_000)).toBe('80%');
    expect(percentLabel(1_250)).toBe('12.5%');
    expect(percentLabel(5_505)).toBe('55.05%');
  });
});
