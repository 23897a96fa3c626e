/**
 * Time source. Production uses the wall clock; tests move it forward (lockouts, idle timeouts, notice periods).
 *
 * Two kinds of time, never mixed:
 * - instants (`now()`): stored as UTC ISO timestamps (created_at, notice_end, audit `at`);
 * - calendar dates (`today()`): the date in China (Asia/Shanghai), 'YYYY-MM-DD'. Every "today", month, quarter,
 *   year, period, effective date and campaign window is read on this one calendar, so between 00:00 and 08:00
 *   Beijing time it is already the new day (not yesterday's UTC date).
 */
export interface Clock {
  now(): Date;
  /** Today's date in China, 'YYYY-MM-DD'. */
  today(): string;
}

/** China keeps UTC+8 all year (no daylight saving since 1991), so Asia/Shanghai is a fixed offset. */
export const CHINA_UTC_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in China (Asia/Shanghai) of an instant: 'YYYY-MM-DD'. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

export class SystemClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  today(): string {
    return chinaDate(this.now());
  }
  /** Test mode only: shift the clock by ms (cumulative). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  /** Test mode only: the clock reads `at` now and runs on from there. */
  setTo(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
  reset(): void {
    this.offsetMs = 0;
  }
}

export const nowIso = (clock: Clock): string => clock.now().toISOString();
