import { describe, expect, it } from 'vitest';
import { anchorPath, childOf, defaultDueOn, drawCount, drawUniform } from './review.rules.js';

describe('spot-check sample size', () => {
  it('tops the sample up to ceil(share × eligible), never resampling', () => {
    expect(drawCount(3000, 10, 0)).toBe(3);
    expect(drawCount(3000, 10, 3)).toBe(0);
    expect(drawCount(3000, 11, 3)).toBe(1);
    expect(drawCount(3000, 1, 0)).toBe(1);
    expect(drawCount(0, 100, 0)).toBe(0);
    expect(drawCount(10_000, 7, 2)).toBe(5);
    // Sampled by another union above more than this caller's share: nothing to draw.
    expect(drawCount(3000, 10, 6)).toBe(0);
  });

  it('draws k distinct items, each equally likely', () => {
    const items = [1, 2, 3, 4, 5];
    const seen = new Map<number, number>();
    for (let i = 0; i < 5000; i++) {
      const d = drawUniform(items, 2);
      expect(new Set(d).size).toBe(2);
      for (const x of d) seen.set(x, (seen.get(x) ?? 0) + 1);
    }
    // Each item is drawn 2/5 of the time: 2,000 expected of 5,000 draws.
    for (const x of items) expect(Math.abs((seen.get(x) ?? 0) - 2000)).toBeLessThan(200);
    expect(drawUniform(items, 9)).toHaveLength(5);
    expect(drawUniform([], 3)).toEqual([]);
  });
});

describe('the board node', () => {
  it('is the opening node for callers above it, the caller’s node below it or elsewhere', () => {
    expect(anchorPath('/1/2/', '/1/')).toBe('/1/2/');
    expect(anchorPath('/1/2/', '/1/2/3/')).toBe('/1/2/3/');
    expect(anchorPath('/1/2/', '/1/9/3/')).toBe('/1/9/3/');
  });

  it('names the child a file’s node lies in', () => {
    expect(childOf('/1/2/', '/1/2/')).toBe('self');
    expect(childOf('/1/2/', '/1/2/34/56/')).toBe(34);
    expect(childOf('/1/2/', '/1/23/')).toBeNull();
  });

  it('is due at the end of the year, or today for a late round', () => {
    expect(defaultDueOn(2026, '2026-11-30')).toBe('2026-12-31');
    expect(defaultDueOn(2025, '2026-11-30')).toBe('2026-11-30');
  });
});
