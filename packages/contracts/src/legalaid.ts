import { z } from 'zod';
import { codeList } from './archive-codes.js';
import { CallerPhoneSchema } from './servicedesk.js';

/**
 * Legal aid (法律援助) and labour-dispute mediation (劳动争议调解). Seed 000 第五章: the worker applies with reasons
 * (本人提出法律援助的申请和理由), the legal-aid group decides within fifteen days (十五日内法律援助领导组讨论，提出是否
 * 给予法律援助的意见), the centre's office assigns it (指定相关部门负责落实) — here to a lawyer of the union's roster or a
 * department. Seed 001: 咨询、代书、调解、代理仲裁诉讼; 劳动争议调解 with its record and agreement.
 */

/** Days the legal-aid group has to decide (seed 000: 十五日内), counted in calendar days from the day received. */
export const LEGAL_AID_DECISION_DAYS = 15;

/** What the dispute is about (the work order's categories where they match). */
export const legalDisputeKinds = codeList(
  ['wages_owed', 'labour_contract', 'dismissal', 'social_insurance', 'work_injury', 'other'] as const,
  {
    wages_owed: '拖欠劳动报酬',
    labour_contract: '劳动合同',
    dismissal: '解除终止劳动关系',
    social_insurance: '社会保险',
    work_injury: '工伤待遇',
    other: '其他',
  },
);
export type LegalDisputeKind = (typeof legalDisputeKinds.codes)[number];

/** The form of aid the group grants (seed 001: 咨询、代书、调解、代理仲裁诉讼). */
export const legalCaseKinds = codeList(
  ['consultation', 'mediation', 'arbitration', 'litigation', 'drafting'] as const,
  {
    consultation: '法律咨询',
    mediation: '劳动争议调解',
    arbitration: '代理劳动仲裁',
    litigation: '代理诉讼',
    drafting: '代写法律文书',
  },
);
export type LegalCaseKind = (typeof legalCaseKinds.codes)[number];

/**
 * pending: registered, waiting for the group's decision (due in 15 days); refused: no aid (the opinion says why);
 * approved: aid granted, waiting to be assigned; assigned: handled by a lawyer or a department; closed: outcome
 * recorded; withdrawn: the applicant withdrew before the case was handled.
 */
export const legalAidStatuses = codeList(
  ['pending', 'refused', 'approved', 'assigned', 'closed', 'withdrawn'] as const,
  {
    pending: '待审查',
    refused: '不予援助',
    approved: '待指派',
    assigned: '办理中',
    closed: '已结案',
    withdrawn: '已撤回',
  },
);
export type LegalAidStatus = (typeof legalAidStatuses.codes)[number];

/** A case's steps and hearings. */
export const legalStepKinds = codeList(
  [
    'consultation',
    'evidence',
    'document',
    'mediation_session',
    'arbitration_filing',
    'arbitration_hearing',
    'court_filing',
    'court_hearing',
    'other',
  ] as const,
  {
    consultation: '咨询会谈',
    evidence: '调查取证',
    document: '起草文书',
    mediation_session: '调解会议',
    arbitration_filing: '申请仲裁',
    arbitration_hearing: '仲裁开庭',
    court_filing: '起诉立案',
    court_hearing: '法院开庭',
    other: '其他',
  },
);

export const legalOutcomes = codeList(
  ['supported', 'partly', 'mediated', 'lost', 'withdrawn', 'advised', 'other'] as const,
  {
    supported: '请求获支持',
    partly: '部分支持',
    mediated: '调解结案',
    lost: '未获支持',
    withdrawn: '撤回申请/撤诉',
    advised: '已提供法律意见/文书',
    other: '其他',
  },
);

/** Every step recorded in an application's history. */
export const legalAidActions = codeList(
  [
    'register',
    'attach',
    'decide',
    'assign',
    'step',
    'step_result',
    'mediation',
    'agreement',
    'close',
    'withdraw',
  ] as const,
  {
    register: '登记申请',
    attach: '上传证据材料',
    decide: '审查决定',
    assign: '指派承办',
    step: '办理进程',
    step_result: '登记结果',
    mediation: '调解记录',
    agreement: '调解协议',
    close: '结案',
    withdraw: '撤回申请',
  },
);
export type LegalAidStep = (typeof legalAidActions.codes)[number];

const id = z.number().int().positive().max(2_147_483_647);
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const fen = z.number().int().min(0).max(99_999_999_999);

