/**
 * Town Spring Festival visits (春节慰问, 送温暖), seed 004 篇二, lines 37–59 (tiers) and 81 (不重复慰问):
 *
 *   「(一)重度困難家庭(每戶慰問4000元)。1、年度內患大病且自付醫療費4萬元以上的低保家庭;2、年度內患大病且自付
 *    醫療費8萬元以上的困難家庭;3、有兩個殘疾人的非常困難家庭;5、因災因禍因事故等原因造成生活非常困難的家庭。
 *    (二)中度困難家庭(每戶慰問元)。1、…自付醫療費2萬元至4萬元的低保家庭;2、…5萬元至8萬元的困難家庭;
 *    3、有殘疾人的比較困難家庭;5、因災因禍因事故等原因造成生活比較困難的家庭。
 *    (三)一般困難家庭(每戶慰問600元)。因各種原因造成生活困難的家庭。(四)困難退伍軍人(每戶慰問600元)。
 *    (五)政策性慰問。3、城鄉“三無人員”一次性生活補助(集中供養的每人慰問600元,散居的每人慰問1000元)。
 *    4、低保戶(貧困戶)一次性生活補助每人300元。5、市定脫貧標準…線下的農村建檔立卡貧困戶每戶一次性生活補助
 *    3000、5000元;以上對象又同時符合中、重度困難家庭慰問標準的就高不就低并再增加1000元一次性生活補助,對象和
 *    標準由縣農業和林業局確定。」
 *
 * Decisions:
 * - 以上 includes the figure; 「2萬元至4萬元」 includes both ends. 40,000 (低保) and 80,000 (困难) are claimed by
 *   two tiers: the higher one (重度) applies, by the same 就高不就低.
 * - A household that meets several tiers gets the highest (就高不就低, DOMAIN.md); ties go to the seed's order. The
 *   seed states 就高不就低 for 建档立卡 households that also meet 中/重度, and adds 1,000 元 for them: the bonus
 *   is paid on top of the highest tier exactly in that case. Every tier considered is in the explanation.
 * - The 中度 amount is missing from the seed ("每戶慰問元"): its default is null, the tier is still checked, and
 *   a warning asks the node to set it; until then it cannot win.
 * - 「非常困難」「比較困難」「生活困難」 are staff assessments (input `hardship`); "very" also satisfies "fairly".
 *   The 困难家庭 illness criteria apply to households not on 低保 that are in hardship.
 * - 建档立卡 households and their tier (5,000 / 3,000) are decided by another bureau (對象和標準由縣農業和林業局
 *   確定), so the tier is an input, not computed from income.
 * - Not modelled: 重點優撫對象 (amount garbled, paid by 民政), 勞動模範 (set by the county union). The seed's
 *   lists skip item 4 in both 重度 and 中度.
 * - 「不重復慰問」: a household already visited in this campaign gets nothing.
 */
import { z } from 'zod';
import type { Bilingual } from '../household.js';
import { formatYuan } from '../money.js';
import { fen } from './schemas.js';
import { type ComputeContext, defineTemplate, finish, type ProgrammeMeta, Trace, yuan } from './types.js';

export const TOWN_HOLIDAY_META: ProgrammeMeta = {
  id: 'seed004.p2.holiday',
  name: { zh: '春节慰问（镇）', en: 'Spring Festival visits (town)' },
  kind: 'holiday',
  source: {
    seed: '004',
    part: '篇二 慰問對象',
    lines: '37-59',
    quote:
      '(一)重度困難家庭(每戶慰問4000元)…(二)中度困難家庭(每戶慰問元)…(三)一般困難家庭(每戶慰問600元)…(四)困難退伍軍人(每戶慰問600元)…3、城鄉“三無人員”一次性生活補助(集中供養的每人慰問600元,散居的每人慰問1000元)。4、低保戶(貧困戶)一次性生活補助每人300元。5、…建檔立卡貧困戶每戶一次性生活補助3000、5000元;以上對象又同時符合中、重度困難家庭慰問標準的就高不就低并再增加1000元一次性生活補助',
  },
};

const nullableFen = (v: number | null) => fen.nullable().default(v);

