import { afterEach, describe, expect, it } from 'vitest';
import { chinaDate, SystemClock } from './clock.js';

/** One calendar: "today" is the date in Beijing (Asia/Shanghai, UTC+8), whatever the server's own zone. */
describe('clock.today()', () => {
  const clock = new SystemClock();
  afterEach(() => clock.reset());

  it('at 2026-12-31T16:30Z it is already 1 January 2027 in Beijing', () => {
    clock.setTo(new Date('2026-12-31T16:30:00Z'));
    expect(clock.today()).toBe('2027-01-01');
  });

  it('at 2026-12-31T15:59Z it is still 31 December 2026 in Beijing', () => {
    clock.setTo(new Date('2026-12-31T15:59:00Z'));
    expect(clock.today()).toBe('2026-12-31');
  });

  it('the day turns exactly at 16:00Z; now() stays the UTC instant', () => {
    expect(chinaDate(new Date('2026-06-30T15:59:59.999Z'))).toBe('2026-06-30');
    expect(chinaDate(new Date('2026-06-30T16:00:00.000Z'))).toBe('2026-07-01');
    clock.setTo(new Date('2026-12-31T17:00:00Z'));
    expect(Math.abs(clock.now().getTime() - Date.parse('2026-12-31T17:00:00Z'))).toBeLessThan(1000);
    expect(clock.now().toISOString().slice(0, 10)).toBe('2026-12-31');
  });
});