export const LegalAidInputSchema = z.object({
  personName: text(50),
  idNumber: z.string().trim().max(18).optional(),
  phone: CallerPhoneSchema.optional(),
  employer: optText(100),
  /** The person's file in the archive (in scope); else found by the ID number. */
  householdId: id.optional(),
  /** The work order the matter came in on (in scope). */
  workOrderId: id.optional(),
  disputeKind: legalDisputeKinds.schema,
  reasons: text(5000),
  /** What the worker claims, integer 分 (申请标的). */
  claimFen: fen.optional(),
  /** The day the application came in; default today, never later. */
  receivedOn: z.iso.date().optional(),
});
export type LegalAidInput = z.infer<typeof LegalAidInputSchema>;

export const LegalAidDecisionSchema = z
  .object({ approve: z.boolean(), caseKind: legalCaseKinds.schema.optional(), opinion: text(2000) })
  .refine((v) => !v.approve || v.caseKind !== undefined, {
    message: '同意援助须选定援助方式 / approving needs the kind of aid',
    path: ['caseKind'],
  });

/** 指定承办: a lawyer of the roster (of this union or one above it) or a department, never both. */
export const LegalAidAssignSchema = z
  .object({ lawyerId: id.optional(), department: optText(100), note: optText(500) })
  .refine((v) => (v.lawyerId !== undefined) !== (v.department !== undefined && v.department !== ''), {
    message: '承办律师和承办部门须且只能选一项 / a lawyer or a department, one of them',
    path: ['lawyerId'],
  });

export const LegalAidStepInputSchema = z.object({
  stepOn: z.iso.date(),
  kind: legalStepKinds.schema,
  what: text(1000),
  result: optText(1000),
});
export const LegalAidStepResultSchema = z.object({ result: text(1000) });

/** 劳动争议调解: the parties and the mediator. */
export const LegalMediationSchema = z.object({
  employer: text(100),
  employerRep: optText(100),
  mediator: text(100),
  otherParties: optText(500),
});
/** 调解协议: terms, the amount agreed (分), the day it was signed. */
export const LegalAgreementSchema = z.object({ terms: text(5000), amountFen: fen, signedOn: z.iso.date() });

export const LegalAidCloseSchema = z.object({
  outcome: legalOutcomes.schema,
  note: text(2000),
  /** Money recovered for the worker, integer 分. */
  recoveredFen: fen.default(0),
});
export const LegalAidWithdrawSchema = z.object({ reason: text(500) });

export const LegalAidListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  status: legalAidStatuses.schema.optional(),
  caseKind: legalCaseKinds.schema.optional(),
  /** overdue: pending past its 15 days. */
  view: z.enum(['all', 'overdue']).default('all'),
  /** Application number, whole or its beginning, or the applicant's name. */
  q: z.string().trim().max(30).optional(),
  /** Applications made on this work order. */
  workOrderId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** 律师执业证号: 17 digits in the national format; older and regional numbers vary, so letters and dashes pass. */
const LicenceNoSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{5,30}$/, '执业证号格式不正确 / not a licence number');

const lawyerFields = {
  name: text(50),
  firm: text(100),
  licenceNo: LicenceNoSchema,
  phone: CallerPhoneSchema,
  contractFrom: z.iso.date(),
  contractTo: z.iso.date(),
  note: optText(500),
};
const contractOrder = {
  message: '合同结束日期不能早于开始日期 / the contract ends before it starts',
  path: ['contractTo'],
};
export const LawyerInputSchema = z
  .object({ orgId: id, ...lawyerFields })
  .refine((v) => v.contractTo >= v.contractFrom, contractOrder);
export const LawyerPatchSchema = z
  .object({ ...lawyerFields, active: z.boolean(), version: z.number().int().min(1) })
  .partial()
  .required({ version: true })
  .refine((v) => !v.contractFrom || !v.contractTo || v.contractTo >= v.contractFrom, contractOrder);
export const LawyerListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  /** available: active and under contract today. */
  view: z.enum(['all', 'available']).default('all'),
});

/** The rights desk's analysis: a node (default the caller's) and a period holding `date` (default today). */
export const statPeriods = codeList(['month', 'quarter', 'year'] as const, {
  month: '月',
  quarter: '季度',
  year: '年',
});
export type StatPeriod = (typeof statPeriods.codes)[number];
export const ServiceDeskStatsQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  period: statPeriods.schema.default('month'),
  date: z.iso.date().optional(),
});
