import { z } from 'zod';
import { codeList } from './archive-codes.js';
import { cancelReasons, reviewMethods } from './archive-workflow.js';

/**
 * 年度复核 (动态管理, DOMAIN.md): a node opens the year's review; every file in its subtree (在档/解困) is reviewed
 * once by phone callback, home visit or data comparison; the upper union spot-checks a share of the reviews.
 */

/** What a review concludes. 解困/脱困/注销 are proposed to an upper union unless the reviewer may take the step. */
export const reviewOutcomes = codeList(['continue', 'change', 'relieve', 'exit', 'cancel'] as const, {
  continue: '继续帮扶',
  change: '需变更档案',
  relieve: '建议解困',
  exit: '建议脱困',
  cancel: '建议注销',
});
export type ReviewOutcome = (typeof reviewOutcomes.codes)[number];
/** Outcomes that change the file's status through an archive step (archive.approve at an upper node). */
export const STEP_OUTCOMES = ['relieve', 'exit', 'cancel'] as const satisfies readonly ReviewOutcome[];

export const spotResults = codeList(['confirmed', 'discrepancy'] as const, {
  confirmed: '核实无误',
  discrepancy: '存在出入',
});

export const reviewRoundStatuses = codeList(['open', 'closed'] as const, { open: '进行中', closed: '已结束' });

/** The lists of a round's board. */
export const reviewFileStates = codeList(
  [
    'all',
    'not_reviewed',
    'overdue',
    'reviewed',
    'stale',
    'sampled',
    'to_check',
    'discrepancy',
    'needs_change',
    'needs_step',
  ] as const,
  {
    all: '全部',
    not_reviewed: '未复核',
    overdue: '已逾期',
    reviewed: '已复核',
    stale: '超一年未复核',
    sampled: '已抽中',
    to_check: '待抽查',
    discrepancy: '抽查有出入',
    needs_change: '需变更',
    needs_step: '待审批处理',
  },
);
export type ReviewFileState = (typeof reviewFileStates.codes)[number];

/** The default share of reviewed files the upper union spot-checks: 30 %. */
export const DEFAULT_SPOT_SHARE_BP = 3000;

const orgId = z.coerce.number().int().positive().max(2_147_483_647);

/** Open the year's review at a node (default: the caller's node, this year in Beijing, due 31 December). */
export const ReviewRoundOpenSchema = z.object({
  orgId: z.number().int().positive().max(2_147_483_647).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  /** Share of reviewed files to spot-check, in basis points (3000 = 30 %). */
  spotShareBp: z.number().int().min(0).max(10_000).default(DEFAULT_SPOT_SHARE_BP),
  dueOn: z.iso.date().optional(),
});
export type ReviewRoundOpen = z.infer<typeof ReviewRoundOpenSchema>;

export const ReviewRoundQuerySchema = z.object({
  /** Rounds that concern this node: opened at it, above it (covering it) or below it, or holding its files. */
  orgId: orgId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: reviewRoundStatuses.schema.optional(),
});

export const ReviewRoundDetailQuerySchema = z.object({
  /** Progress per child of this node (default: the opening node, or the caller's node when it lies below). */
  orgId: orgId.optional(),
});

