/**
 * District winter relief (冬季送温暖及元旦春节慰问), seed 004 篇十二, lines 206–210 (the garbled 以内 / 灾 restored):
 *
 *   「(一)家庭人均收入低于我市最低生活保障線150%以內(1170元),經政府救助後仍生活困難的職工家庭。
 *    (二)家庭人均收入在我市最低生活保障線200%以內(1560元)(含),但由于子女上學、殘疾、單親及其他特殊原因造成
 *        生活困難的職工家庭。
 *    (三)因職工本人或家庭成員患重大疾病或遭受重大意外災害(傷害),且家庭人均收入在我市最低生活保障線3倍以內
 *        (2340元)(含)。
 *    (四)20xx年度因職工本人或家庭成員患重大疾病或遭受重大意外災害(傷害)導致生活困難,且自負醫藥費或家庭因災害
 *        造成財產損失金額達2萬元以上的職工家庭。」
 *
 * Decisions:
 * - The lines are multiples of the local 低保 line (780 元 gives the seed's 1,170 / 1,560 / 2,340), computed
 *   with lineMultipleFen (half up to the 分) so a node only changes its 低保 line.
 * - (一) says 「低于…以內」 and, unlike (二) and (三), has no 「(含)」: strictly below 1,170. (二) and (三) say (含):
 *   at or below. Each boundary is a param.
 * - (四) 「達2萬元以上」: ≥ 20,000, for the self-paid medical cost OR the disaster loss, each on its own (the seed
 *   says 或; the two are not added). It needs no income test.
 * - The facts that are staff judgements — (一) still in difficulty after government aid, (四) the illness or
 *   disaster caused the difficulty — are inputs; left out, they are listed for staff to confirm, not assumed false.
 * - The seed gives no amounts ("xx區總工會將根據各單位上報情況匯總平衡後最終確定"): eligibility only, amount 0
 *   (`amountAtDecision`): the deciding union sets each amount when approving, at most `maxAmountFen` if a node sets one.
 * - Scope (正式在職職工、派遣職工及農民工家庭) and the family-size rule (household.ts) are the caller's.
 */
import { z } from 'zod';
import { formatYuan } from '../money.js';
import { lineMultipleFen } from '../policy.js';
import { percentLabel } from './rounding.js';
import { fen, IncomeBoundarySchema, PerCapitaIncomeSchema, perCapitaDisplayFen, perCapitaWithin } from './schemas.js';
import { type ComputeContext, defineTemplate, finish, type ProgrammeMeta, Trace, yuan } from './types.js';

export const WINTER_META: ProgrammeMeta = {
  id: 'seed004.p12.winter',
  name: { zh: '冬季送温暖（区）', en: 'Winter relief (district)' },
  kind: 'winter',
  amountAtDecision: true,
  source: {
    seed: '004',
    part: '篇十二 慰問對象',
    lines: '206-210',
    quote:
      '(一)家庭人均收入低于我市最低生活保障線150%以內(1170元),經政府救助後仍生活困難的職工家庭。(二)家庭人均收入在我市最低生活保障線200%以內(1560元)(含),但由于子女上學、殘疾、單親及其他特殊原因造成生活困難的職工家庭。(三)因職工本人或家庭成員患重大疾病或遭受重大意外災害(傷害),且家庭人均收入在我市最低生活保障線3倍以內(2340元)(含)。(四)…自負醫藥費或家庭因災害造成財產損失金額達2萬元以上的職工家庭。',
  },
};

const multiple = (bp: number, boundary: 'below' | 'atOrBelow') =>
  z
    .object({
      multipleBp: z.number().int().min(1).max(100_000).default(bp),
      boundary: IncomeBoundarySchema.default(boundary),
    })
    .prefault({});

