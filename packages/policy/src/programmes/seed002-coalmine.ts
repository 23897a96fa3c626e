/**
 * Coal-mine group union rules (西山集团 "十项救助金"), seed 002, lines 8–10:
 *
 *   大病救助金「針對大病職工由工會認定其生活困難後,可對統籌自付段部分產生的費用在醫保報銷的基礎上進行二次救助,
 *             救助的標準是統籌自付超過5000元的部分由救助金再支付80%,最高額度為1萬元。」
 *   職工醫療互助「每位職工每年繳納20元,基層單位每年為每位職工補貼5元,集團工會每人每年補貼10元,也就是每期一名
 *             職工的互助金總額為35元。」…「一類叫補助,就是在西山定點醫療機構發生住院費用,經西山醫保認定的慢性特殊
 *             病種門診費用和轉往外地住院治療發生的費用,經統籌基金支付後,統籌段自付起超過1千元的部分按50%救助。
 *             職工每連續參加5年醫療互助,報銷比例會在50%的基礎上提高5個百分點。第二類是康復金,是指統籌支付超過
 *             12萬元的大病職工,可享受5千元至1萬元的醫療康復金。」「每個季度報銷一次。」
 *
 * Decisions:
 * - 「超過5000元的部分」「超過1千元的部分」: only the excess counts, so exactly 5,000 (or 1,000) gives 0. The seed names
 *   no rounding, so rates are taken to the 分, half up.
 * - Major illness: 80 % of the excess, at most 10,000 (reached at 17,500 self-paid). 「由工會認定其生活困難後」 is a
 *   precondition: an explicit `hardshipConfirmed: false` makes it 0; left out, it is listed for staff to confirm.
 * - Mutual fund 补助: 50 % of the excess above 1,000 for the three listed cost kinds, plus 5 percentage points for
 *   each full 5 consecutive years of membership (5 → 55 %, 9 → 55 %, 10 → 60 %). The seed sets no ceiling on the
 *   rate; the template stops at 100 % (never more than the excess). The seed does not say whether the 1,000 is
 *   per claim, per year or per stay: this computes one claim on the figure given (claims are quarterly).
 * - Rehabilitation grant: pooled payment 「超過12萬元」 (strictly above 120,000); 5,000 … 10,000, the amount a staff
 *   decision within that range (a request outside it is brought into it, with the step shown).
 * - Dues: 20 + 5 + 10 = 35 元 per member per year, as data (`mutualFundDues`).
 * - Not modelled: 大病特殊救助 (case-by-case advances, no figures), the four receipt kinds (documents, not amounts).
 */
import { z } from 'zod';
import { formatYuan } from '../money.js';
import { percentLabel, RoundingSchema, TO_FEN } from './rounding.js';
import { basisPoints, fen } from './schemas.js';
import { type ComputeContext, defineTemplate, finish, type ProgrammeMeta, Trace, yuan } from './types.js';

const seed = '002';

export const COALMINE_ILLNESS_META: ProgrammeMeta = {
  id: 'seed002.illness',
  name: { zh: '大病救助金（煤矿集团）', en: 'Major-illness relief fund (coal-mine group)' },
  kind: 'enterprise_illness',
  source: {
    seed,
    part: '二、十項救助金 (二)大病救助金',
    lines: '8-9',
    quote:
      '針對大病職工由工會認定其生活困難後,…救助的標準是統籌自付超過5000元的部分由救助金再支付80%,最高額度為1萬元。',
  },
};

export const MUTUAL_MEDICAL_META: ProgrammeMeta = {
  id: 'seed002.mutual-medical',
  name: { zh: '职工医疗互助补助（煤矿集团）', en: 'Mutual medical fund claim (coal-mine group)' },
  kind: 'mutual_medical',
  source: {
    seed,
    part: '二、十項救助金 (二)職工醫療互助金',
    lines: '9-10',
    quote:
      '經統籌基金支付後,統籌段自付起超過1千元的部分按50%救助。職工每連續參加5年醫療互助,報銷比例會在50%的基礎上提高5個百分點。',
  },
};

export const REHABILITATION_META: ProgrammeMeta = {
  id: 'seed002.rehabilitation',
  name: { zh: '医疗康复金（煤矿集团）', en: 'Rehabilitation grant (coal-mine group)' },
  kind: 'rehabilitation',
  source: {
    seed,
    part: '二、十項救助金 (二)職工醫療互助金 第二類',
    lines: '10',
    quote: '第二類是康復金,是指統籌支付超過12萬元的大病職工,可享受5千元至1萬元的醫療康復金。',
  },
};

