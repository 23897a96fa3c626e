/**
 * Enterprise rules, seed 000 第三篇 (困難職工幫扶中心管理辦法), lines 172–175 and 186–194 (第二十六、二十九、三十条):
 *
 *   第二十六条(三)「500元以下由相關組長簽字; 500元以上1000元以下由相關領導組集體研究,組長簽字;
 *                 1000元以上由幫扶中心領導委員會研究,組長簽字。」
 *   第二十九条(二)「家庭損失在萬元以下的,最高幫扶不得超過1000元;家庭損失在萬元以上的,最高幫扶不得超過3000元;」
 *            (三)「經困難幫扶領導組研究,報幫扶中心委員會審查批準。」
 *   第三十条(二)「個人支付除醫保報銷外低于5000元,不給予困難幫扶;個人支付除醫保報銷外在5000元以上幫扶10%,
 *                但最高幫扶不超過3000元;」
 *          (三)「由困難幫扶領導組研究,報幫扶中心委員會審批後生效。」
 *
 * Boundaries (以上 / 以下 include the figure, 低于 / 超过 exclude it — 民法典 art. 1259):
 * - Illness: 低于5000 gets nothing, 5000元以上 gets 10 %: exactly 5,000 → 500 元. The 10 % is of the whole
 *   self-paid amount (not of the excess); the seed names no rounding, so to the 分, half up. Cap 3,000 from 30,000.
 * - Disaster: 萬元以下 and 萬元以上 both claim exactly 10,000; the higher cap (3,000) applies to it, so neither
 *   clause forbids what the other allows (the amount stays a staff decision below the cap). This matches
 *   DOMAIN.md's "≥ 10,000: at most 3,000". The amount is the staff's request capped by the band.
 * - Approval chain: 500 and 1,000 are each claimed by two clauses. The middle clause 「500元以上1000元以下」 is
 *   the one bounded on both sides, the more specific, so it keeps both ends: < 500 组长; 500 … 1,000 领导组
 *   (组长 signs); > 1,000 委员会 (组长 signs). 499.99 → 组长, 500 → 领导组, 1,000 → 领导组, 1,000.01 → 委员会.
 *   Data: a node can flip either boundary with `fromInclusive`.
 * - Illness and disaster relief always go 领导组 → 委员会 (第二十九、三十条), whatever the amount: their
 *   escalation is the stricter of that route and the amount chain, i.e. the committee.
 */
import { z } from 'zod';
import { formatYuan } from '../money.js';
import {
  type ApprovalChain,
  ApprovalChainSchema,
  approvalLevelFor,
  approvalWithRoute,
  toEscalation,
} from './approval.js';
import { RoundingSchema, TO_FEN } from './rounding.js';
import { basisPoints, fen } from './schemas.js';
import { type ComputeContext, defineTemplate, finish, type ProgrammeMeta, Trace, yuan } from './types.js';

const PART = '第三篇 困難職工幫扶中心管理辦法';

export const ENTERPRISE_APPROVAL_META: ProgrammeMeta = {
  id: 'seed000.p3.approval',
  name: { zh: '帮扶资金审批权限（企业）', en: 'Approval of expenditure by amount (enterprise)' },
  kind: 'approval',
  source: {
    seed: '000',
    part: `${PART} 第二十六条(三)`,
    lines: '173-175',
    quote:
      '500元以下由相關組長簽字;500元以上1000元以下由相關領導組集體研究,組長簽字;1000元以上由幫扶中心領導委員會研究,組長簽字。',
  },
};

export const ENTERPRISE_ILLNESS_META: ProgrammeMeta = {
  id: 'seed000.p3.illness',
  name: { zh: '大病帮扶（企业）', en: 'Major-illness relief (enterprise)' },
  kind: 'enterprise_illness',
  source: {
    seed: '000',
    part: `${PART} 第三十条`,
    lines: '191-194',
    quote:
      '個人支付除醫保報銷外低于5000元,不給予困難幫扶;個人支付除醫保報銷外在5000元以上幫扶10%,但最高幫扶不超過3000元;由困難幫扶領導組研究,報幫扶中心委員會審批後生效。',
  },
};

export const ENTERPRISE_DISASTER_META: ProgrammeMeta = {
  id: 'seed000.p3.disaster',
  name: { zh: '天灾人祸帮扶（企业）', en: 'Disaster relief (enterprise)' },
  kind: 'disaster',
  source: {
    seed: '000',
    part: `${PART} 第二十九条`,
    lines: '186-190',
    quote:
      '家庭損失在萬元以下的,最高幫扶不得超過1000元;家庭損失在萬元以上的,最高幫扶不得超過3000元;經困難幫扶領導組研究,報幫扶中心委員會審查批準。',
  },
};

