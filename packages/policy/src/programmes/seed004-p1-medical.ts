/**
 * County medical relief (医疗救助) and the 意外致困 threshold, seed 004 篇一, lines 11–14 (pinyin annotations removed):
 *
 *   「深度困難職工家庭:個人自付2萬元(含2萬元)以下的,按照個人承擔的合規醫療費部分100%救助(四舍五入精確至百),
 *    不超過個人自付部分。如自付醫藥費過高造成生活確實特別困難的,救助標準經市總工會報上級工會批準可適當提高。
 *    超過2萬元的報送省總工會審批,超過5萬元的報送全總審批。」
 *   「相對困難職工家庭:具體幫扶標準參照深度困難職工幫扶標準的80%確定(四舍五入精確至百),只予單一項目救助,
 *    不予多重救助,最高不超過1.6萬元。」
 *   「意外致困職工家庭:按照個人承擔的合規醫療費部分的15%確定幫扶標準,最高不超過1萬元。」
 *   「認定標準為年度內致困費用(損失)在2.4萬元以上造成家庭生活困難。」
 *
 * Decisions (the seed's words → the rule):
 * - 深度: 100 % of the compliant self-paid cost, rounded once to the nearest 100 元, 四舍五入: a remainder of
 *   exactly 50 元 rounds UP (12,350 → 12,400; 12,349.99 → 12,300). Then 「不超過個人自付部分」: the result never
 *   exceeds the household's self-paid part (all it paid itself, compliant or not; it defaults to the compliant
 *   part). When rounding up overshoots, the default pays the self-paid part exactly (12,350 paid → 12,350); a
 *   node may choose 'roundDownToUnit' instead (→ 12,300) — the seed's two clauses cannot both hold there.
 * - 「2萬元(含2萬元)以下」 is handled locally: the amount paid on this union's authority is capped at 20,000 元.
 *   「超過」 excludes the figure (民法典 art. 1259), so a relief amount of exactly 20,000 needs no higher approval,
 *   20,000.01 … 50,000 goes to the province (省总), above 50,000 to the national union (全总). The figure compared
 *   is the relief amount asked for (the 100 % amount before the local limit) — what the higher union approves
 *   is the raised standard ("救助標準…可適當提高"), which is never above the self-paid part.
 * - 相对: 80 % of the 深度 amount this union would pay (after its 20,000 limit — 80 % × 20,000 = 16,000, the
 *   cap the seed names), rounded to the nearest 100 元 half up, at most 16,000 元, no escalation. 「只予單一項目
 *   救助,不予多重救助」: when the household already received another programme (input), the result is 0.
 * - 意外致困: 15 % of the compliant self-paid cost, at most 10,000 元; the seed names no rounding, so to the 分,
 *   half up. Qualification: the year's hardship costs (losses) 「在2.4萬元以上」, 以上 includes the figure: ≥ 24,000.
 */
import { z } from 'zod';
import { formatYuan } from '../money.js';
import { type ApprovalChain, ApprovalChainSchema, approvalLevelFor, toEscalation } from './approval.js';
import { RoundingSchema, roundToUnitFen, TO_FEN, TO_HUNDRED_YUAN_HALF_UP } from './rounding.js';
import { basisPoints, fen, GradeSchema } from './schemas.js';
import {
  type ComputeContext,
  defineTemplate,
  type Escalation,
  finish,
  type ProgrammeMeta,
  type ProgrammeSource,
  Trace,
  yuan,
} from './types.js';

const SOURCE: ProgrammeSource = {
  seed: '004',
  part: '篇一 (二)幫扶標準 2',
  lines: '11-13',
  quote:
    '深度困難職工家庭:個人自付2萬元(含2萬元)以下的,按照個人承擔的合規醫療費部分100%救助(四舍五入精確至百),不超過個人自付部分。…超過2萬元的報送省總工會審批,超過5萬元的報送全總審批。相對困難職工家庭:具體幫扶標準參照深度困難職工幫扶標準的80%確定(四舍五入精確至百),只予單一項目救助,不予多重救助,最高不超過1.6萬元。意外致困職工家庭:按照個人承擔的合規醫療費部分的15%確定幫扶標準,最高不超過1萬元。',
};

export const MEDICAL_META: ProgrammeMeta = {
  id: 'seed004.p1.medical',
  name: { zh: '医疗救助（县）', en: 'Medical relief (county)' },
  kind: 'medical',
  source: SOURCE,
};