// ── major illness ─────────────────────────────────────────────────────────────────────────────────────────────

export const CoalmineIllnessParamsSchema = z.object({
  /** Only the part above this counts (超過…的部分). */
  deductibleFen: fen.default(500_000),
  rateBp: basisPoints.default(8_000),
  rounding: RoundingSchema.default(TO_FEN),
  capFen: fen.default(1_000_000),
});
export type CoalmineIllnessParams = z.output<typeof CoalmineIllnessParamsSchema>;
export const CoalmineIllnessInputSchema = z.object({
  /** 統籌自付: the self-paid part within the pooled segment after insurance, 分. */
  pooledSelfPaidFen: fen,
  /** 由工會認定其生活困難: false excludes; absent means "to confirm". */
  hardshipConfirmed: z.boolean().optional(),
});
export type CoalmineIllnessInput = z.output<typeof CoalmineIllnessInputSchema>;

/** rate × (figure − deductible)⁺, recorded step by step; shared by the two rules that pay on an excess. */
function excessTimesRate(
  t: Trace,
  label: { zh: string; en: string },
  fig: number,
  deductibleFen: number,
  rateBp: number,
  rounding: z.output<typeof RoundingSchema>,
): number {
  const excess = Math.max(0, fig - deductibleFen);
  t.add(
    'excess',
    'threshold',
    `${label.zh}${yuan(fig)}，超过${yuan(deductibleFen)}的部分为${yuan(excess)}`,
    `${label.en} ${formatYuan(fig)}; the part above ${formatYuan(deductibleFen)} is ${formatYuan(excess)}`,
    { actualFen: fig, comparison: '>', valueFen: deductibleFen, crossed: excess > 0, excessFen: excess },
  );
  return excess === 0 ? 0 : t.rate('rate', { zh: '超出部分', en: 'the excess' }, excess, rateBp, rounding);
}

export function coalmineIllnessRelief(
  params: CoalmineIllnessParams,
  input: CoalmineIllnessInput,
  ctx?: ComputeContext,
) {
  const t = new Trace(COALMINE_ILLNESS_META.id);
  const stop = (summary: { zh: string; en: string }) =>
    finish<null, CoalmineIllnessParams>(COALMINE_ILLNESS_META, params, ctx, t, {
      eligible: false,
      amountFen: 0,
      inputs: input,
      detail: null,
      summary,
    });
  if (input.hardshipConfirmed === false) {
    t.add('hardship', 'eligibility', '工会未认定其生活困难', 'The union has not found the worker in hardship', {
      hardshipConfirmed: false,
    });
    return stop({ zh: '不予救助：未经工会认定生活困难', en: 'No relief: hardship not confirmed by the union' });
  }
  if (input.hardshipConfirmed === undefined)
    t.confirm('须由工会认定其生活困难', 'The union must confirm the worker is in hardship');
  const rated = excessTimesRate(
    t,
    { zh: '统筹自付', en: 'pooled self-paid' },
    input.pooledSelfPaidFen,
    params.deductibleFen,
    params.rateBp,
    params.rounding,
  );
  if (rated === 0)
    return stop({
      zh: `统筹自付未超过${yuan(params.deductibleFen)}，不予救助`,
      en: `Pooled self-paid not above ${formatYuan(params.deductibleFen)}: no relief`,
    });
  const amount = t.cap('cap', { zh: '最高额度', en: 'the maximum' }, rated, params.capFen);
  return finish<null, CoalmineIllnessParams>(COALMINE_ILLNESS_META, params, ctx, t, {
    eligible: true,
    amountFen: amount,
    inputs: input,
    detail: null,
    summary: { zh: `大病救助金${yuan(amount)}`, en: `Major-illness relief ${formatYuan(amount)}` },
  });
}

export const coalmineIllnessTemplate = defineTemplate({
  ...COALMINE_ILLNESS_META,
  paramsSchema: CoalmineIllnessParamsSchema,
  inputSchema: CoalmineIllnessInputSchema,
  compute: coalmineIllnessRelief,
});

// ── mutual medical fund (补助) ─────────────────────────────────────────────────────────────────────────────────

