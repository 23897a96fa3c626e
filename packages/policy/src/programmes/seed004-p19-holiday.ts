/**
 * City Spring Festival relief (春节慰问帮扶), seed 004 篇十九, line 284 (pinyin annotations removed):
 *
 *   「我市范圍內行政機關單位在職困難職工、已加入工會組織且所在工會有繳納工會經費的企事業單位在職困難職工,
 *    有重大疾病的特別困難退休職工。(困難職工包括:1、低保戶;2、低保邊緣戶,家庭人均收入低于或等于850元;
 *    3、職工本人或直系親屬有重大疾病而因病致困;4、家庭收人低,子女讀大學造成生活困難;5、單親特困家庭;
 *    6、其他意外致困家庭。)」
 *
 * Decisions:
 * - Who is in scope: in-service staff of a government body (行政機關), as written with no union condition;
 *   in-service staff of an enterprise or institution only when they joined the union and their union pays its
 *   dues (已加入工會組織且所在工會有繳納工會經費); retired staff only with a major illness (有重大疾病的特別困難退休
 *   職工 — "特別困難" is left for staff to confirm).
 * - Category 2: 「低于或等于850元」 is inclusive: per-capita monthly income ≤ 850 元. The seed defines the 低保-edge
 *   household by that income, so the income figure alone decides it.
 * - Categories 3–6 are facts staff record (inputs). Any one category suffices.
 * - The seed gives no amounts: eligibility only, amount 0.
 */
import { z } from 'zod';
import type { Bilingual } from '../household.js';
import { formatYuan } from '../money.js';
import { fen, IncomeBoundarySchema, PerCapitaIncomeSchema, perCapitaDisplayFen, perCapitaWithin } from './schemas.js';
import { type ComputeContext, defineTemplate, finish, type ProgrammeMeta, Trace, yuan } from './types.js';

export const CITY_HOLIDAY_META: ProgrammeMeta = {
  id: 'seed004.p19.holiday',
  name: { zh: '春节慰问帮扶（市）', en: 'Spring Festival relief (city)' },
  kind: 'holiday',
  source: {
    seed: '004',
    part: '篇十九 慰問對象',
    lines: '284',
    quote:
      '我市范圍內行政機關單位在職困難職工、已加入工會組織且所在工會有繳納工會經費的企事業單位在職困難職工,有重大疾病的特別困難退休職工。(困難職工包括:1、低保戶;2、低保邊緣戶,家庭人均收入低于或等于850元;3、職工本人或直系親屬有重大疾病而因病致困;4、家庭收人低,子女讀大學造成生活困難;5、單親特困家庭;6、其他意外致困家庭。)',
  },
};

export const CityHolidayParamsSchema = z.object({
  /** 低保邊緣戶: per-capita monthly income at or below this, 分. */
  dibaoEdgeLineFen: fen.default(85_000),
  dibaoEdgeBoundary: IncomeBoundarySchema.default('atOrBelow'),
  /** Enterprise and institution staff must be union members whose union pays its dues. */
  requireUnionDues: z.boolean().default(true),
});
export type CityHolidayParams = z.output<typeof CityHolidayParamsSchema>;

export const CityHolidayInputSchema = z.object({
  worker: z.object({
    status: z.enum(['inService', 'retired']),
    employer: z.enum(['government', 'enterprise', 'institution']),
    unionMember: z.boolean().default(false),
    /** The worker's union pays its union dues (所在工會有繳納工會經費). */
    unionPaysDues: z.boolean().default(false),
  }),
  dibao: z.boolean().default(false),
  income: PerCapitaIncomeSchema.optional(),
  /** 3: the worker or a direct relative has a major illness that caused the hardship. */
  majorIllness: z.boolean().default(false),
  /** 4: low income and a child at university. */
  childAtUniversity: z.boolean().default(false),
  /** 5: single-parent household in special hardship. */
  singleParent: z.boolean().default(false),
  /** 6: other accident. */
  otherAccident: z.boolean().default(false),
});
export type CityHolidayInput = z.output<typeof CityHolidayInputSchema>;

export type CityCategory =
  | 'dibao'
  | 'dibaoEdge'
  | 'majorIllness'
  | 'childAtUniversity'
  | 'singleParent'
  | 'otherAccident';

export interface CityHolidayDetail {
  inScope: boolean;
  categories: CityCategory[];
}

const CATEGORY: Record<CityCategory, Bilingual> = {
  dibao: { zh: '1、低保户', en: '1. on 低保' },
  dibaoEdge: { zh: '2、低保边缘户', en: '2. just above 低保' },
  majorIllness: { zh: '3、因病致困', en: '3. hardship from a major illness' },
  childAtUniversity: { zh: '4、子女读大学造成生活困难', en: '4. child at university' },
  singleParent: { zh: '5、单亲特困家庭', en: '5. single parent in hardship' },
  otherAccident: { zh: '6、其他意外致困家庭', en: '6. other accident' },
};

