import { z } from 'zod';
import { BankInputSchema, HouseholdInputSchema, IncomeInputSchema, MemberInputSchema } from './archive.js';
import { codeList, disabilityKinds, grades, healthStatuses, workStatuses } from './archive-codes.js';
import { PhoneSchema } from './users.js';

/**
 * 变更申请 (动态管理): a change to a file in the archive (在档/解困), proposed by staff or by the worker in
 * self-service, reviewed by the file's union and — when it moves the proposed grade or eligibility — re-approved
 * by an upper union. Each applied change is a new version of the file.
 */
export const changeKinds = codeList(
  [
    'member_join',
    'member_leave',
    'address_phone',
    'bank',
    'work_income',
    'health',
    'causes',
    'housing',
    'other',
  ] as const,
  {
    member_join: '家庭成员增加（出生、婚入等）',
    member_leave: '家庭成员减少（死亡、婚出、迁出等）',
    address_phone: '住址与联系电话',
    bank: '银行账户',
    work_income: '工作与收入',
    health: '健康状况',
    causes: '致困原因',
    housing: '住房',
    other: '其他',
  },
);
export type ChangeKind = (typeof changeKinds.codes)[number];

/**
 * pending (待审核, the file's union) → pending_upper (待上级审批: the grade or eligibility moves) → on_notice
 * (公示中, when the node's setting asks a grade change to be noticed again) → approved (已生效); rejected or
 * withdrawn (by the proposer while not yet decided).
 */
export const changeStatuses = codeList(
  ['pending', 'pending_upper', 'on_notice', 'approved', 'rejected', 'withdrawn'] as const,
  {
    pending: '待审核',
    pending_upper: '待上级审批',
    on_notice: '公示中',
    approved: '已生效',
    rejected: '未通过',
    withdrawn: '已撤回',
  },
);
export type ChangeStatus = (typeof changeStatuses.codes)[number];

const reason = z.string().trim().min(1).max(1000);
const opinion = z.string().trim().min(1).max(1000);

/** Staff propose the whole file as it should read (the edit form, prefilled from the current version). */
export const StaffChangeSchema = z.object({
  /** The version the proposal was made against: the change is refused if the file has moved on since. */
  baseVersion: z.number().int().positive(),
  kinds: z.array(changeKinds.schema).min(1).max(9),
  reason,
  proposed: HouseholdInputSchema,
  /** Attachments already uploaded to the file (evidence: birth certificate, bank card copy …). */
  attachmentIds: z.array(z.number().int().positive()).max(20).default([]),
});
export type StaffChange = z.infer<typeof StaffChangeSchema>;

export const memberLeaveCauses = codeList(['death', 'marriage', 'moved_out', 'other'] as const, {
  death: '死亡',
  marriage: '婚出',
  moved_out: '迁出',
  other: '其他',
});

/**
 * What a worker may change in self-service; the server merges it into the current version. Every part is
 * optional, at least one must be given.
 */
export const SelfChangeSchema = z.object({
  reason,
  phone: PhoneSchema.nullish(),
  address: z.string().trim().max(200).nullish(),
  postalCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullish(),
  bank: BankInputSchema.nullish(),
  /** New members (a newborn: name, relation 子女, ID, birth date). */
  join: z.array(MemberInputSchema).max(5).default([]),
  /** Members who left, by their place in the file's list (1-based, as `GET /self/changes/form` lists them). */
  leave: z
    .array(z.object({ seq: z.number().int().min(1).max(20), cause: memberLeaveCauses.schema }))
    .max(20)
    .default([]),
  workStatus: workStatuses.schema.nullish(),
  employer: z.string().trim().max(100).nullish(),
  incomes: IncomeInputSchema.partial().nullish(),
  health: healthStatuses.schema.nullish(),
  disability: disabilityKinds.schema.nullish(),
});
export type SelfChange = z.infer<typeof SelfChangeSchema>;

