import dayjs, { type Dayjs } from 'dayjs';

/**
 * The one calendar of the web, the same as the server's `clock.today()`: dates, months, quarters, years,
 * periods, effective dates and campaign windows are dates in China (Asia/Shanghai, UTC+8 all year, no daylight
 * saving), whatever the browser's time zone. Instants (created at, notice ends) stay instants.
 */
const CHINA_UTC_OFFSET_MS = 8 * 3_600_000;

/** Today's date in China, 'YYYY-MM-DD'. */
export function today(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** This year in China. */
export const thisYear = (now?: Date): number => Number(today(now).slice(0, 4));

/** This quarter in China, '2027Q1'. */
export function thisQuarter(now?: Date): string {
  const [y, m] = today(now).split('-').map(Number) as [number, number];
  return `${y}Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The quarter after this one in China ('2026Q4' → '2027Q1'). */
export function nextQuarter(now?: Date): string {
  const [y, m] = today(now).split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 4 ? `${y + 1}Q1` : `${y}Q${q + 1}`;
}

/** Today in China as a DatePicker value (that date, at the browser's midnight). */
export const todayValue = (now?: Date): Dayjs => dayjs(today(now));

/** A DatePicker's disabledDate: nothing after today (in China). */
export const afterToday = (d: Dayjs): boolean => d.format('YYYY-MM-DD') > today();