export const ACCIDENT_QUALIFICATION_META: ProgrammeMeta = {
  id: 'seed004.p1.accident-qualification',
  name: { zh: '意外致困认定', en: 'Hardship-by-accident qualification' },
  kind: 'qualification',
  source: {
    seed: '004',
    part: '篇一 (二)幫扶標準 2',
    lines: '14',
    quote: '認定標準為年度內致困費用(損失)在2.4萬元以上造成家庭生活困難。',
  },
};

/** Seed 004 篇一: up to 20,000 locally; 超過2萬元 → 省总; 超過5萬元 → 全总. */
export const SEED004_MEDICAL_ESCALATION: ApprovalChain = [
  { id: 'local', zh: '本级工会', en: 'this union', fromFen: 0, fromInclusive: true, countersign: [], local: true },
  {
    id: 'province',
    zh: '省总工会',
    en: 'the provincial federation (省总)',
    fromFen: 2_000_000,
    fromInclusive: false,
    countersign: [],
    local: false,
  },
  {
    id: 'national',
    zh: '全国总工会',
    en: 'the national federation (全总)',
    fromFen: 5_000_000,
    fromInclusive: false,
    countersign: [],
    local: false,
  },
];

export const MedicalParamsSchema = z.object({
  deep: z
    .object({
      rateBp: basisPoints.default(10_000),
      rounding: RoundingSchema.default(TO_HUNDRED_YUAN_HALF_UP),
      /** When rounding overshoots the self-paid part: pay the self-paid part, or round down to the unit. */
      whenRoundedAboveSelfPaid: z.enum(['capToSelfPaid', 'roundDownToUnit']).default('capToSelfPaid'),
      /** Paid on this union's authority up to this amount (2萬元含). */
      localLimitFen: fen.default(2_000_000),
    })
    .prefault({}),
  escalation: ApprovalChainSchema.default(SEED004_MEDICAL_ESCALATION),
  relative: z
    .object({
      shareOfDeepBp: basisPoints.default(8_000),
      rounding: RoundingSchema.default(TO_HUNDRED_YUAN_HALF_UP),
      capFen: fen.default(1_600_000),
      /** 只予單一項目救助,不予多重救助. */
      singleProgrammeOnly: z.boolean().default(true),
    })
    .prefault({}),
  accident: z
    .object({
      rateBp: basisPoints.default(1_500),
      rounding: RoundingSchema.default(TO_FEN),
      capFen: fen.default(1_000_000),
      /** 年度內致困費用(損失)在2.4萬元以上 (inclusive). */
      qualificationThresholdFen: fen.default(2_400_000),
    })
    .prefault({}),
});
export type MedicalParams = z.output<typeof MedicalParamsSchema>;

export const MedicalInputSchema = z.object({
  grade: GradeSchema,
  /** 個人承擔的合規醫療費: the compliant medical cost the household bore itself, 分. */
  compliantSelfPaidFen: fen,
  /** 個人自付部分: everything the household paid itself (≥ the compliant part); defaults to the compliant part. */
  selfPaidFen: fen.optional(),
  /** Other relief programmes the household already received (for 相对: 不予多重救助). */
  otherProgrammesReceived: z.array(z.string().min(1).max(100)).max(50).default([]),
  /** 意外致困: the year's hardship costs (losses), when known, to check the 24,000 元 threshold. */
  annualHardshipCostFen: fen.optional(),
});
export type MedicalInput = z.output<typeof MedicalInputSchema>;

export interface MedicalDetail {
  grade: string;
  /** 深度: the 100 % amount before the local limit (what a higher union may approve); else the amount. */
  requestableFen: number;
}

const LABEL = {
  deep: { zh: '深度困难', en: 'deep hardship' },
  relative: { zh: '相对困难', en: 'relative hardship' },
  accident: { zh: '意外致困', en: 'hardship by accident' },
};