/** The file's union reviews (审核); the upper union decides (审批) when the grade or eligibility moves. */
export const ChangeReviewSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), opinion }),
  z.object({ decision: z.literal('reject'), opinion }),
]);
export const ChangeDecideSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    /** The grade the file takes; defaults to the grade the policy proposes for the changed file. */
    grade: grades.schema.nullish(),
    overrideReason: z.string().trim().max(500).nullish(),
    opinion,
  }),
  z.object({ decision: z.literal('reject'), opinion }),
]);
/** The renewed notice ran its days: confirm (the change takes effect) or reject (an objection upheld). */
export const ChangeNoticeSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('confirm'), opinion }),
  z.object({ decision: z.literal('reject'), opinion }),
]);

export const ChangeQuerySchema = z.object({
  /** One status or several separated by commas. */
  status: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((s) => (s ? s.split(',').map((x) => x.trim()) : undefined))
    .pipe(z.array(changeStatuses.schema).min(1).max(6).optional()),
  orgId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ChangeQuery = z.infer<typeof ChangeQuerySchema>;

const gradeOrNull = grades.schema.nullable();

export const ChangeListItemSchema = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  fileNo: z.string(),
  name: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  fileStatus: z.string(),
  kinds: z.array(changeKinds.schema),
  reason: z.string(),
  status: changeStatuses.schema,
  via: z.enum(['staff', 'self']),
  baseVersion: z.number().int(),
  /** The file's version now: a pending change whose base is older is stale. */
  currentVersion: z.number().int(),
  /** The grade in force, the policy's proposal for the file before and after the change. */
  gradeBefore: gradeOrNull,
  gradeProposedBefore: gradeOrNull,
  gradeProposedAfter: gradeOrNull,
  eligibleBefore: z.boolean().nullable(),
  eligibleAfter: z.boolean().nullable(),
  needsUpper: z.boolean(),
  proposedByName: z.string().nullable(),
  proposedAt: z.string(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  noticeEnd: z.string().nullable(),
  appliedVersion: z.number().int().nullable(),
});
export type ChangeListItem = z.infer<typeof ChangeListItemSchema>;

const DiffValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export const DiffEntrySchema = z.object({
  /** Dotted path in the file's input: 'phone', 'bank.cardNumber', 'incomes.wagesFen'. */
  field: z.string(),
  before: DiffValue,
  after: DiffValue,
  /** Personal data shown masked (the caller did not reveal). */
  masked: z.boolean().optional(),
});
export type DiffEntry = z.infer<typeof DiffEntrySchema>;
export const MemberDiffSchema = z.object({
  name: z.string(),
  relation: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(DiffEntrySchema),
});
export const FileDiffSchema = z.object({
  fields: z.array(DiffEntrySchema),
  members: z.array(MemberDiffSchema),
  /** Household size and per-capita monthly income (分) before and after. */
  figures: z.object({
    householdSize: z.object({ before: z.number().int(), after: z.number().int() }),
    perCapitaMonthlyFen: z.object({ before: z.number().int(), after: z.number().int() }),
  }),
  revealed: z.boolean(),
});
export type FileDiff = z.infer<typeof FileDiffSchema>;

export const ChangeDetailSchema = ChangeListItemSchema.extend({
  reviewOpinion: z.string().nullable(),
  decideOpinion: z.string().nullable(),
  grantedGrade: gradeOrNull,
  /** Why the policy proposes the grade after the change (inputs, thresholds, policy version). */
  explanationAfter: z.unknown().nullable(),
  diff: FileDiffSchema,
  attachments: z.array(z.object({ id: z.number().int(), kind: z.string(), filename: z.string() })),
  /** What approving did to the household's grants (bank card changes). */
  result: z.unknown().nullable(),
});

/** A worker's own requests: what and when, never who reviewed or what they wrote. */
export const SelfChangeItemSchema = z.object({
  id: z.number().int(),
  kinds: z.array(changeKinds.schema),
  reason: z.string(),
  status: changeStatuses.schema,
  statusLabel: z.string(),
  proposedAt: z.string(),
  closedAt: z.string().nullable(),
});

/** The worker's requests and the members of their file by place (for "a member leaves"). */
export const SelfChangesSchema = z.object({
  items: z.array(SelfChangeItemSchema),
  members: z.array(z.object({ seq: z.number().int(), name: z.string(), relation: z.string() })),
  fileStatus: z.string(),
});
