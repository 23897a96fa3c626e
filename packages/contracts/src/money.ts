import { z } from 'zod';
import { MeetingInputSchema } from './approvals.js';
import { codeList } from './archive-codes.js';

/** Row ids are int4 in PostgreSQL: a larger id is bad input (400), not a database error. */
export const MAX_DB_ID = 2_147_483_647;
const dbId = () => z.number().int().positive().max(MAX_DB_ID);

/** Assistance programmes (帮扶项目) that pay money. Codes are stable; a template of @bangfu/policy computes each. */
export const programmes = codeList(
  ['living', 'medical', 'education', 'holiday', 'winter', 'enterprise_illness', 'disaster', 'other'] as const,
  {
    living: '生活救助',
    medical: '医疗救助',
    education: '金秋助学',
    holiday: '送温暖',
    winter: '冬季救助',
    enterprise_illness: '大病救助（企业）',
    disaster: '天灾人祸救助',
    other: '其他救助',
  },
);
export type Programme = (typeof programmes.codes)[number];

/** Where money comes from (DOMAIN.md "Money"). */
export const fundSources = codeList(['government', 'union', 'donation'] as const, {
  government: '行政专项拨款/财政配套',
  union: '工会经费',
  donation: '社会捐助',
});

/**
 * Ledger accounts, per node, fund and kind. Debit-normal: cash (the special account's money), allocated_out
 * (passed down the tree), expense (paid to recipients, per programme). Credit-normal: source (received from
 * outside), allocated_in (received from the parent). Every balance is kept ≥ 0 by the database.
 */
export const accountKinds = codeList(['cash', 'source', 'allocated_out', 'allocated_in', 'expense'] as const, {
  cash: '专户存款',
  source: '资金来源',
  allocated_out: '下拨资金',
  allocated_in: '上级拨入',
  expense: '帮扶支出',
});
export const DEBIT_NORMAL = ['cash', 'allocated_out', 'expense'] as const;

export const batchStatuses = codeList(
  ['computing', 'computed', 'pending_approval', 'approved', 'paying', 'closed', 'rejected', 'cancelled'] as const,
  {
    computing: '计算中',
    computed: '待提交',
    pending_approval: '待审批',
    approved: '已审批',
    paying: '发放中',
    closed: '已办结',
    rejected: '已退回',
    cancelled: '已作废',
  },
);
export const grantStatuses = codeList(['proposed', 'approved', 'paid', 'failed', 'void'] as const, {
  proposed: '待审批',
  approved: '待发放',
  paid: '已发放',
  failed: '发放失败',
  void: '已作废',
});
export const paymentMethods = codeList(['bank', 'cash'] as const, { bank: '银行代发', cash: '现金（本人签领）' });

const fen = z.number().int().min(0).max(99_999_999_999);
const positiveFen = z.number().int().min(1).max(99_999_999_999);
const text = (max: number) => z.string().trim().min(1).max(max);

export const FundInputSchema = z.object({
  orgId: dbId(),
  name: text(100),
  source: fundSources.schema,
  /** 专款专用: a restricted fund pays only this programme. */
  restrictedProgramme: programmes.schema.nullable().default(null),
  year: z.number().int().min(2000).max(2100),
  note: z.string().trim().max(500).optional(),
});
export const ReceiptInputSchema = z.object({ amountFen: positiveFen, memo: text(200) });
export const AllocationInputSchema = z.object({
  fromOrgId: dbId(),
  toOrgId: dbId(),
  amountFen: positiveFen,
  memo: text(200),
});
export const BudgetInputSchema = z.object({
  orgId: dbId(),
  programme: programmes.schema,
  year: z.number().int().min(2000).max(2100),
  amountFen: fen,
});

/** A period: a quarter '2027Q1', a year '2027', a month '2027-03', or a campaign key ('2027春节'). */
export const PeriodSchema = z
  .string()
  .trim()
  .min(4)
  .max(40)
  .regex(/^[\p{L}\p{N}_-]+$/u);