export const TownHolidayParamsSchema = z.object({
  amounts: z
    .object({
      severeFen: nullableFen(400_000),
      /** Missing in the seed ("每戶慰問元"): the node must set it. */
      moderateFen: nullableFen(null),
      generalFen: nullableFen(60_000),
      veteranFen: nullableFen(60_000),
      sanwuConcentratedPerPersonFen: nullableFen(60_000),
      sanwuDispersedPerPersonFen: nullableFen(100_000),
      dibaoPerPersonFen: nullableFen(30_000),
      registeredPoorSevereFen: nullableFen(500_000),
      registeredPoorModerateFen: nullableFen(300_000),
      /** 再增加1000元 for a 建档立卡 household that also meets 中/重度. */
      registeredPoorBonusFen: fen.default(100_000),
    })
    .prefault({}),
  /** Self-paid medical cost in the year for a major illness, 分 (lower bounds inclusive). */
  illness: z
    .object({
      dibaoSevereFromFen: fen.default(4_000_000),
      dibaoModerateFromFen: fen.default(2_000_000),
      otherSevereFromFen: fen.default(8_000_000),
      otherModerateFromFen: fen.default(5_000_000),
    })
    .prefault({}),
});
export type TownHolidayParams = z.output<typeof TownHolidayParamsSchema>;

export const HARDSHIP_LEVELS = ['none', 'some', 'fairly', 'very'] as const;

export const TownHolidayInputSchema = z.object({
  /** 低保家庭. */
  dibao: z.boolean().default(false),
  /** People in the household on 低保 (一次性生活補助每人300元). */
  dibaoPersons: z.number().int().min(0).max(50).default(0),
  /** 年度內患大病且自付醫療費, 分. */
  majorIllnessSelfPaidFen: fen.default(0),
  disabledMembers: z.number().int().min(0).max(50).default(0),
  /** Staff assessment: 生活困難 'some', 比較困難 'fairly', 非常困難 'very'. */
  hardship: z.enum(HARDSHIP_LEVELS).default('none'),
  /** 因災因禍因事故. */
  disasterOrAccident: z.boolean().default(false),
  /** 退伍軍人家庭. */
  veteran: z.boolean().default(false),
  sanwuConcentrated: z.number().int().min(0).max(50).default(0),
  sanwuDispersed: z.number().int().min(0).max(50).default(0),
  /** 建檔立卡貧困戶 tier, as set by the agriculture and forestry bureau. */
  registeredPoor: z.enum(['none', 'severe', 'moderate']).default('none'),
  /** Already visited in this campaign (不重復慰問). */
  alreadyVisited: z.boolean().default(false),
});
export type TownHolidayInput = z.output<typeof TownHolidayInputSchema>;

export type TownTier =
  | 'severe'
  | 'moderate'
  | 'general'
  | 'veteran'
  | 'sanwuConcentrated'
  | 'sanwuDispersed'
  | 'dibaoPerPerson'
  | 'registeredPoor';

export interface TierCheck {
  tier: TownTier;
  label: Bilingual;
  met: boolean;
  /** The tier's amount for this household (per-person tiers multiplied); null when the node has not set it. */
  amountFen: number | null;
  /** Why it is met (the criteria satisfied). */
  reasons: Bilingual[];
}

export interface TownHolidayDetail {
  tiers: TierCheck[];
  winner: TownTier | null;
  bonusFen: number;
}

const LABELS: Record<TownTier, Bilingual> = {
  severe: { zh: '重度困难家庭', en: 'severe hardship household' },
  moderate: { zh: '中度困难家庭', en: 'moderate hardship household' },
  general: { zh: '一般困难家庭', en: 'general hardship household' },
  veteran: { zh: '困难退伍军人', en: 'veteran in hardship' },
  sanwuConcentrated: { zh: '“三无人员”（集中供养）', en: '“three-without” persons (institutional care)' },
  sanwuDispersed: { zh: '“三无人员”（散居）', en: '“three-without” persons (living dispersed)' },
  dibaoPerPerson: { zh: '低保户一次性生活补助', en: '低保 one-off allowance' },
  registeredPoor: { zh: '建档立卡贫困户', en: 'registered poor household' },
};

const r = (zh: string, en: string): Bilingual => ({ zh, en });