export const WinterParamsSchema = z.object({
  /** The local 低保 line, per person per month (780 元 in the seed: 1170 = 150 %). */
  dibaoLineFen: fen.default(78_000),
  base: multiple(15_000, 'below'),
  special: multiple(20_000, 'atOrBelow'),
  illnessOrDisaster: multiple(30_000, 'atOrBelow'),
  /** (四): self-paid medical cost or disaster loss in the year at or above this. */
  largeCostThresholdFen: fen.default(2_000_000),
  /** The most the deciding union may set per household at approval; the seed names none (null). */
  maxAmountFen: fen.nullable().default(null),
});
export type WinterParams = z.output<typeof WinterParamsSchema>;

export const SPECIAL_CAUSES = ['childrenAtSchool', 'disability', 'singleParent', 'other'] as const;

export const WinterInputSchema = z.object({
  income: PerCapitaIncomeSchema,
  /** (一): still in difficulty after government aid (staff judgement). */
  hardshipAfterGovernmentAid: z.boolean().optional(),
  /** (二): the special causes of difficulty that apply. */
  specialCauses: z.array(z.enum(SPECIAL_CAUSES)).max(4).default([]),
  /** (三)(四): the worker or a family member has a major illness or suffered a major accident or disaster. */
  majorIllnessOrDisaster: z.boolean().default(false),
  /** (四): the illness or disaster caused the difficulty (staff judgement). */
  causedHardship: z.boolean().optional(),
  annualSelfPaidMedicalFen: fen.default(0),
  annualDisasterLossFen: fen.default(0),
});
export type WinterInput = z.output<typeof WinterInputSchema>;

export type WinterCriterion = 'base' | 'special' | 'illnessOrDisaster' | 'largeCost';

export interface WinterCriterionCheck {
  criterion: WinterCriterion;
  met: boolean;
  /** The income line of (一)–(三), 分 per person per month; null for (四). */
  lineFen: number | null;
}

export interface WinterDetail {
  /** The first criterion met, in the seed's order (一)→(四); null when none. */
  criterion: WinterCriterion | null;
  criteria: WinterCriterionCheck[];
}

const CAUSE_ZH: Record<(typeof SPECIAL_CAUSES)[number], string> = {
  childrenAtSchool: '子女上学',
  disability: '残疾',
  singleParent: '单亲',
  other: '其他特殊原因',
};
const NAME: Record<WinterCriterion, { zh: string; en: string }> = {
  base: { zh: '（一）低保标准150%以内', en: '(1) within 150 % of the 低保 line' },
  special: { zh: '（二）低保标准200%以内且有特殊原因', en: '(2) within 200 % with a special cause' },
  illnessOrDisaster: {
    zh: '（三）重大疾病或意外灾害且低保标准3倍以内',
    en: '(3) major illness or disaster, within 3×',
  },
  largeCost: {
    zh: '（四）自负医药费或灾害损失达2万元以上',
    en: '(4) self-paid medical cost or disaster loss of 20,000 or more',
  },
};