/** 深度: the full (100 %, rounded, within the self-paid part) amount and what this union pays itself. */
function deepAmounts(p: MedicalParams, compliantFen: number, selfPaidFen: number, t: Trace) {
  let full = t.rate(
    'deep.rate',
    { zh: '合规自付医疗费', en: 'compliant self-paid cost' },
    compliantFen,
    p.deep.rateBp,
    p.deep.rounding,
  );
  if (full > selfPaidFen) {
    const capped =
      p.deep.whenRoundedAboveSelfPaid === 'capToSelfPaid'
        ? selfPaidFen
        : roundToUnitFen(selfPaidFen, p.deep.rounding.unitFen, 'down');
    t.add(
      'deep.selfPaidCap',
      'cap',
      `${yuan(full)}超过个人自付部分${yuan(selfPaidFen)}（不超过个人自付部分），${p.deep.whenRoundedAboveSelfPaid === 'capToSelfPaid' ? '按个人自付部分' : '按单位向下取整'}为${yuan(capped)}`,
      `${formatYuan(full)} is above the self-paid part ${formatYuan(selfPaidFen)} (never above it): ${p.deep.whenRoundedAboveSelfPaid === 'capToSelfPaid' ? 'paid the self-paid part' : 'rounded down to the unit'}, ${formatYuan(capped)}`,
      { beforeFen: full, capFen: selfPaidFen, applied: true, afterFen: capped, rule: p.deep.whenRoundedAboveSelfPaid },
    );
    full = capped;
  }
  const local = t.cap('deep.localLimit', { zh: '本级救助限额', en: 'the local limit' }, full, p.deep.localLimitFen);
  return { full, local };
}

export function medicalRelief(params: MedicalParams, input: MedicalInput, ctx?: ComputeContext) {
  const t = new Trace(MEDICAL_META.id);
  const compliant = input.compliantSelfPaidFen;
  let selfPaid = input.selfPaidFen ?? compliant;
  if (selfPaid < compliant) {
    t.warn(
      `个人自付部分${yuan(selfPaid)}小于合规自付医疗费${yuan(compliant)}，按合规部分计`,
      `The self-paid part ${formatYuan(selfPaid)} is less than the compliant part ${formatYuan(compliant)}: the compliant part is used`,
    );
    selfPaid = compliant;
  }
  const { grade } = input;
  const done = (
    eligible: boolean,
    amountFen: number,
    requestableFen: number,
    summary: { zh: string; en: string },
    escalation: Escalation | null = null,
  ) =>
    finish<MedicalDetail, MedicalParams>(MEDICAL_META, params, ctx, t, {
      eligible,
      amountFen,
      inputs: input,
      detail: { grade, requestableFen: eligible ? requestableFen : 0 },
      summary,
      escalation,
    });

  if (grade !== 'deep' && grade !== 'relative' && grade !== 'accident') {
    t.add(
      'grade',
      'eligibility',
      `困难类别${grade}不在本医疗救助范围`,
      `Grade ${grade} is not covered by this medical relief`,
      { grade },
    );
    return done(false, 0, 0, { zh: '不予医疗救助：困难类别不符', en: 'No medical relief: the grade is not covered' });
  }
  const label = LABEL[grade];
  if (compliant === 0) {
    t.add('cost', 'eligibility', '没有个人承担的合规医疗费', 'No compliant self-paid medical cost', {
      compliantSelfPaidFen: 0,
    });
    return done(false, 0, 0, {
      zh: '不予医疗救助：无合规自付医疗费',
      en: 'No medical relief: no compliant self-paid cost',
    });
  }

  if (grade === 'deep') {
    const { full, local } = deepAmounts(params, compliant, selfPaid, t);
    const decision = approvalLevelFor(full, params.escalation, `${MEDICAL_META.id}.deep.escalation`);
    t.steps.push(decision.step);
    const higher = full > local || decision.beyondLocal;
    const escalation = toEscalation(
      decision,
      full,
      higher
        ? {
            zh: `救助金额${yuan(full)}超过本级限额，须报${decision.level.zh}审批（可适当提高）`,
            en: `Relief of ${formatYuan(full)} is above the local limit: ${decision.level.en} must approve (the standard may be raised)`,
          }
        : { zh: '本级审批', en: 'Approved locally' },
    );
    return done(
      true,
      local,
      full,
      higher
        ? {
            zh: `深度困难医疗救助本级发放${yuan(local)}；全额${yuan(full)}须报${decision.level.zh}审批`,
            en: `Deep hardship medical relief: ${formatYuan(local)} locally; the full ${formatYuan(full)} needs ${decision.level.en}`,
          }
        : { zh: `深度困难医疗救助${yuan(local)}`, en: `Deep hardship medical relief: ${formatYuan(local)}` },
      escalation,
    );
  }

  if (grade === 'relative') {
    if (params.relative.singleProgrammeOnly && input.otherProgrammesReceived.length > 0) {
      const list = input.otherProgrammesReceived.join('、');
      t.add(
        'relative.noStacking',
        'stacking',
        `已享受其他救助项目（${list}），相对困难职工家庭只予单一项目救助，不予多重救助`,
        `Already received ${input.otherProgrammesReceived.join(', ')}: relative hardship households get one programme only (no stacking)`,
        { received: list },
      );
      return done(false, 0, 0, {
        zh: '不予医疗救助：已享受其他救助项目（只予单一项目救助）',
        en: 'No medical relief: another programme was already received (one programme only)',
      });
    }
    const { local: deepLocal } = deepAmounts(params, compliant, selfPaid, t);
    const share = t.rate(
      'relative.share',
      { zh: '深度困难救助标准', en: 'the deep hardship amount' },
      deepLocal,
      params.relative.shareOfDeepBp,
      params.relative.rounding,
    );
    let amount = t.cap('relative.cap', { zh: '最高限额', en: 'the maximum' }, share, params.relative.capFen);
    if (amount > selfPaid)
      amount = t.cap('relative.selfPaidCap', { zh: '个人自付部分', en: 'the self-paid part' }, amount, selfPaid);
    return done(true, amount, amount, {
      zh: `相对困难医疗救助${yuan(amount)}`,
      en: `Relative hardship medical relief: ${formatYuan(amount)}`,
    });
  }

  const a = params.accident;
  if (input.annualHardshipCostFen === undefined) {
    t.confirm(
      `意外致困须年度内致困费用（损失）达到${yuan(a.qualificationThresholdFen)}（建档认定时核实）`,
      `Hardship by accident requires the year's hardship costs to reach ${formatYuan(a.qualificationThresholdFen)} (checked at filing)`,
    );
  } else if (
    !t.threshold(
      'accident.qualification',
      { zh: '年度内致困费用（损失）', en: "the year's hardship costs" },
      input.annualHardshipCostFen,
      '>=',
      a.qualificationThresholdFen,
    )
  ) {
    return done(false, 0, 0, {
      zh: `不予医疗救助：致困费用未达${yuan(a.qualificationThresholdFen)}`,
      en: `No medical relief: hardship costs below ${formatYuan(a.qualificationThresholdFen)}`,
    });
  }
  const rated = t.rate(
    'accident.rate',
    { zh: '合规自付医疗费', en: 'compliant self-paid cost' },
    compliant,
    a.rateBp,
    a.rounding,
  );
  const amount = t.cap('accident.cap', { zh: '最高限额', en: 'the maximum' }, Math.min(rated, selfPaid), a.capFen);
  return done(true, amount, amount, {
    zh: `${label.zh}医疗救助${yuan(amount)}`,
    en: `Medical relief for ${label.en}: ${formatYuan(amount)}`,
  });
}