function criteria(p: TownHolidayParams, i: TownHolidayInput): Record<TownTier, Bilingual[]> {
  const ill = i.majorIllnessSelfPaidFen;
  const inHardship = i.hardship !== 'none';
  const fairly = i.hardship === 'fairly' || i.hardship === 'very';
  const very = i.hardship === 'very';
  const c = p.illness;
  const out: Record<TownTier, Bilingual[]> = {
    severe: [],
    moderate: [],
    general: [],
    veteran: [],
    sanwuConcentrated: [],
    sanwuDispersed: [],
    dibaoPerPerson: [],
    registeredPoor: [],
  };
  const paid = `自付医疗费${yuan(ill)}`;
  if (i.dibao && ill >= c.dibaoSevereFromFen)
    out.severe.push(
      r(
        `低保家庭患大病，${paid}，达${yuan(c.dibaoSevereFromFen)}以上`,
        `低保 household, self-paid ${formatYuan(ill)} ≥ ${formatYuan(c.dibaoSevereFromFen)}`,
      ),
    );
  if (!i.dibao && inHardship && ill >= c.otherSevereFromFen)
    out.severe.push(
      r(
        `困难家庭患大病，${paid}，达${yuan(c.otherSevereFromFen)}以上`,
        `household in hardship, self-paid ${formatYuan(ill)} ≥ ${formatYuan(c.otherSevereFromFen)}`,
      ),
    );
  if (i.disabledMembers >= 2 && very)
    out.severe.push(r('有两个残疾人的非常困难家庭', 'two disabled members and in great difficulty'));
  if (i.disasterOrAccident && very)
    out.severe.push(r('因灾因祸因事故生活非常困难', 'in great difficulty from a disaster or accident'));
  if (i.dibao && ill >= c.dibaoModerateFromFen && ill <= c.dibaoSevereFromFen)
    out.moderate.push(
      r(
        `低保家庭患大病，${paid}，在${yuan(c.dibaoModerateFromFen)}至${yuan(c.dibaoSevereFromFen)}之间`,
        `低保 household, self-paid ${formatYuan(ill)} within ${formatYuan(c.dibaoModerateFromFen)}–${formatYuan(c.dibaoSevereFromFen)}`,
      ),
    );
  if (!i.dibao && inHardship && ill >= c.otherModerateFromFen && ill <= c.otherSevereFromFen)
    out.moderate.push(
      r(
        `困难家庭患大病，${paid}，在${yuan(c.otherModerateFromFen)}至${yuan(c.otherSevereFromFen)}之间`,
        `household in hardship, self-paid ${formatYuan(ill)} within ${formatYuan(c.otherModerateFromFen)}–${formatYuan(c.otherSevereFromFen)}`,
      ),
    );
  if (i.disabledMembers >= 1 && fairly)
    out.moderate.push(r('有残疾人的比较困难家庭', 'a disabled member and in difficulty'));
  if (i.disasterOrAccident && fairly)
    out.moderate.push(r('因灾因祸因事故生活比较困难', 'in difficulty from a disaster or accident'));
  if (inHardship) out.general.push(r('因各种原因造成生活困难', 'in hardship for any reason'));
  if (i.veteran && inHardship) out.veteran.push(r('生活困难的退伍军人家庭', 'veteran household in hardship'));
  if (i.sanwuConcentrated > 0)
    out.sanwuConcentrated.push(r(`集中供养${i.sanwuConcentrated}人`, `${i.sanwuConcentrated} in institutional care`));
  if (i.sanwuDispersed > 0)
    out.sanwuDispersed.push(r(`散居${i.sanwuDispersed}人`, `${i.sanwuDispersed} living dispersed`));
  if (i.dibaoPersons > 0) out.dibaoPerPerson.push(r(`低保${i.dibaoPersons}人`, `${i.dibaoPersons} on 低保`));
  if (i.registeredPoor !== 'none')
    out.registeredPoor.push(
      i.registeredPoor === 'severe'
        ? r('重度贫困户（县农业和林业局确定）', 'severe (set by the bureau)')
        : r('中度贫困户（县农业和林业局确定）', 'moderate (set by the bureau)'),
    );
  return out;
}

const times = (perPerson: number | null, n: number) => (perPerson === null ? null : perPerson * n);

function amountOf(tier: TownTier, p: TownHolidayParams, i: TownHolidayInput): number | null {
  const a = p.amounts;
  switch (tier) {
    case 'severe':
      return a.severeFen;
    case 'moderate':
      return a.moderateFen;
    case 'general':
      return a.generalFen;
    case 'veteran':
      return a.veteranFen;
    case 'sanwuConcentrated':
      return times(a.sanwuConcentratedPerPersonFen, i.sanwuConcentrated);
    case 'sanwuDispersed':
      return times(a.sanwuDispersedPerPersonFen, i.sanwuDispersed);
    case 'dibaoPerPerson':
      return times(a.dibaoPerPersonFen, i.dibaoPersons);
    case 'registeredPoor':
      return i.registeredPoor === 'severe' ? a.registeredPoorSevereFen : a.registeredPoorModerateFen;
  }
}

