import { describe, expect, it } from 'vitest';
import { exitProposal, type IncomeMonth, monthAboveLine, previousMonth } from './exit-proposal.js';

const LINE = 78_000; // 780 元, seed 004 篇十二
const m = (month: string, perCapitaYuan: number, size = 3, line: number | null = LINE): IncomeMonth => ({
  month,
  householdIncomeFen: perCapitaYuan * 100 * size,
  householdSize: size,
  dibaoLineFen: line,
});
const months = (from: number, n: number, perCapitaYuan: number) =>
  Array.from({ length: n }, (_, i) => m(`2026-${String(from + i).padStart(2, '0')}`, perCapitaYuan));

describe('脱困 proposal: 6 consecutive months above the 低保 line (seed 004 篇一)', () => {
  it('proposes after six consecutive months above, naming the first month', () => {
    const p = exitProposal(months(1, 6, 800));
    expect(p).toMatchObject({ proposed: true, consecutiveMonthsAbove: 6, since: '2026-01' });
    expect(p.explanation.zh).toContain('连续6个月');
  });

  it('does not propose after five', () => {
    expect(exitProposal(months(2, 5, 800))).toMatchObject({ proposed: false, consecutiveMonthsAbove: 5 });
  });

  it('a month below the line ends the run; only the months after it count', () => {
    const recs = [...months(1, 6, 800), m('2026-07', 700), ...months(8, 3, 900)];
    expect(exitProposal(recs)).toMatchObject({ proposed: false, consecutiveMonthsAbove: 3, since: '2026-08' });
  });

  it('a missing month breaks the run', () => {
    const recs = [...months(1, 3, 800), ...months(5, 3, 800)];
    expect(exitProposal(recs)).toMatchObject({ proposed: false, consecutiveMonthsAbove: 3, since: '2026-05' });
  });

  it('exactly at the line is not above it (高于 is strict)', () => {
    expect(monthAboveLine(m('2026-01', 780))).toBe(false);
    expect(
      monthAboveLine({ month: '2026-01', householdIncomeFen: LINE * 3 + 1, householdSize: 3, dibaoLineFen: LINE }),
    ).toBe(true);
  });

  it('runs across a year boundary, in any input order', () => {
    const recs = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'].map((x) => m(x, 1000)).reverse();
    expect(exitProposal(recs)).toMatchObject({ proposed: true, since: '2025-09' });
    expect(previousMonth('2026-01')).toBe('2025-12');
  });

  it('no line in force never counts as above; no records propose nothing', () => {
    expect(exitProposal(months(1, 6, 800).map((r) => ({ ...r, dibaoLineFen: null })))).toMatchObject({
      proposed: false,
      consecutiveMonthsAbove: 0,
      since: null,
    });
    expect(exitProposal([])).toMatchObject({ proposed: false, consecutiveMonthsAbove: 0 });
  });
});