export const medicalTemplate = defineTemplate({
  ...MEDICAL_META,
  paramsSchema: MedicalParamsSchema,
  inputSchema: MedicalInputSchema,
  compute: medicalRelief,
});

export const AccidentQualificationParamsSchema = z.object({ thresholdFen: fen.default(2_400_000) });
export type AccidentQualificationParams = z.output<typeof AccidentQualificationParamsSchema>;
export const AccidentQualificationInputSchema = z.object({ annualHardshipCostFen: fen });
export type AccidentQualificationInput = z.output<typeof AccidentQualificationInputSchema>;

/** 意外致困: the year's hardship costs (losses) at or above the threshold. Qualification only: amount 0. */
export function accidentQualification(
  params: AccidentQualificationParams,
  input: AccidentQualificationInput,
  ctx?: ComputeContext,
) {
  const t = new Trace(ACCIDENT_QUALIFICATION_META.id);
  const ok = t.threshold(
    'threshold',
    { zh: '年度内致困费用（损失）', en: "the year's hardship costs (losses)" },
    input.annualHardshipCostFen,
    '>=',
    params.thresholdFen,
  );
  return finish<null, AccidentQualificationParams>(ACCIDENT_QUALIFICATION_META, params, ctx, t, {
    eligible: ok,
    amountFen: 0,
    inputs: input,
    detail: null,
    summary: ok
      ? { zh: '符合意外致困认定标准', en: 'Meets the hardship-by-accident threshold' }
      : { zh: '未达到意外致困认定标准', en: 'Below the hardship-by-accident threshold' },
  });
}

export const accidentQualificationTemplate = defineTemplate({
  ...ACCIDENT_QUALIFICATION_META,
  paramsSchema: AccidentQualificationParamsSchema,
  inputSchema: AccidentQualificationInputSchema,
  compute: accidentQualification,
});