export function townHolidayVisit(params: TownHolidayParams, input: TownHolidayInput, ctx?: ComputeContext) {
  const t = new Trace(TOWN_HOLIDAY_META.id);
  const done = (eligible: boolean, amountFen: number, detail: TownHolidayDetail, summary: Bilingual) =>
    finish<TownHolidayDetail, TownHolidayParams>(TOWN_HOLIDAY_META, params, ctx, t, {
      eligible,
      amountFen,
      inputs: input,
      detail,
      summary,
    });
  if (input.alreadyVisited) {
    t.add('noRepeat', 'stacking', '本次活动已慰问过，不重复慰问', 'Already visited in this campaign: no second visit', {
      alreadyVisited: true,
    });
    return done(
      false,
      0,
      { tiers: [], winner: null, bonusFen: 0 },
      { zh: '不重复慰问', en: 'No second visit in one campaign' },
    );
  }
  const met = criteria(params, input);
  const tiers: TierCheck[] = (Object.keys(LABELS) as TownTier[]).map((tier) => {
    const isMet = met[tier].length > 0;
    return {
      tier,
      label: LABELS[tier],
      met: isMet,
      amountFen: isMet ? amountOf(tier, params, input) : null,
      reasons: met[tier],
    };
  });
  let winner: TierCheck | null = null;
  for (const c of tiers) {
    const why = c.reasons.map((x) => x.zh).join('；');
    if (!c.met) {
      t.add(`tier.${c.tier}`, 'tier', `${c.label.zh}：不符合`, `${c.label.en}: not met`, { tier: c.tier, met: false });
      continue;
    }
    if (c.amountFen === null) {
      t.warn(
        `${c.label.zh}的慰问金额未设定（种子文件缺失），请在本级参数中设定`,
        `The amount of the ${c.label.en} tier is not set (missing in the seed): set it in the node's params`,
      );
    }
    t.add(
      `tier.${c.tier}`,
      'tier',
      `${c.label.zh}：符合（${why}），${c.amountFen === null ? '金额未设定' : yuan(c.amountFen)}`,
      `${c.label.en}: met (${c.reasons.map((x) => x.en).join('; ')}), ${c.amountFen === null ? 'amount not set' : formatYuan(c.amountFen)}`,
      { tier: c.tier, met: true, amountFen: c.amountFen },
    );
    if (c.amountFen !== null && (winner === null || c.amountFen > (winner.amountFen ?? 0))) winner = c;
  }
  if (winner === null) {
    return done(false, 0, { tiers, winner: null, bonusFen: 0 }, { zh: '不符合任何慰问类别', en: 'No tier met' });
  }
  const metTiers = tiers.filter((c) => c.met && c.amountFen !== null);
  if (metTiers.length > 1) {
    t.add(
      'higherWins',
      'stacking',
      `同时符合${metTiers.map((c) => c.label.zh).join('、')}，就高不就低，按${winner.label.zh}${yuan(winner.amountFen!)}`,
      `Meets ${metTiers.map((c) => c.label.en).join(', ')}: the higher applies (就高不就低), ${winner.label.en} ${formatYuan(winner.amountFen!)}`,
      { winner: winner.tier, amountFen: winner.amountFen },
    );
  }
  const bonus =
    input.registeredPoor !== 'none' && (met.severe.length > 0 || met.moderate.length > 0)
      ? params.amounts.registeredPoorBonusFen
      : 0;
  if (bonus > 0) {
    t.add(
      'registeredPoorBonus',
      'tier',
      `建档立卡贫困户同时符合中、重度困难家庭标准，再增加${yuan(bonus)}`,
      `Registered poor household also meeting the severe/moderate tier: plus ${formatYuan(bonus)}`,
      { bonusFen: bonus },
    );
  }
  const amount = winner.amountFen! + bonus;
  return done(
    true,
    amount,
    { tiers, winner: winner.tier, bonusFen: bonus },
    {
      zh: `${winner.label.zh}慰问${yuan(amount)}${bonus ? `（含增加的${yuan(bonus)}）` : ''}`,
      en: `${winner.label.en}: ${formatYuan(amount)}${bonus ? ` (including ${formatYuan(bonus)} extra)` : ''}`,
    },
  );
}

export const townHolidayTemplate = defineTemplate({
  ...TOWN_HOLIDAY_META,
  paramsSchema: TownHolidayParamsSchema,
  inputSchema: TownHolidayInputSchema,
  compute: townHolidayVisit,
});
