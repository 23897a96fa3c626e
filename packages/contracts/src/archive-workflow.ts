import { z } from 'zod';
import { codeList, grades } from './archive-codes.js';

const opinion = z.string().trim().min(1).max(1000);

/** 入户核实: the unit's home visit before the notice. */
export const HomeVisitSchema = z.object({
  visitedOn: z.iso.date(),
  visitors: z.string().trim().min(1).max(200),
  findings: opinion,
});

/** Unit review (审核): pass → public notice; reject → the file ends as 未通过 with the reason. */
export const ReviewDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('pass'), visit: HomeVisitSchema, opinion }),
  z.object({ decision: z.literal('reject'), reason: opinion }),
]);

/** An objection during the notice (异议): the case goes back to verification. */
export const ObjectionSchema = z.object({
  reason: opinion,
  raisedBy: z.string().trim().max(100).nullish(),
});

/** After verifying an objection: a new notice, or rejection (the objection is upheld). */
export const VerificationSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('renotice'), findings: opinion }),
  z.object({ decision: z.literal('reject'), reason: opinion }),
]);

/** The upper union's approval (审批): confirm or override the proposed grade (with a reason), or reject. */
export const ApprovalSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    grade: grades.schema,
    overrideReason: z.string().trim().max(500).nullish(),
    opinion,
  }),
  z.object({ decision: z.literal('reject'), reason: opinion }),
]);

export const ArchiveSettingsSchema = z.object({
  /** 公示 days: 3 or 7 in the seeds; 1–30 allowed. */
  noticeDays: z.number().int().min(1).max(30),
  /** Review interval of filed households, at least yearly. */
  reviewMonths: z.number().int().min(1).max(12),
  /** A change request that moves the grade runs through 公示 again before it takes effect (inherited like the days). */
  renoticeGradeChange: z.boolean().default(false),
});
export type ArchiveSettings = z.infer<typeof ArchiveSettingsSchema>;

/** 动态管理: a periodic review by phone callback, home visit or data comparison. */
export const reviewMethods = ['phone', 'visit', 'data'] as const;
export const ReviewRecordSchema = z.object({
  method: z.enum(reviewMethods),
  reviewedOn: z.iso.date(),
  findings: z.string().trim().min(1).max(1000),
});

/** Leaving or changing state: 解困, 脱困, 注销 (death, misidentification, other). */
export const StatusChangeSchema = z.object({ reason: z.string().trim().min(1).max(1000) });
export const cancelReasons = ['death', 'misidentified', 'moved_away', 'other'] as const;
export const CancelSchema = z.object({ cause: z.enum(cancelReasons), reason: z.string().trim().min(1).max(1000) });
export const TransferSchema = z.object({
  toOrgId: z.number().int().positive(),
  reason: z.string().trim().min(1).max(1000),
});

export const archiveQueues = ['due', 'overdue', 'stale', 'never_assisted', 'notice', 'exit_proposed'] as const;

/** 动态管理: the household's income of one month (total of all members, 分); corrected by writing it again. */
export const IncomeMonthParamSchema = z.object({
  id: z.coerce.number().int().positive(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
});
export const IncomeMonthInputSchema = z.object({
  householdIncomeFen: z.number().int().min(0).max(10_000_000_00),
  note: z.string().trim().max(500).optional(),
});
export const IncomeMonthSchema = z.object({
  month: z.string(),
  householdIncomeFen: z.number().int(),
  householdSize: z.number().int(),
  perCapitaFen: z.number().int(),
  /** The 低保 line in force that month at the file's node (null: no policy adopted). */
  dibaoLineFen: z.number().int().nullable(),
  aboveLine: z.boolean(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export const IncomeRecordSchema = z.object({
  items: z.array(IncomeMonthSchema),
  /** 脱困 proposal: 6 consecutive months above the 低保 line (seed 004 篇一); staff confirm the causes are gone. */
  outOfHardship: z.object({
    proposed: z.boolean(),
    consecutiveMonthsAbove: z.number().int(),
    since: z.string().nullable(),
    required: z.number().int(),
    explanation: z.object({ zh: z.string(), en: z.string() }),
  }),
});
export type ArchiveQueue = (typeof archiveQueues)[number];
export const QueueParamSchema = z.object({ queue: z.enum(archiveQueues) });

/**
 * The steps of their own file a worker sees in self-service (`GET /self/file`), in the worker's words: the file's
 * events by action; others (internal checks, spot checks, income records) stay with the union.
 */
export const selfSteps = codeList(
  [
    'create',
    'submit',
    'review_pass',
    'review_reject',
    'objection',
    'renotice',
    'objection_upheld',
    'notice_passed',
    'approve',
    'approval_reject',
    'review_record',
    'relieve',
    'exit',
    'transfer',
    'change_proposed',
    'change_reviewed',
    'change_notice',
    'change_applied',
    'change_rejected',
    'change_withdrawn',
  ] as const,
  {
    create: '建立档案',
    submit: '提交申请',
    review_pass: '审核通过，进入公示',
    review_reject: '审核未通过',
    objection: '公示期间收到异议，正在核实',
    renotice: '核实完毕，重新公示',
    objection_upheld: '经核实未通过',
    notice_passed: '公示期满，报上级审批',
    approve: '审批通过，纳入帮扶档案',
    approval_reject: '审批未通过',
    review_record: '档案复核',
    relieve: '解困',
    exit: '脱困',
    transfer: '档案转移',
    change_proposed: '提交信息变更申请',
    change_reviewed: '信息变更审核通过，报上级审批',
    change_notice: '信息变更审批通过，进入公示',
    change_applied: '信息变更已生效',
    change_rejected: '信息变更未通过',
    change_withdrawn: '撤回信息变更申请',
  },
);
