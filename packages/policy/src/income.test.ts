import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incomeWithinLine, perCapitaMonthlyIncome } from './income.js';

describe('per-capita monthly income (integer 分)', () => {
  it('floors to the 分 and counts missing fields as 0', () => {
    const r = perCapitaMonthlyIncome({ wagesFen: 1_000_000 }, 3);
    expect(r).toMatchObject({ totalIncomeFen: 1_000_000, rigidSpendingFen: 0, netAnnualFen: 1_000_000 });
    expect(r.perCapitaMonthlyFen).toBe(27_777); // 27,777.77… 分
    expect(r.incomes.transferFen).toBe(0);
    expect(r.steps.map((s) => s.rule)).toEqual([
      'income.total',
      'income.rigidSpending',
      'income.net',
      'income.perCapitaMonthly',
    ]);
  });

  it('never goes below zero', () => {
    expect(perCapitaMonthlyIncome({ wagesFen: 5, otherSpendingFen: 10 }, 1)).toMatchObject({
      netAnnualFen: 0,
      perCapitaMonthlyFen: 0,
    });
  });

  it('refuses non-integer, negative or unsafe amounts and a size below one', () => {
    expect(() => perCapitaMonthlyIncome({ wagesFen: 0.5 }, 1)).toThrow(RangeError);
    expect(() => perCapitaMonthlyIncome({ housingSpendingFen: -1 }, 1)).toThrow(RangeError);
    expect(() => perCapitaMonthlyIncome({ wagesFen: Number.MAX_SAFE_INTEGER }, 2)).toThrow(RangeError);
    expect(() => perCapitaMonthlyIncome({}, 1.5)).toThrow(RangeError);
  });

  it('floor bounds hold, and line tests agree with exact arithmetic (BigInt)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 1e7 }),
        (net, size, line) => {
          const p = perCapitaMonthlyIncome({ otherIncomeFen: net }, size).perCapitaMonthlyFen;
          expect(BigInt(p) * BigInt(size * 12) <= BigInt(net)).toBe(true);
          expect(BigInt(p + 1) * BigInt(size * 12) > BigInt(net)).toBe(true);
          const cap = BigInt(line) * BigInt(size) * 12n;
          expect(incomeWithinLine(net, size, line, 'below')).toBe(BigInt(net) < cap);
          expect(incomeWithinLine(net, size, line, 'atOrBelow')).toBe(BigInt(net) <= cap);
          // Strictly below: the floored figure gives the same answer; at-or-below it may not, so it is never used.
          expect(incomeWithinLine(net, size, line, 'below')).toBe(p < line);
        },
      ),
    );
  });
});
