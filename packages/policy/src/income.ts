/**
 * The income test's figure: per-capita monthly income (家庭月人均收入). DOMAIN.md, the national rule (Hebei
 * 2021): over the 12 months before applying, (wages + net business, property and transfer income + other
 * income − rigid spending on illness, disability, schooling, housing and other) ÷ household size ÷ 12.
 *
 * Money is integer 分 (ARCHITECTURE.md convention 7). Rounding, decided here because the sources are silent:
 * - Net incomes are entered as amounts ≥ 0 (a net business loss is entered as 0).
 * - When rigid spending exceeds income, the net annual income counts as 0, never negative.
 * - The per-capita figure shown is floored to the 分 (integer division, no floating point).
 * - Comparisons with a line never use the rounded figure: they cross-multiply in integers
 *   (net annual < line × size × 12), so rounding can never move a household across a line.
 * The field names are those of the archive form (contracts `IncomeInputSchema`); a missing field counts as 0.
 */
import type { Bilingual } from './household.js';
import { formatYuan } from './money.js';

export interface IncomeFigures {
  wagesFen?: number;
  businessFen?: number;
  propertyFen?: number;
  transferFen?: number;
  otherIncomeFen?: number;
  medicalSpendingFen?: number;
  disabilitySpendingFen?: number;
  schoolingSpendingFen?: number;
  housingSpendingFen?: number;
  otherSpendingFen?: number;
  /** The year's hardship costs or losses after compensation and insurance (意外致困). */
  hardshipLossFen?: number;
}

export const INCOME_FIELDS = {
  wagesFen: { zh: '工资性收入', en: 'wages' },
  businessFen: { zh: '经营净收入', en: 'net business income' },
  propertyFen: { zh: '财产净收入', en: 'net property income' },
  transferFen: { zh: '转移净收入', en: 'net transfer income' },
  otherIncomeFen: { zh: '其他收入', en: 'other income' },
} as const satisfies Record<string, Bilingual>;

export const SPENDING_FIELDS = {
  medicalSpendingFen: { zh: '因病刚性支出', en: 'illness' },
  disabilitySpendingFen: { zh: '因残刚性支出', en: 'disability' },
  schoolingSpendingFen: { zh: '就学刚性支出', en: 'schooling' },
  housingSpendingFen: { zh: '住房刚性支出', en: 'housing' },
  otherSpendingFen: { zh: '其他刚性支出', en: 'other' },
} as const satisfies Record<string, Bilingual>;

export type IncomeField = keyof typeof INCOME_FIELDS | keyof typeof SPENDING_FIELDS | 'hardshipLossFen';

export interface Step extends Bilingual {
  rule: string;
  value: number | string | boolean | null;
}

export interface IncomeTest {
  /** Every field, missing ones as 0. */
  incomes: Record<IncomeField, number>;
  totalIncomeFen: number;
  rigidSpendingFen: number;
  /** max(0, total − rigid). */
  netAnnualFen: number;
  perCapitaMonthlyFen: number;
  steps: Step[];
}

export const yuanLabel = (fen: number) => `${formatYuan(fen)}元`;

/** Reject what is not money: every amount a non-negative safe integer of 分. */
function normalise(f: IncomeFigures): Record<IncomeField, number> {
  const keys = [...Object.keys(INCOME_FIELDS), ...Object.keys(SPENDING_FIELDS), 'hardshipLossFen'] as IncomeField[];
  const out = {} as Record<IncomeField, number>;
  for (const k of keys) {
    const v = f[k] ?? 0;
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${k} must be a non-negative integer of 分: ${v}`);
    out[k] = v;
  }
  return out;
}

/** Per-capita monthly income with its steps. `householdSize` is a positive integer. */
export function perCapitaMonthlyIncome(figures: IncomeFigures, householdSize: number): IncomeTest {
  if (!Number.isSafeInteger(householdSize) || householdSize < 1) {
    throw new RangeError(`household size must be a positive integer: ${householdSize}`);
  }
  const incomes = normalise(figures);
  const sum = (fields: Record<string, Bilingual>) => {
    const keys = Object.keys(fields) as IncomeField[];
    const total = keys.reduce((acc, k) => acc + incomes[k], 0);
    const zh = keys.map((k) => `${(fields[k] as Bilingual).zh}${yuanLabel(incomes[k])}`).join(' + ');
    const en = keys.map((k) => `${(fields[k] as Bilingual).en} ${formatYuan(incomes[k])}`).join(' + ');
    return { total, zh, en };
  };
  const inc = sum(INCOME_FIELDS);
  const rig = sum(SPENDING_FIELDS);
  if (!Number.isSafeInteger(inc.total * 12 * householdSize)) throw new RangeError('amounts too large');
  const netAnnualFen = Math.max(0, inc.total - rig.total);
  const months = householdSize * 12;
  const perCapitaMonthlyFen = (netAnnualFen - (netAnnualFen % months)) / months;
  const steps: Step[] = [
    {
      rule: 'income.total',
      zh: `家庭年收入合计：${inc.zh} = ${yuanLabel(inc.total)}`,
      en: `Income over 12 months: ${inc.en} = ${formatYuan(inc.total)} yuan`,
      value: inc.total,
    },
    {
      rule: 'income.rigidSpending',
      zh: `刚性支出合计：${rig.zh} = ${yuanLabel(rig.total)}`,
      en: `Rigid spending: ${rig.en} = ${formatYuan(rig.total)} yuan`,
      value: rig.total,
    },
    {
      rule: 'income.net',
      zh:
        rig.total > inc.total
          ? `刚性支出超过收入，可计算收入按0元计`
          : `可计算年收入 = ${yuanLabel(inc.total)} − ${yuanLabel(rig.total)} = ${yuanLabel(netAnnualFen)}`,
      en:
        rig.total > inc.total
          ? 'Rigid spending exceeds income: net income counts as 0'
          : `Net annual income = ${formatYuan(inc.total)} − ${formatYuan(rig.total)} = ${formatYuan(netAnnualFen)} yuan`,
      value: netAnnualFen,
    },
    {
      rule: 'income.perCapitaMonthly',
      zh: `家庭月人均收入 = ${yuanLabel(netAnnualFen)} ÷ ${householdSize}人 ÷ 12个月 = ${yuanLabel(perCapitaMonthlyFen)}（不足1分舍去）`,
      en: `Per-capita monthly income = ${formatYuan(netAnnualFen)} ÷ ${householdSize} persons ÷ 12 months = ${formatYuan(perCapitaMonthlyFen)} yuan (floored to the fen)`,
      value: perCapitaMonthlyFen,
    },
  ];
  return {
    incomes,
    totalIncomeFen: inc.total,
    rigidSpendingFen: rig.total,
    netAnnualFen,
    perCapitaMonthlyFen,
    steps,
  };
}

/**
 * Whether the household's per-capita monthly income is below (or at or below) a monthly line, decided exactly
 * on integers: net annual vs line × size × 12. Never on the rounded per-capita figure.
 */
export function incomeWithinLine(
  netAnnualFen: number,
  householdSize: number,
  lineFen: number,
  boundary: 'below' | 'atOrBelow',
): boolean {
  const cap = lineFen * householdSize * 12;
  if (!Number.isSafeInteger(cap)) throw new RangeError('line too large');
  return boundary === 'below' ? netAnnualFen < cap : netAnnualFen <= cap;
}
