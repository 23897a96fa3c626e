import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan, percentOf, roundToNearest, yuanToFen } from './money.js';

describe('money in 分', () => {
  it('parses 元 as users type it', () => {
    expect(yuanToFen('7900')).toBe(790000);
    expect(yuanToFen('1,234.5')).toBe(123450);
    expect(yuanToFen('¥ 20.05')).toBe(2005);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(() => yuanToFen('12.345')).toThrow(RangeError);
    expect(() => yuanToFen('abc')).toThrow(RangeError);
  });

  it('formats 分 as 元', () => {
    expect(formatYuan(790000)).toBe('7,900.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-123450)).toBe('-1,234.50');
  });

  it('rounds to the nearest 100 元 (seed 004: medical relief), 50 元 rounding up', () => {
    expect(roundToNearest(1234500, 10000)).toBe(1230000);
    expect(roundToNearest(1235000, 10000)).toBe(1240000);
    expect(roundToNearest(1234999, 10000)).toBe(1230000);
  });

  it('takes percentages without floating error', () => {
    expect(percentOf(2000000, 8000)).toBe(1600000);
    expect(percentOf(333, 1500)).toBe(50);
  });

  it('round-trips every amount', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => yuanToFen(formatYuan(fen)) === fen));
  });
});