export const BatchInputSchema = z.object({
  orgId: dbId(),
  programme: z.literal('living'),
  period: z.string().regex(/^\d{4}Q[1-4]$/, 'YYYYQn'),
  method: paymentMethods.schema.default('bank'),
  fundId: dbId(),
  title: z.string().trim().max(100).optional(),
});
export const DecisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().max(1000).optional(),
  /** Eligibility-only rules (篇十二 winter relief): the amount the deciding union sets when approving, 分. */
  amountFen: z.number().int().min(1).max(99_999_999_999).optional(),
  /** A collective body's decision (领导组, 委员会): the meeting, its members present and their votes. */
  meeting: MeetingInputSchema.optional(),
});
/** A campaign's decision: one amount for every eligibility-only entry (a tier), or one per entry (by id). */
export const CampaignDecisionSchema = DecisionSchema.extend({
  amountsFen: z.record(z.string().regex(/^\d+$/), z.number().int().min(1).max(99_999_999_999)).optional(),
});
/** Rule inputs the system knows about a household (file, grants): filled in by the server, never typed. */
export const systemInputFields = ['grade', 'dibao', 'otherProgrammesReceived'] as const;
export const CommentSchema = z.object({ comment: text(1000) });
export const GrantMarkSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('paid'),
    /** Cash: the recipient signs in person (不得代领); the cadre who handed it over; an optional photo attachment. */
    signature: z
      .object({
        signedName: text(50),
        signedOn: z.iso.date(),
        cadre: text(50),
        photoAttachmentId: z.number().int().optional(),
      })
      .optional(),
    /** An individual application's grant: the fund that pays it (a batch pays from its own fund). */
    fundId: dbId().optional(),
  }),
  z.object({ status: z.literal('failed'), reason: text(200) }),
]);
/** After a failed payment: pay again (once), or void the grant with a reason. */
export const GrantRepaySchema = z.object({ comment: z.string().trim().max(1000).optional() });
export const GrantVoidSchema = z.object({ reason: text(200) });
export const MoneyListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().max(MAX_DB_ID).optional(),
  status: z.string().max(30).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * An application's (or campaign entry's) status: decided by approval, then following its grant — paid, failed (the
 * payment did not go through: re-pay once or void), void (voided after a failure).
 */
export const applicationStatuses = codeList(
  ['pending_approval', 'approved', 'rejected', 'paid', 'failed', 'void'] as const,
  {
    pending_approval: '待审批',
    approved: '已批准',
    rejected: '未批准',
    paid: '已发放',
    failed: '发放失败',
    void: '已作废',
  },
);

/** An individual application (医疗救助, 大病, 天灾人祸) or a campaign entry (送温暖, 金秋助学) for one household. */
export const ApplicationInputSchema = z.object({
  householdId: dbId(),
  /** The template to compute with; a campaign entry uses its campaign's template. */
  templateId: z.string().min(1).max(80).optional(),
  campaignId: dbId().optional(),
  /** 金秋助学: the child (member seq in the file). */
  memberSeq: z.number().int().min(1).max(50).optional(),
  /** The figures the template asks for (e.g. compliantSelfPaidFen), validated by the template. */
  inputs: z.record(z.string(), z.unknown()).default({}),
  /** Period for the one-per-period rule when not a campaign: a year '2027' by default. */
  period: PeriodSchema.optional(),
  method: paymentMethods.schema.default('bank'),
  fundId: dbId().optional(),
  note: z.string().trim().max(1000).optional(),
});

export const campaignProgrammes = ['holiday', 'education', 'winter'] as const;
export const CampaignInputSchema = z.object({
  orgId: dbId(),
  programme: z.enum(campaignProgrammes),
  templateId: z.string().min(1).max(80),
  title: text(100),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  note: z.string().trim().max(1000).optional(),
});
