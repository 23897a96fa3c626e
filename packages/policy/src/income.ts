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
 *
 * Whose income (issue 9, "members' incomes are ignored"): the household's 12-month income is
 * - the household-level fields (`IncomeFigures`): the worker's own income and any income that is no member's
 *   (the form labels them so: 本人及其他非成员收入), plus
 * - every member counted in the household by the family-size rule (`countHousehold`, seed 004 篇十二): the
 *   member's 月收入 as recorded on the file (wages, pensions, benefits) × 12. Members the rule does not count
 *   (a married child, a parent of a married worker, …) bring no income, as they bring no head; the explanation
 *   lists them with the rule's reason.
 * The worker is never a member (relations have no 本人), so no income is counted twice unless a clerk also puts
 * a member's wages into the household-level fields; the form says not to. A monthly figure × 12 is exact in
 * 分: members add no rounding.
 */
import {
  type Bilingual,
  countHousehold,
  type HouseholdCount,
  type HouseholdRuleInput,
  RELATION_ZH,
  type Relation,
} from './household.js';
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

/** One listed member and whether the family-size rule counts them (countHousehold's decision and reason). */
export interface MemberIncome {
  /** As on the file; the explanation is shown to staff, so a name, never an ID. */
  name: string | null;
  relation: Relation;
  monthlyIncomeFen: number;
  counted: boolean;
  reason: Bilingual;
}

export interface MemberIncomePart extends MemberIncome {
  /** monthlyIncomeFen × 12 when counted, else 0. */
  annualFen: number;
}

export interface IncomeTest {
  /** Every household-level field, missing ones as 0. */
  incomes: Record<IncomeField, number>;
  /** The household-level income fields summed (the worker's own and non-member income). */
  ownIncomeFen: number;
  /** Each listed member's part, in the order of the file. */
  members: MemberIncomePart[];
  /** Σ annualFen of the counted members. */
  membersIncomeFen: number;
  /** ownIncomeFen + membersIncomeFen. */
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

const memberLabel = (m: MemberIncome) => ({
  zh: m.name ? `${m.name}（${RELATION_ZH[m.relation]}）` : RELATION_ZH[m.relation],
  en: m.name ? `${m.name} (${m.relation})` : m.relation,
});

/** Each member's part and its step: counted → 月收入 × 12; not counted → nothing, with the rule's reason. */
function memberParts(members: readonly MemberIncome[]): { parts: MemberIncomePart[]; steps: Step[]; total: number } {
  const parts: MemberIncomePart[] = [];
  const steps: Step[] = [];
  let total = 0;
  for (const m of members) {
    const monthly = m.monthlyIncomeFen;
    if (!Number.isSafeInteger(monthly) || monthly < 0)
      throw new RangeError(`a member's monthly income must be a non-negative integer of 分: ${monthly}`);
    const annualFen = m.counted ? monthly * 12 : 0;
    total += annualFen;
    parts.push({ ...m, annualFen });
    const who = memberLabel(m);
    steps.push(
      m.counted
        ? {
            rule: 'income.member',
            zh: `家庭成员${who.zh}计入家庭人口，月收入${yuanLabel(monthly)} × 12个月 = ${yuanLabel(annualFen)}，计入家庭收入`,
            en: `Member ${who.en} counts: monthly income ${formatYuan(monthly)} × 12 = ${formatYuan(annualFen)} yuan, added to household income`,
            value: annualFen,
          }
        : {
            rule: 'income.memberNotCounted',
            zh: `家庭成员${who.zh}：${m.reason.zh}；其月收入${yuanLabel(monthly)}不计入家庭收入`,
            en: `Member ${who.en}: ${m.reason.en}; monthly income ${formatYuan(monthly)} yuan not added`,
            value: 0,
          },
    );
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('amounts too large');
  return { parts, steps, total };
}

/**
 * Per-capita monthly income with its steps. `householdSize` is a positive integer; `members` are the listed
 * members with the family-size rule's decision (see `householdIncome`, which pairs them with `countHousehold`).
 */
export function perCapitaMonthlyIncome(
  figures: IncomeFigures,
  householdSize: number,
  members: readonly MemberIncome[] = [],
): IncomeTest {
  if (!Number.isSafeInteger(householdSize) || householdSize < 1) {
    throw new RangeError(`household size must be a positive integer: ${householdSize}`);
  }
  const incomes = normalise(figures);
  const mem = memberParts(members);
  const sum = (fields: Record<string, Bilingual>) => {
    const keys = Object.keys(fields) as IncomeField[];
    const total = keys.reduce((acc, k) => acc + incomes[k], 0);
    const zh = keys.map((k) => `${(fields[k] as Bilingual).zh}${yuanLabel(incomes[k])}`).join(' + ');
    const en = keys.map((k) => `${(fields[k] as Bilingual).en} ${formatYuan(incomes[k])}`).join(' + ');
    return { total, zh, en };
  };
  const own = sum(INCOME_FIELDS);
  const rig = sum(SPENDING_FIELDS);
  const inc = { total: own.total + mem.total };
  if (!Number.isSafeInteger(inc.total * 12 * householdSize)) throw new RangeError('amounts too large');
  const netAnnualFen = Math.max(0, inc.total - rig.total);
  const months = householdSize * 12;
  const perCapitaMonthlyFen = (netAnnualFen - (netAnnualFen % months)) / months;
  const steps: Step[] = [
    ...mem.steps,
    members.length === 0
      ? {
          rule: 'income.total',
          zh: `家庭年收入合计：${own.zh} = ${yuanLabel(inc.total)}`,
          en: `Income over 12 months: ${own.en} = ${formatYuan(inc.total)} yuan`,
          value: inc.total,
        }
      : {
          rule: 'income.total',
          zh: `家庭年收入合计：本人及其他非成员收入（${own.zh}）${yuanLabel(own.total)} + 计入的家庭成员收入${yuanLabel(mem.total)} = ${yuanLabel(inc.total)}`,
          en: `Income over 12 months: the worker's own and non-member income (${own.en}) ${formatYuan(own.total)} + counted members' income ${formatYuan(mem.total)} = ${formatYuan(inc.total)} yuan`,
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
    ownIncomeFen: own.total,
    members: mem.parts,
    membersIncomeFen: mem.total,
    totalIncomeFen: inc.total,
    rigidSpendingFen: rig.total,
    netAnnualFen,
    perCapitaMonthlyFen,
    steps,
  };
}

/** Pair the listed members with the family-size rule's decision about each (countHousehold keeps their order). */
export function memberIncomes(household: HouseholdRuleInput, count: HouseholdCount): MemberIncome[] {
  return count.members.map((c) => ({
    name: c.name,
    relation: c.relation,
    monthlyIncomeFen: household.members[c.index]?.monthlyIncomeFen ?? 0,
    counted: c.counted,
    reason: { zh: c.zh, en: c.en },
  }));
}

/**
 * The income test of a household as listed on the file: its size by the family-size rule and its per-capita
 * income with every counted member's income. The one path the intake preview, the stored figures, the grade
 * proposal, the import and the what-if all take.
 */
export function householdIncome(
  figures: IncomeFigures,
  household: HouseholdRuleInput,
): { count: HouseholdCount; test: IncomeTest } {
  const count = countHousehold(household);
  return { count, test: perCapitaMonthlyIncome(figures, count.size, memberIncomes(household, count)) };
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
