/**
 * County living relief (生活救助), seed 004 篇一, line 9 (the seed's pinyin annotations removed):
 *
 *   「深度困難職工家庭每戶每年按7900元標準發放生活救助金。相對困難職工家庭每戶每年按6300元標準發放生活救助金。
 *    生活救助金按季度發放。」
 *
 * - The standard is per household per year by grade; only 深度 and 相对 are named, so 意外致困 and the older
 *   grades get no living relief under this template (意外致困 has its own medical rule, seed004-p1-medical.ts).
 * - Paid quarterly: the annual amount is split into four instalments that sum exactly to it. Remainder rule
 *   (the seed is silent; decided here): every instalment but the last is the annual amount ÷ 4 rounded down to
 *   the instalment unit (default 1 分), and the last instalment carries the remainder (尾差计入最后一期).
 *   7,900 元 and 6,300 元 divide evenly (1,975 / 1,575 元 a quarter), so the rule only matters for adjusted params.
 * - No proration: the seed says nothing about a household entering mid-year, so none is invented. Which
 *   quarters a household is paid for is the server's schedule (from its filing date), not this rule's amount.
 */
import { z } from 'zod';
import { formatYuan } from '../money.js';
import { fen, GradeSchema } from './schemas.js';
import { type ComputeContext, defineTemplate, finish, type ProgrammeMeta, Trace, yuan } from './types.js';

export const LIVING_META: ProgrammeMeta = {
  id: 'seed004.p1.living',
  name: { zh: '生活救助（县）', en: 'Living relief (county)' },
  kind: 'living',
  source: {
    seed: '004',
    part: '篇一 (二)幫扶標準 1',
    lines: '9',
    quote:
      '深度困難職工家庭每戶每年按7900元標準發放生活救助金。相對困難職工家庭每戶每年按6300元標準發放生活救助金。生活救助金按季度發放。',
  },
};

export const LivingParamsSchema = z.object({
  /** Annual standard per household, 分. */
  annualFen: z.object({ deep: fen.default(790_000), relative: fen.default(630_000) }).prefault({}),
  /** Instalments a year: 4 (按季度發放). */
  instalments: z.number().int().min(1).max(12).default(4),
  /** Instalments before the last are rounded down to this unit (分); the last carries the remainder. */
  instalmentUnitFen: z.number().int().positive().max(1_000_000).default(1),
});
export type LivingParams = z.output<typeof LivingParamsSchema>;

export const LivingInputSchema = z.object({ grade: GradeSchema });
export type LivingInput = z.output<typeof LivingInputSchema>;

export interface LivingDetail {
  annualFen: number;
  /** The instalments in order (quarter 1 … 4 by default); they sum exactly to annualFen. */
  instalmentsFen: number[];
}

/** Split an annual amount into n instalments: n − 1 equal ones rounded down to the unit, the last takes the rest. */
export function splitInstalments(annualFen: number, n: number, unitFen = 1): number[] {
  if (!Number.isSafeInteger(annualFen) || annualFen < 0) throw new RangeError(`bad annual amount ${annualFen}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`bad instalment count ${n}`);
  if (!Number.isSafeInteger(unitFen) || unitFen < 1) throw new RangeError(`bad unit ${unitFen}`);
  const each = Math.floor(annualFen / n / unitFen) * unitFen;
  return Array.from({ length: n }, (_, i) => (i < n - 1 ? each : annualFen - each * (n - 1)));
}

export function livingRelief(params: LivingParams, input: LivingInput, ctx?: ComputeContext) {
  const t = new Trace(LIVING_META.id);
  const grade = input.grade;
  if (grade !== 'deep' && grade !== 'relative') {
    t.add(
      'grade',
      'eligibility',
      `困难类别${grade}不在生活救助范围（仅深度、相对困难职工家庭）`,
      `Grade ${grade} is not covered: living relief is for deep and relative hardship only`,
      { grade },
    );
    return finish<LivingDetail, LivingParams>(LIVING_META, params, ctx, t, {
      eligible: false,
      amountFen: 0,
      inputs: input,
      detail: { annualFen: 0, instalmentsFen: [] },
      summary: { zh: '不享受生活救助：困难类别不符', en: 'No living relief: the grade is not covered' },
    });
  }
  const annualFen = params.annualFen[grade];
  const label =
    grade === 'deep' ? { zh: '深度困难', en: 'deep hardship' } : { zh: '相对困难', en: 'relative hardship' };
  t.add(
    'standard',
    'tier',
    `${label.zh}职工家庭每户每年${yuan(annualFen)}`,
    `${label.en}: ${formatYuan(annualFen)} per household per year`,
    {
      grade,
      annualFen,
    },
  );
  const n = params.instalments;
  const instalmentsFen = splitInstalments(annualFen, n, params.instalmentUnitFen);
  const last = instalmentsFen[n - 1]!;
  const first = instalmentsFen[0]!;
  t.add(
    'split',
    'split',
    `分${n}期发放：前${n - 1}期各${yuan(first)}（按${yuan(params.instalmentUnitFen)}舍去尾数），末期${yuan(last)}（含尾差），合计${yuan(annualFen)}`,
    `Paid in ${n} instalments: ${n - 1} of ${formatYuan(first)} (rounded down to ${formatYuan(params.instalmentUnitFen)}), the last ${formatYuan(last)} (carries the remainder); total ${formatYuan(annualFen)}`,
    { instalments: n, eachFen: first, lastFen: last, unitFen: params.instalmentUnitFen },
  );
  return finish<LivingDetail, LivingParams>(LIVING_META, params, ctx, t, {
    eligible: true,
    amountFen: annualFen,
    inputs: input,
    detail: { annualFen, instalmentsFen },
    summary: {
      zh: `${label.zh}职工家庭生活救助每年${yuan(annualFen)}，每期${yuan(first)}${last !== first ? `（末期${yuan(last)}）` : ''}`,
      en: `Living relief for ${label.en}: ${formatYuan(annualFen)} a year, ${formatYuan(first)} per instalment${last !== first ? ` (last ${formatYuan(last)})` : ''}`,
    },
  });
}

/** One instalment (1-based: quarter 1 … 4), 0 when the household is not covered. */
export function livingReliefInstalment(params: LivingParams, input: LivingInput, instalment: number): number {
  if (!Number.isInteger(instalment) || instalment < 1 || instalment > params.instalments) {
    throw new RangeError(`instalment must be 1…${params.instalments}: ${instalment}`);
  }
  if (input.grade !== 'deep' && input.grade !== 'relative') return 0;
  return splitInstalments(params.annualFen[input.grade], params.instalments, params.instalmentUnitFen)[instalment - 1]!;
}

export const livingTemplate = defineTemplate({
  ...LIVING_META,
  paramsSchema: LivingParamsSchema,
  inputSchema: LivingInputSchema,
  compute: livingRelief,
});