export const SEED000_APPROVAL_CHAIN: ApprovalChain = [
  {
    id: 'groupLeader',
    zh: '相关组长',
    en: 'the group leader',
    fromFen: 0,
    fromInclusive: true,
    countersign: [],
    local: true,
  },
  {
    id: 'leadingGroup',
    zh: '相关领导组（集体研究）',
    en: 'the leading group (collective decision)',
    fromFen: 50_000,
    fromInclusive: true,
    countersign: ['groupLeader'],
    local: true,
  },
  {
    id: 'committee',
    zh: '帮扶中心领导委员会',
    en: 'the centre committee',
    fromFen: 100_000,
    fromInclusive: false,
    countersign: ['groupLeader'],
    local: true,
  },
];

const chainParam = ApprovalChainSchema.default(SEED000_APPROVAL_CHAIN);
/** Levels a rule always passes through, whatever the amount (第二十九、三十条: 領導組研究 → 委員會批準). */
const routeParam = z.array(z.string().min(1).max(40)).max(10).default(['leadingGroup', 'committee']);

// ── approval chain ────────────────────────────────────────────────────────────────────────────────────────────

export const ApprovalParamsSchema = z.object({ chain: chainParam });
export type ApprovalParams = z.output<typeof ApprovalParamsSchema>;
export const ApprovalInputSchema = z.object({ amountFen: fen });
export type ApprovalInput = z.output<typeof ApprovalInputSchema>;

/** Who decides an expenditure of this amount. The amount passes through unchanged. */
export function enterpriseApproval(params: ApprovalParams, input: ApprovalInput, ctx?: ComputeContext) {
  const t = new Trace(ENTERPRISE_APPROVAL_META.id);
  const d = approvalLevelFor(input.amountFen, params.chain, `${ENTERPRISE_APPROVAL_META.id}.level`);
  t.steps.push(d.step);
  return finish<null, ApprovalParams>(ENTERPRISE_APPROVAL_META, params, ctx, t, {
    eligible: true,
    amountFen: input.amountFen,
    inputs: input,
    detail: null,
    escalation: toEscalation(d, input.amountFen, { zh: '按金额审批权限', en: 'Approval by amount' }),
    summary: {
      zh: `${yuan(input.amountFen)}由${d.level.zh}审批`,
      en: `${formatYuan(input.amountFen)} is approved by ${d.level.en}`,
    },
  });
}

export const enterpriseApprovalTemplate = defineTemplate({
  ...ENTERPRISE_APPROVAL_META,
  paramsSchema: ApprovalParamsSchema,
  inputSchema: ApprovalInputSchema,
  compute: enterpriseApproval,
});

// ── major illness (第三十条) ───────────────────────────────────────────────────────────────────────────────────

export const EnterpriseIllnessParamsSchema = z.object({
  /** 5000元以上 qualifies (inclusive); 低于 gets nothing. */
  minSelfPaidFen: fen.default(500_000),
  rateBp: basisPoints.default(1_000),
  rounding: RoundingSchema.default(TO_FEN),
  capFen: fen.default(300_000),
  approvalChain: chainParam,
  route: routeParam,
});
export type EnterpriseIllnessParams = z.output<typeof EnterpriseIllnessParamsSchema>;
export const EnterpriseIllnessInputSchema = z.object({
  /** 個人支付除醫保報銷外: what the worker paid after the medical insurance reimbursement, 分. */
  selfPaidAfterInsuranceFen: fen,
});
export type EnterpriseIllnessInput = z.output<typeof EnterpriseIllnessInputSchema>;

export function enterpriseIllnessRelief(
  params: EnterpriseIllnessParams,
  input: EnterpriseIllnessInput,
  ctx?: ComputeContext,
) {
  const t = new Trace(ENTERPRISE_ILLNESS_META.id);
  const paid = input.selfPaidAfterInsuranceFen;
  const label = { zh: '医保报销后个人支付', en: 'self-paid after insurance' };
  if (!t.threshold('threshold', label, paid, '>=', params.minSelfPaidFen)) {
    return finish<null, EnterpriseIllnessParams>(ENTERPRISE_ILLNESS_META, params, ctx, t, {
      eligible: false,
      amountFen: 0,
      inputs: input,
      detail: null,
      summary: {
        zh: `个人支付低于${yuan(params.minSelfPaidFen)}，不给予困难帮扶`,
        en: `Self-paid below ${formatYuan(params.minSelfPaidFen)}: no relief`,
      },
    });
  }
  const rated = t.rate('rate', label, paid, params.rateBp, params.rounding);
  const amount = t.cap('cap', { zh: '最高帮扶', en: 'the maximum' }, rated, params.capFen);
  const d = approvalWithRoute(amount, params.approvalChain, params.route, `${ENTERPRISE_ILLNESS_META.id}.approval`);
  t.steps.push(d.step);
  return finish<null, EnterpriseIllnessParams>(ENTERPRISE_ILLNESS_META, params, ctx, t, {
    eligible: true,
    amountFen: amount,
    inputs: input,
    detail: null,
    escalation: toEscalation(d, amount, {
      zh: '由困难帮扶领导组研究，报帮扶中心委员会审批后生效（第三十条）',
      en: 'Studied by the leading group, effective once the centre committee approves (art. 30)',
    }),
    summary: {
      zh: `大病帮扶${yuan(amount)}，由${d.level.zh}审批`,
      en: `Major-illness relief ${formatYuan(amount)}, approved by ${d.level.en}`,
    },
  });
}