export const ReviewRoundFilesQuerySchema = z.object({
  state: reviewFileStates.schema.default('all'),
  /** Files of this node's subtree only. */
  orgId: orgId.optional(),
  /** Name, pinyin initials or file number. */
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ReviewRoundFilesQuery = z.infer<typeof ReviewRoundFilesQuerySchema>;

export const ReviewRoundFileParamSchema = z.object({
  id: orgId,
  householdId: orgId,
});

const text = z.string().trim().min(1).max(1000);

/** A file's review in the round: how and when, what was found, and what follows. */
export const RoundReviewSchema = z
  .object({
    method: z.enum(reviewMethods),
    reviewedOn: z.iso.date(),
    findings: text,
    outcome: reviewOutcomes.schema,
    /** Why the change, 解困, 脱困 or 注销: required for every outcome but continue. */
    reason: z.string().trim().max(1000).optional(),
    /** 注销: death, misidentification, moved away, other. */
    cancelCause: z.enum(cancelReasons).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'continue' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写理由 / Give the reason' });
    if (v.outcome === 'cancel' && !v.cancelCause)
      ctx.addIssue({ code: 'custom', path: ['cancelCause'], message: '请选择注销原因 / Choose the cause' });
  });
export type RoundReview = z.infer<typeof RoundReviewSchema>;

/** The upper union's spot check of a sampled review. */
export const SpotCheckSchema = z
  .object({
    result: spotResults.schema,
    note: z.string().trim().max(1000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.result === 'discrepancy' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: '请说明出入之处 / Describe the discrepancy' });
  });

/** An upper union decides a proposed 解困/脱困/注销: take the step, or decline the proposal. */
export const OutcomeDecisionSchema = z.object({
  decision: z.enum(['take', 'decline']),
  reason: text,
});

const count = z.number().int();
export const ReviewProgressSchema = z.object({
  files: count,
  reviewed: count,
  notReviewed: count,
  overdue: count,
  /** Files that left the archive (脱困, 注销, …) before their review: nothing left to review. */
  left: count,
  stale: count,
  sampled: count,
  checked: count,
  discrepancies: count,
  needsChange: count,
  needsStep: count,
});
export type ReviewProgress = z.infer<typeof ReviewProgressSchema>;

export const ReviewRoundSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  status: reviewRoundStatuses.schema,
  spotShareBp: z.number().int(),
  dueOn: z.string(),
  overdue: z.boolean(),
  openedAt: z.string(),
  openedBy: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  /** How the round relates to the caller: opened at the caller's node or below, above it, or elsewhere. */
  relation: z.enum(['own', 'below', 'above', 'elsewhere']),
  /** Counts over the files in the caller's sight. */
  progress: ReviewProgressSchema,
});
export type ReviewRound = z.infer<typeof ReviewRoundSchema>;

export const ReviewRoundNodeSchema = ReviewProgressSchema.extend({
  orgId: z.number().int(),
  orgName: z.string(),
  /** The anchor node itself (本级), a child subtree, or a node no longer below the opening node (moved). */
  kind: z.enum(['self', 'child', 'moved']),
});

export const ReviewRoundDetailSchema = ReviewRoundSchema.extend({
  anchor: z.object({ orgId: z.number().int(), orgName: z.string() }),
  nodes: z.array(ReviewRoundNodeSchema),
  /** Rounds of the same year opened below the opening node (their files are reviewed there). */
  nested: z.array(z.object({ id: z.number().int(), orgName: z.string() })),
  /** What the caller may do here (the web shows the buttons). */
  may: z.object({ review: z.boolean(), sample: z.boolean(), close: z.boolean(), refresh: z.boolean() }),
});
export type ReviewRoundDetail = z.infer<typeof ReviewRoundDetailSchema>;

export const ReviewRoundFileSchema = z.object({
  householdId: z.number().int(),
  fileNo: z.string(),
  name: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  status: z.string(),
  grade: z.string().nullable(),
  lastReviewedAt: z.string().nullable(),
  nextReviewDue: z.string().nullable(),
  /** Filed more than a year ago and not reviewed for over a year (the archive's stale queue). */
  staleReview: z.boolean(),
  overdue: z.boolean(),
  review: z
    .object({
      at: z.string(),
      by: z.string(),
      method: z.enum(reviewMethods),
      reviewedOn: z.string(),
      findings: z.string(),
      outcome: reviewOutcomes.schema,
      reason: z.string().nullable(),
      cancelCause: z.string().nullable(),
      /** For 解困/脱困/注销: taken, declined, or null while it waits for an upper union. */
      decision: z.enum(['taken', 'declined']).nullable(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string().nullable(),
      decisionNote: z.string().nullable(),
      /** The change request (变更申请) recorded for a 'change' outcome, once one exists. */
      changeId: z.number().int().nullable(),
    })
    .nullable(),
  spot: z
    .object({
      selectedAt: z.string(),
      selectedBy: z.string(),
      checkedAt: z.string().nullable(),
      checkedBy: z.string().nullable(),
      result: spotResults.schema.nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
});
export type ReviewRoundFile = z.infer<typeof ReviewRoundFileSchema>;

export const ReviewSampleResultSchema = z.object({
  /** Files drawn now. */
  drawn: z.number().int(),
  /** Reviewed files this caller may spot-check (below its node, not reviewed by itself). */
  eligible: z.number().int(),
  /** Of those, sampled so far (this draw included): ceil(share × eligible) once the draw is done. */
  sampled: z.number().int(),
  householdIds: z.array(z.number().int()),
});