export function winterRelief(params: WinterParams, input: WinterInput, ctx?: ComputeContext) {
  const t = new Trace(WINTER_META.id);
  const shown = perCapitaDisplayFen(input.income);
  const incomeTest = (
    key: 'base' | 'special' | 'illnessOrDisaster',
    extra: boolean,
    extraZh: string,
    extraEn: string,
  ): WinterCriterionCheck => {
    const { multipleBp, boundary } = params[key];
    const lineFen = lineMultipleFen(params.dibaoLineFen, multipleBp);
    const within = perCapitaWithin(input.income, lineFen, boundary);
    const cmpZh = boundary === 'below' ? '低于' : '不高于';
    t.add(
      `${key}.income`,
      'threshold',
      `${NAME[key].zh}：家庭月人均收入${yuan(shown)}${within ? '' : '不'}${cmpZh}低保标准${yuan(params.dibaoLineFen)}的${percentLabel(multipleBp)}（${yuan(lineFen)}）${extraZh}`,
      `${NAME[key].en}: per-capita monthly income ${formatYuan(shown)} is ${within ? '' : 'not '}${boundary === 'below' ? 'below' : 'at or below'} ${percentLabel(multipleBp)} of the 低保 line ${formatYuan(params.dibaoLineFen)} (${formatYuan(lineFen)})${extraEn}`,
      {
        actualFen: shown,
        comparison: boundary === 'below' ? '<' : '<=',
        valueFen: lineFen,
        crossed: within,
        condition: extra,
      },
    );
    return { criterion: key, met: within && extra, lineFen };
  };

  const aidOk = input.hardshipAfterGovernmentAid !== false;
  const checks: WinterCriterionCheck[] = [
    incomeTest(
      'base',
      aidOk,
      aidOk ? '' : '；但经政府救助后已不困难',
      aidOk ? '' : '; but no longer in difficulty after government aid',
    ),
  ];
  if (checks[0]!.met && input.hardshipAfterGovernmentAid === undefined) {
    t.confirm(
      '（一）须经政府救助后仍生活困难',
      '(1) requires the household to remain in difficulty after government aid',
    );
  }
  const causes = input.specialCauses;
  const causeText = causes.map((c) => CAUSE_ZH[c]).join('、');
  checks.push(
    incomeTest(
      'special',
      causes.length > 0,
      causes.length ? `；特殊原因：${causeText}` : '；无子女上学、残疾、单亲等特殊原因',
      causes.length ? `; special causes: ${causes.join(', ')}` : '; no special cause',
    ),
  );
  const ill = input.majorIllnessOrDisaster;
  checks.push(
    incomeTest(
      'illnessOrDisaster',
      ill,
      ill ? '；患重大疾病或遭受重大意外灾害' : '；无重大疾病或意外灾害',
      ill ? '; major illness or disaster' : '; no major illness or disaster',
    ),
  );

  const label = { zh: '（四）年度', en: '(4) in the year' };
  const medical = t.threshold(
    'largeCost.medical',
    { zh: `${label.zh}自负医药费`, en: `${label.en}, self-paid medical cost` },
    input.annualSelfPaidMedicalFen,
    '>=',
    params.largeCostThresholdFen,
  );
  const loss = t.threshold(
    'largeCost.loss',
    { zh: `${label.zh}灾害财产损失`, en: `${label.en}, disaster loss` },
    input.annualDisasterLossFen,
    '>=',
    params.largeCostThresholdFen,
  );
  const largeCost = (medical || loss) && ill && input.causedHardship !== false;
  if ((medical || loss) && !ill) {
    t.add(
      'largeCost.cause',
      'eligibility',
      '（四）须因重大疾病或意外灾害所致',
      '(4) requires a major illness or disaster as the cause',
      { majorIllnessOrDisaster: false },
    );
  }
  if (largeCost && input.causedHardship === undefined)
    t.confirm('（四）须因疾病或灾害导致生活困难', '(4) requires the illness or disaster to have caused the difficulty');
  checks.push({ criterion: 'largeCost', met: largeCost, lineFen: null });

  const first = checks.find((c) => c.met)?.criterion ?? null;
  const met = checks.filter((c) => c.met).map((c) => NAME[c.criterion]);
  return finish<WinterDetail, WinterParams>(WINTER_META, params, ctx, t, {
    eligible: first !== null,
    amountFen: 0,
    inputs: input,
    detail: { criterion: first, criteria: checks },
    summary: first
      ? {
          zh: `符合慰问条件：${met.map((m) => m.zh).join('；')}（金额由区总工会汇总平衡后确定）`,
          en: `Eligible: ${met.map((m) => m.en).join('; ')} (the amount is set by the district union)`,
        }
      : { zh: '不符合冬季送温暖慰问条件', en: 'Not eligible for winter relief' },
  });
}

export const winterTemplate = defineTemplate({
  ...WINTER_META,
  paramsSchema: WinterParamsSchema,
  inputSchema: WinterInputSchema,
  compute: winterRelief,
});
