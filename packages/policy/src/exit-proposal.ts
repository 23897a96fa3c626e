/**
 * 脱困 proposal (seed 004 篇一: "致困原因已消除，且家庭人均收入连续6个月高于当地最低生活保障标准的，转入已脱困档案").
 * From the monthly income records of a file, count the run of consecutive calendar months, ending with the
 * latest recorded month, in which per-capita income exceeded the 低保 line in force that month. When the run
 * reaches the required length (6), the system proposes 脱困; a person still confirms that the causes are gone.
 *
 * Decisions (the seed is silent): "高于" is strict (equal to the line is not above); the comparison
 * cross-multiplies in integers (income > line × size), so the rounded per-capita figure never decides; a
 * missing month breaks the run; a month with no 低保 line in force (no policy) never counts as above.
 */
export interface IncomeMonth {
  /** 'YYYY-MM'. */
  month: string;
  householdIncomeFen: number;
  householdSize: number;
  dibaoLineFen: number | null;
}

export interface ExitProposal {
  proposed: boolean;
  consecutiveMonthsAbove: number;
  /** First month of the run ('YYYY-MM'), or null when the latest month is not above the line. */
  since: string | null;
  required: number;
  explanation: { zh: string; en: string };
}

export const EXIT_MONTHS_REQUIRED = 6;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(s: string): boolean {
  return MONTH.test(s);
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}

/** Per-capita income strictly above the line, in integers. */
export function monthAboveLine(m: IncomeMonth): boolean {
  if (m.dibaoLineFen === null || m.householdSize <= 0) return false;
  return m.householdIncomeFen > m.dibaoLineFen * m.householdSize;
}

export function exitProposal(months: readonly IncomeMonth[], required = EXIT_MONTHS_REQUIRED): ExitProposal {
  const sorted = [...months].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  let run = 0;
  let since: string | null = null;
  let expected: string | null = sorted[0]?.month ?? null;
  for (const m of sorted) {
    if (m.month !== expected || !monthAboveLine(m)) break;
    run += 1;
    since = m.month;
    expected = previousMonth(m.month);
  }
  const proposed = run >= required;
  const explanation = proposed
    ? {
        zh: `自${since}起连续${run}个月家庭人均收入高于当地低保标准（需${required}个月），建议核实致困原因是否消除后办理脱困`,
        en: `per-capita income above the local 低保 line for ${run} consecutive months since ${since} (${required} required): confirm the causes are gone and exit the file`,
      }
    : {
        zh: `连续高于低保标准的月数：${run}，需${required}个月`,
        en: `consecutive months above the 低保 line: ${run} of ${required} required`,
      };
  return { proposed, consecutiveMonthsAbove: run, since, required, explanation };
}
