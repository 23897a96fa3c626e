import type { StatPeriod } from '@bangfu/contracts';
import { plusDays } from './servicedesk.calendar.js';

/** Calendar periods of the analysis (dates in Beijing, 'YYYY-MM-DD'), and the rates reported upward. */
export interface Period {
  kind: StatPeriod;
  from: string;
  to: string;
  /** '2026-11', '2026-Q4', '2026'. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The month, quarter or year holding `date`. */
export function periodOf(kind: StatPeriod, date: string): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (kind === 'year') return { kind, from: `${y}-01-01`, to: `${y}-12-31`, label: String(y) };
  if (kind === 'quarter') {
    const q = Math.floor((m - 1) / 3) + 1;
    const last = q * 3;
    return {
      kind,
      from: `${y}-${pad(last - 2)}-01`,
      to: `${y}-${pad(last)}-${pad(lastDay(y, last))}`,
      label: `${y}-Q${q}`,
    };
  }
  return { kind, from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}`, label: `${y}-${pad(m)}` };
}

/** The period just before. */
export const previousOf = (p: Period): Period => periodOf(p.kind, plusDays(p.from, -1));

/** How many periods the trend shows, ending with the current one. */
const TREND_LENGTH: Record<StatPeriod, number> = { month: 12, quarter: 8, year: 5 };

/** The trend's periods, oldest first, ending with `p`. */
export function trendOf(p: Period): Period[] {
  const out = [p];
  while (out.length < TREND_LENGTH[p.kind]) out.unshift(previousOf(out[0] as Period));
  return out;
}

/** A share in basis points (1/100 of a per cent), rounded half up; null when there is nothing to divide. */
export const rateBp = (n: number, of: number): number | null => (of === 0 ? null : Math.round((n * 10_000) / of));

/** The months ('YYYY-MM') a period spans. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  for (let d = p.from; d <= p.to; d = plusDays(`${d.slice(0, 7)}-${pad(lastDay(+d.slice(0, 4), +d.slice(5, 7)))}`, 1))
    out.push(d.slice(0, 7));
  return out;
}
