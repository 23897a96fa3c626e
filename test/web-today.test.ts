import { describe, expect, it } from 'vitest';
import { nextQuarter, thisQuarter, thisYear, today, todayValue } from '../apps/web/src/lib/today.js';

/** The web's one calendar agrees with the server's clock.today(): the date in Beijing, not UTC or the browser's. */
describe('web today()', () => {
  it('at 2026-12-31T16:30Z it is 2027-01-01 in Beijing: year 2027, quarter 2027Q1, next 2027Q2', () => {
    const at = new Date('2026-12-31T16:30:00Z');
    expect(today(at)).toBe('2027-01-01');
    expect(thisYear(at)).toBe(2027);
    expect(thisQuarter(at)).toBe('2027Q1');
    expect(nextQuarter(at)).toBe('2027Q2');
    expect(todayValue(at).format('YYYY-MM-DD')).toBe('2027-01-01');
  });

  it('at 2026-12-31T15:59Z it is still 2026-12-31: quarter 2026Q4, next 2027Q1', () => {
    const at = new Date('2026-12-31T15:59:00Z');
    expect(today(at)).toBe('2026-12-31');
    expect(thisYear(at)).toBe(2026);
    expect(thisQuarter(at)).toBe('2026Q4');
    expect(nextQuarter(at)).toBe('2027Q1');
  });
});
