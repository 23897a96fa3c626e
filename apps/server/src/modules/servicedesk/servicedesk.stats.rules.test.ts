import { describe, expect, it } from 'vitest';
import { monthsOf, periodOf, previousOf, rateBp, trendOf } from './servicedesk.stats.rules.js';

describe('analysis periods', () => {
  it('finds the month, quarter and year holding a date, and the one before', () => {
    expect(periodOf('month', '2028-02-15')).toEqual({
      kind: 'month',
      from: '2028-02-01',
      to: '2028-02-29',
      label: '2028-02',
    });
    expect(periodOf('quarter', '2026-11-30')).toEqual({
      kind: 'quarter',
      from: '2026-10-01',
      to: '2026-12-31',
      label: '2026-Q4',
    });
    expect(periodOf('year', '2026-06-30')).toEqual({
      kind: 'year',
      from: '2026-01-01',
      to: '2026-12-31',
      label: '2026',
    });
    expect(previousOf(periodOf('month', '2026-01-10')).label).toBe('2025-12');
    expect(previousOf(periodOf('quarter', '2026-02-10'))).toMatchObject({ label: '2025-Q4', from: '2025-10-01' });
    expect(previousOf(periodOf('year', '2026-02-10')).label).toBe('2025');
  });

  it('trends end with the current period, oldest first', () => {
    const m = trendOf(periodOf('month', '2026-03-01'));
    expect(m.map((p) => p.label)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(trendOf(periodOf('quarter', '2026-03-01'))).toHaveLength(8);
    expect(trendOf(periodOf('year', '2026-03-01')).map((p) => p.label)).toEqual([
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
    expect(monthsOf(periodOf('quarter', '2026-12-31'))).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOf(periodOf('year', '2026-01-01'))).toHaveLength(12);
  });

  it('rates in basis points, rounded half up, none when nothing was closed', () => {
    expect(rateBp(5, 6)).toBe(8333);
    expect(rateBp(2, 3)).toBe(6667);
    expect(rateBp(1, 8)).toBe(1250);
    expect(rateBp(0, 0)).toBeNull();
  });
});