export const MUTUAL_COST_KINDS = [
  'designatedHospitalisation',
  'chronicSpecialOutpatient',
  'referredHospitalisation',
  'other',
] as const;
const COST_KIND_ZH: Record<(typeof MUTUAL_COST_KINDS)[number], string> = {
  designatedHospitalisation: '西山定点医疗机构住院费用',
  chronicSpecialOutpatient: '经西山医保认定的慢性特殊病种门诊费用',
  referredHospitalisation: '转往外地住院治疗费用',
  other: '其他费用',
};

export const MutualMedicalParamsSchema = z.object({
  deductibleFen: fen.default(100_000),
  baseRateBp: basisPoints.default(5_000),
  /** +5 percentage points … */
  stepBp: basisPoints.default(500),
  /** … per full 5 consecutive years of membership. */
  stepYears: z.number().int().min(1).max(50).default(5),
  /** The seed sets no ceiling; the rate never exceeds 100 %. */
  maxRateBp: basisPoints.max(10_000).default(10_000),
  rounding: RoundingSchema.default(TO_FEN),
  /** Dues per member per year (每期35元): worker 20, unit 5, group union 10. */
  dues: z
    .object({ workerFen: fen.default(2_000), unitFen: fen.default(500), groupUnionFen: fen.default(1_000) })
    .prefault({}),
});
export type MutualMedicalParams = z.output<typeof MutualMedicalParamsSchema>;
export const MutualMedicalInputSchema = z.object({
  costKind: z.enum(MUTUAL_COST_KINDS),
  /** 統籌段自付: self-paid within the pooled segment, after the pooled fund paid, 分. */
  pooledSelfPaidFen: fen,
  /** Consecutive full years of membership in the mutual fund. */
  consecutiveYears: z.number().int().min(0).max(80),
});
export type MutualMedicalInput = z.output<typeof MutualMedicalInputSchema>;

export interface MutualMedicalDetail {
  rateBp: number;
}

export function mutualMedicalRate(params: MutualMedicalParams, consecutiveYears: number): number {
  const steps = Math.floor(consecutiveYears / params.stepYears);
  return Math.min(params.maxRateBp, params.baseRateBp + steps * params.stepBp);
}

export function mutualMedicalClaim(params: MutualMedicalParams, input: MutualMedicalInput, ctx?: ComputeContext) {
  const t = new Trace(MUTUAL_MEDICAL_META.id);
  const out = (eligible: boolean, amountFen: number, rateBp: number, summary: { zh: string; en: string }) =>
    finish<MutualMedicalDetail, MutualMedicalParams>(MUTUAL_MEDICAL_META, params, ctx, t, {
      eligible,
      amountFen,
      inputs: input,
      detail: { rateBp },
      summary,
    });
  if (input.costKind === 'other') {
    t.add('costKind', 'eligibility', '费用类别不在互助补助范围', 'The cost kind is not covered by the mutual fund', {
      costKind: 'other',
    });
    return out(false, 0, 0, { zh: '不予补助：费用类别不符', en: 'No claim: cost kind not covered' });
  }
  t.add('costKind', 'eligibility', `费用类别：${COST_KIND_ZH[input.costKind]}`, `Cost kind: ${input.costKind}`, {
    costKind: input.costKind,
  });
  const rateBp = mutualMedicalRate(params, input.consecutiveYears);
  const steps = Math.floor(input.consecutiveYears / params.stepYears);
  t.add(
    'rateByYears',
    'rate',
    `连续参加${input.consecutiveYears}年，满${params.stepYears}年${steps}次，比例${percentLabel(params.baseRateBp)} + ${steps} × ${params.stepBp / 100}个百分点 = ${percentLabel(rateBp)}${rateBp === params.maxRateBp ? '（已达上限）' : ''}`,
    `${input.consecutiveYears} consecutive years: ${steps} full ${params.stepYears}-year periods, rate ${percentLabel(params.baseRateBp)} + ${steps} × ${params.stepBp / 100} points = ${percentLabel(rateBp)}${rateBp === params.maxRateBp ? ' (at the ceiling)' : ''}`,
    { consecutiveYears: input.consecutiveYears, periods: steps, rateBp },
  );
  const amount = excessTimesRate(
    t,
    { zh: '统筹段自付', en: 'pooled-segment self-paid' },
    input.pooledSelfPaidFen,
    params.deductibleFen,
    rateBp,
    params.rounding,
  );
  if (amount === 0)
    return out(false, 0, rateBp, {
      zh: `统筹段自付未超过${yuan(params.deductibleFen)}，不予补助`,
      en: `Not above ${formatYuan(params.deductibleFen)}: no claim`,
    });
  return out(true, amount, rateBp, { zh: `医疗互助补助${yuan(amount)}`, en: `Mutual fund pays ${formatYuan(amount)}` });
}