export const enterpriseIllnessTemplate = defineTemplate({
  ...ENTERPRISE_ILLNESS_META,
  paramsSchema: EnterpriseIllnessParamsSchema,
  inputSchema: EnterpriseIllnessInputSchema,
  compute: enterpriseIllnessRelief,
});

// ── disaster (第二十九条) ──────────────────────────────────────────────────────────────────────────────────────

export const EnterpriseDisasterParamsSchema = z.object({
  /** Losses from this amount on fall in the upper band (萬元以上). */
  upperBandFromFen: fen.default(1_000_000),
  /** The band boundary itself belongs to the upper band (both clauses claim it; the higher cap applies). */
  upperBandInclusive: z.boolean().default(true),
  lowerCapFen: fen.default(100_000),
  upperCapFen: fen.default(300_000),
  approvalChain: chainParam,
  route: routeParam,
});
export type EnterpriseDisasterParams = z.output<typeof EnterpriseDisasterParamsSchema>;
export const EnterpriseDisasterInputSchema = z.object({
  /** 家庭損失: the household's loss, 分. */
  householdLossFen: fen,
  /** The amount staff propose ("根據困難狀況確定困難幫扶額度"), 分; capped by the band. */
  requestedFen: fen,
});
export type EnterpriseDisasterInput = z.output<typeof EnterpriseDisasterInputSchema>;

export interface DisasterDetail {
  band: 'lower' | 'upper';
  capFen: number;
}

export function enterpriseDisasterRelief(
  params: EnterpriseDisasterParams,
  input: EnterpriseDisasterInput,
  ctx?: ComputeContext,
) {
  const t = new Trace(ENTERPRISE_DISASTER_META.id);
  const loss = input.householdLossFen;
  if (loss === 0) {
    t.add('loss', 'eligibility', '没有家庭损失', 'No household loss', { householdLossFen: 0 });
    return finish<DisasterDetail, EnterpriseDisasterParams>(ENTERPRISE_DISASTER_META, params, ctx, t, {
      eligible: false,
      amountFen: 0,
      inputs: input,
      detail: { band: 'lower', capFen: 0 },
      summary: { zh: '没有家庭损失，不予帮扶', en: 'No loss: no relief' },
    });
  }
  const upper = t.threshold(
    'band',
    { zh: '家庭损失（上档）', en: 'household loss (upper band)' },
    loss,
    params.upperBandInclusive ? '>=' : '>',
    params.upperBandFromFen,
  );
  const capFen = upper ? params.upperCapFen : params.lowerCapFen;
  const amount = t.cap(
    'cap',
    { zh: upper ? '上档最高帮扶' : '下档最高帮扶', en: `the ${upper ? 'upper' : 'lower'} band's maximum` },
    input.requestedFen,
    capFen,
  );
  if (amount > loss) {
    t.warn(
      `帮扶金额${yuan(amount)}高于家庭损失${yuan(loss)}`,
      `Relief ${formatYuan(amount)} is above the loss ${formatYuan(loss)}`,
    );
  }
  const d = approvalWithRoute(amount, params.approvalChain, params.route, `${ENTERPRISE_DISASTER_META.id}.approval`);
  t.steps.push(d.step);
  return finish<DisasterDetail, EnterpriseDisasterParams>(ENTERPRISE_DISASTER_META, params, ctx, t, {
    eligible: true,
    amountFen: amount,
    inputs: input,
    detail: { band: upper ? 'upper' : 'lower', capFen },
    escalation: toEscalation(d, amount, {
      zh: '经困难帮扶领导组研究，报帮扶中心委员会审查批准（第二十九条）',
      en: 'Studied by the leading group, approved by the centre committee (art. 29)',
    }),
    summary: {
      zh: `天灾人祸帮扶${yuan(amount)}（最高${yuan(capFen)}），由${d.level.zh}审批`,
      en: `Disaster relief ${formatYuan(amount)} (at most ${formatYuan(capFen)}), approved by ${d.level.en}`,
    },
  });
}

export const enterpriseDisasterTemplate = defineTemplate({
  ...ENTERPRISE_DISASTER_META,
  paramsSchema: EnterpriseDisasterParamsSchema,
  inputSchema: EnterpriseDisasterInputSchema,
  compute: enterpriseDisasterRelief,
});
