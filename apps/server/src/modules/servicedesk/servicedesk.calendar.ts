import chineseDays from 'chinese-days';

/**
 * Working days of the Chinese calendar: statutory holidays and their make-up working days (调休), from the maintained
 * `chinese-days` library (State Council schedules; a year is added when the schedule is published, usually in
 * November of the year before). Days are 'YYYY-MM-DD' dates in Beijing.
 *
 * A year the library does not know yet is counted on weekdays only and the result is marked `provisional`: the
 * deadline may move once the schedule is published and the library updated.
 */
const { getDayDetail, getHolidaysInRange } = chineseDays;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

function assertDate(d: string): void {
  if (!DATE.test(d) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d)
    throw new Error(`not a calendar date: ${d}`);
}

/** The date n calendar days after d (n may be negative). */
export function plusDays(d: string, n: number): string {
  assertDate(d);
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

const known = new Map<number, boolean>();
/** Does the library hold the holiday schedule of this year? (Every year has holidays on weekdays.) */
export function calendarKnows(year: number): boolean {
  let k = known.get(year);
  if (k === undefined) {
    k = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    known.set(year, k);
  }
  return k;
}

/** A working day: a weekday that is not a holiday, or a weekend day made a working day (调休). */
export function isWorkingDay(d: string): boolean {
  assertDate(d);
  return getDayDetail(d).work;
}

export interface Counted {
  date: string;
  /** Some day counted lies in a year whose schedule the library does not know yet. */
  provisional: boolean;
}

/**
 * The n-th working day after `from` (the day itself is not counted, 期间开始之日不计算在内); n = 0 is `from` itself.
 * Received on a holiday, counting starts with the first working day after it.
 */
export function addWorkingDays(from: string, n: number): Counted {
  assertDate(from);
  if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a whole number ≥ 0: ${n}`);
  let d = from;
  let provisional = false;
  for (let counted = 0; counted < n; ) {
    d = plusDays(d, 1);
    if (!calendarKnows(Number(d.slice(0, 4)))) provisional = true;
    if (isWorkingDay(d)) counted++;
  }
  return { date: d, provisional };
}

/** Working days in (from, to]: 0 when to ≤ from. */
export function workingDaysBetween(from: string, to: string): number {
  assertDate(from);
  assertDate(to);
  let n = 0;
  for (let d = plusDays(from, 1); d <= to; d = plusDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}