/** The dues for a number of member-years, with the three parts. */
export function mutualFundDues(params: MutualMedicalParams, memberYears: number) {
  if (!Number.isSafeInteger(memberYears) || memberYears < 0) throw new RangeError(`bad member-years ${memberYears}`);
  const { workerFen, unitFen, groupUnionFen } = params.dues;
  return {
    workerFen: workerFen * memberYears,
    unitFen: unitFen * memberYears,
    groupUnionFen: groupUnionFen * memberYears,
    totalFen: (workerFen + unitFen + groupUnionFen) * memberYears,
  };
}

export const mutualMedicalTemplate = defineTemplate({
  ...MUTUAL_MEDICAL_META,
  paramsSchema: MutualMedicalParamsSchema,
  inputSchema: MutualMedicalInputSchema,
  compute: mutualMedicalClaim,
});

// ── rehabilitation grant (康复金) ──────────────────────────────────────────────────────────────────────────────

export const RehabilitationParamsSchema = z
  .object({
    /** Pooled payment strictly above this (超過12萬元). */
    pooledPaymentAboveFen: fen.default(12_000_000),
    minFen: fen.default(500_000),
    maxFen: fen.default(1_000_000),
  })
  .refine((p) => p.minFen <= p.maxFen, { message: 'minFen must not exceed maxFen', path: ['minFen'] });
export type RehabilitationParams = z.output<typeof RehabilitationParamsSchema>;
export const RehabilitationInputSchema = z.object({
  /** 統籌支付: what the pooled fund paid for the illness, 分. */
  pooledPaymentFen: fen,
  /** The grant staff decide within the range; absent: the minimum. */
  requestedFen: fen.optional(),
});
export type RehabilitationInput = z.output<typeof RehabilitationInputSchema>;

export interface RehabilitationDetail {
  minFen: number;
  maxFen: number;
}

export function rehabilitationGrant(params: RehabilitationParams, input: RehabilitationInput, ctx?: ComputeContext) {
  const t = new Trace(REHABILITATION_META.id);
  const detail = { minFen: params.minFen, maxFen: params.maxFen };
  const ok = t.threshold(
    'threshold',
    { zh: '统筹支付', en: 'pooled payment' },
    input.pooledPaymentFen,
    '>',
    params.pooledPaymentAboveFen,
  );
  if (!ok) {
    return finish<RehabilitationDetail, RehabilitationParams>(REHABILITATION_META, params, ctx, t, {
      eligible: false,
      amountFen: 0,
      inputs: input,
      detail,
      summary: {
        zh: `统筹支付未超过${yuan(params.pooledPaymentAboveFen)}，不享受康复金`,
        en: `Pooled payment not above ${formatYuan(params.pooledPaymentAboveFen)}: no grant`,
      },
    });
  }
  const asked = input.requestedFen ?? params.minFen;
  const amount = Math.min(params.maxFen, Math.max(params.minFen, asked));
  t.add(
    'range',
    'range',
    `康复金${yuan(params.minFen)}至${yuan(params.maxFen)}：${input.requestedFen === undefined ? '未定金额，按下限' : `拟定${yuan(asked)}`}，核定${yuan(amount)}`,
    `Grant between ${formatYuan(params.minFen)} and ${formatYuan(params.maxFen)}: ${input.requestedFen === undefined ? 'no amount decided, the minimum' : `requested ${formatYuan(asked)}`}, granted ${formatYuan(amount)}`,
    {
      requestedFen: input.requestedFen ?? null,
      minFen: params.minFen,
      maxFen: params.maxFen,
      afterFen: amount,
      adjusted: amount !== asked,
    },
  );
  return finish<RehabilitationDetail, RehabilitationParams>(REHABILITATION_META, params, ctx, t, {
    eligible: true,
    amountFen: amount,
    inputs: input,
    detail,
    summary: { zh: `医疗康复金${yuan(amount)}`, en: `Rehabilitation grant ${formatYuan(amount)}` },
  });
}

export const rehabilitationTemplate = defineTemplate({
  ...REHABILITATION_META,
  paramsSchema: RehabilitationParamsSchema,
  inputSchema: RehabilitationInputSchema,
  compute: rehabilitationGrant,
});
