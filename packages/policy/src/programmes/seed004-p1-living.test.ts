import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LivingParamsSchema,
  livingRelief,
  livingReliefInstalment,
  livingTemplate,
  splitInstalments,
} from './seed004-p1-living.js';

const params = LivingParamsSchema.parse({});

describe('seed 004 篇一 living relief (生活救助)', () => {
  it('pays the seed’s annual standards by grade', () => {
    const deep = livingRelief(params, { grade: 'deep' });
    expect(deep).toMatchObject({ eligible: true, amountFen: 790_000, detail: { annualFen: 790_000 } });
    expect(deep.detail.instalmentsFen).toEqual([197_500, 197_500, 197_500, 197_500]);
    const relative = livingRelief(params, { grade: 'relative' });
    expect(relative.amountFen).toBe(630_000);
    expect(relative.detail.instalmentsFen).toEqual([157_500, 157_500, 157_500, 157_500]);
  });

  it('does not cover 意外致困 or the older grades', () => {
    for (const grade of ['accident', 'tekun', 'kunnan'] as const) {
      const r = livingRelief(params, { grade });
      expect(r).toMatchObject({ eligible: false, amountFen: 0 });
      expect(r.explanation.steps[0]?.rule).toBe('seed004.p1.living.grade');
    }
  });

  it('explains the standard, the split and the source, with the params version', () => {
    const r = livingRelief(
      params,
      { grade: 'deep' },
      { paramsVersion: { version: 3, effectiveFrom: '2024-01-01', nodeId: 7 } },
    );
    expect(r.explanation.source).toMatchObject({ seed: '004', lines: '9' });
    expect(r.explanation.source.quote).toContain('7900元');
    expect(r.explanation.params).toMatchObject({ version: 3, effectiveFrom: '2024-01-01', nodeId: 7 });
    expect(r.explanation.steps.map((s) => s.kind)).toEqual(['tier', 'split', 'result']);
    expect(r.explanation.summary.zh).toBe('深度困难职工家庭生活救助每年7,900.00元，每期1,975.00元');
  });

  it('puts the remainder in the last instalment, so the four sum to the annual amount', () => {
    const adjusted = LivingParamsSchema.parse({ annualFen: { deep: 790_003 } });
    expect(adjusted.annualFen.relative).toBe(630_000); // untouched default kept
    const r = livingRelief(adjusted, { grade: 'deep' });
    expect(r.detail.instalmentsFen).toEqual([197_500, 197_500, 197_500, 197_503]);
    expect(livingReliefInstalment(adjusted, { grade: 'deep' }, 4)).toBe(197_503);
    expect(livingReliefInstalment(adjusted, { grade: 'deep' }, 1)).toBe(197_500);
    expect(livingReliefInstalment(adjusted, { grade: 'accident' }, 1)).toBe(0);
    expect(() => livingReliefInstalment(adjusted, { grade: 'deep' }, 5)).toThrow(RangeError);
  });

  it('rounds instalments to a unit when asked (whole 元), the last still balancing', () => {
    expect(splitInstalments(790_050, 4, 100)).toEqual([197_500, 197_500, 197_500, 197_550]);
  });

  it('always sums to the annual amount, and no instalment is negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 10_000 }),
        (annual, n, unit) => {
          const parts = splitInstalments(annual, n, unit);
          return parts.length === n && parts.reduce((a, b) => a + b, 0) === annual && parts.every((p) => p >= 0);
        },
      ),
    );
  });

  it('is registered with the seed’s defaults', () => {
    expect(livingTemplate.defaults).toEqual(params);
    expect(livingTemplate.compute(livingTemplate.defaults, { grade: 'relative' }).amountFen).toBe(630_000);
  });
});