function scope(p: CityHolidayParams, i: CityHolidayInput, t: Trace): boolean {
  const w = i.worker;
  if (w.status === 'retired') {
    t.add(
      'scope',
      'eligibility',
      i.majorIllness ? '退休职工，有重大疾病' : '退休职工，无重大疾病，不在慰问范围',
      i.majorIllness ? 'Retired, with a major illness' : 'Retired without a major illness: out of scope',
      { status: 'retired', majorIllness: i.majorIllness },
    );
    if (i.majorIllness) t.confirm('退休职工须为特别困难', 'A retired worker must be in special hardship');
    return i.majorIllness;
  }
  if (w.employer === 'government') {
    t.add('scope', 'eligibility', '行政机关单位在职职工', 'In-service staff of a government body', {
      employer: 'government',
    });
    return true;
  }
  const ok = !p.requireUnionDues || (w.unionMember && w.unionPaysDues);
  t.add(
    'scope',
    'eligibility',
    ok
      ? '企事业单位在职职工，已入会且所在工会缴纳工会经费'
      : `企事业单位在职职工，${w.unionMember ? '所在工会未缴纳工会经费' : '未加入工会组织'}，不在慰问范围`,
    ok
      ? 'In-service staff of an enterprise or institution, union member, union pays dues'
      : `Enterprise or institution staff ${w.unionMember ? 'whose union does not pay its dues' : 'not in the union'}: out of scope`,
    { employer: w.employer, unionMember: w.unionMember, unionPaysDues: w.unionPaysDues },
  );
  return ok;
}

export function cityHolidayRelief(params: CityHolidayParams, input: CityHolidayInput, ctx?: ComputeContext) {
  const t = new Trace(CITY_HOLIDAY_META.id);
  const inScope = scope(params, input, t);
  const categories: CityCategory[] = [];
  if (input.dibao) categories.push('dibao');
  if (input.income) {
    const shown = perCapitaDisplayFen(input.income);
    const within = perCapitaWithin(input.income, params.dibaoEdgeLineFen, params.dibaoEdgeBoundary);
    const cmp =
      params.dibaoEdgeBoundary === 'below' ? { zh: '低于', en: 'below' } : { zh: '低于或等于', en: 'at or below' };
    t.add(
      'dibaoEdge',
      'threshold',
      `低保边缘户：家庭月人均收入${yuan(shown)}${within ? '' : '不'}${cmp.zh}${yuan(params.dibaoEdgeLineFen)}`,
      `Just above 低保: per-capita monthly income ${formatYuan(shown)} is ${within ? '' : 'not '}${cmp.en} ${formatYuan(params.dibaoEdgeLineFen)}`,
      {
        actualFen: shown,
        comparison: params.dibaoEdgeBoundary === 'below' ? '<' : '<=',
        valueFen: params.dibaoEdgeLineFen,
        crossed: within,
      },
    );
    if (within && !input.dibao) categories.push('dibaoEdge');
  }
  for (const k of ['majorIllness', 'childAtUniversity', 'singleParent', 'otherAccident'] as const)
    if (input[k]) categories.push(k);
  t.add(
    'categories',
    'eligibility',
    categories.length ? `困难职工类别：${categories.map((c) => CATEGORY[c].zh).join('；')}` : '不属于任何困难职工类别',
    categories.length ? `Categories: ${categories.map((c) => CATEGORY[c].en).join('; ')}` : 'No category applies',
    { count: categories.length },
  );
  const eligible = inScope && categories.length > 0;
  return finish<CityHolidayDetail, CityHolidayParams>(CITY_HOLIDAY_META, params, ctx, t, {
    eligible,
    amountFen: 0,
    inputs: input,
    detail: { inScope, categories },
    summary: eligible
      ? {
          zh: '符合春节慰问帮扶对象条件（金额由市总工会确定）',
          en: 'Eligible for Spring Festival relief (the amount is set by the city union)',
        }
      : {
          zh: `不符合春节慰问帮扶对象条件：${inScope ? '不属于困难职工类别' : '不在慰问范围'}`,
          en: `Not eligible: ${inScope ? 'no category applies' : 'out of scope'}`,
        },
  });
}

export const cityHolidayTemplate = defineTemplate({
  ...CITY_HOLIDAY_META,
  paramsSchema: CityHolidayParamsSchema,
  inputSchema: CityHolidayInputSchema,
  compute: cityHolidayRelief,
});
