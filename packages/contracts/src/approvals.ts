import { z } from 'zod';
import { codeList } from './archive-codes.js';

/**
 * The approval bodies of seed 000 第三篇 第二十六条(三): 「500元以下由相關組長簽字; 500元以上1000元以下由相關領導組
 * 集體研究,組長簽字; 1000元以上由幫扶中心領導委員會研究,組長簽字。」 A body's kind is the id of the approval chain's
 * level it decides (`seed000.p3.approval`: groupLeader < leadingGroup < committee), so the routing's level names
 * the body without a mapping. A node keeps the rosters (members, chair, from/to dates) and the quorum.
 */
export const approvalBodyKinds = codeList(['groupLeader', 'leadingGroup', 'committee'] as const, {
  groupLeader: '组长',
  leadingGroup: '领导组',
  committee: '帮扶中心委员会',
});
export type ApprovalBodyKind = (typeof approvalBodyKinds.codes)[number];
/** Collective bodies decide in a meeting; the group leader signs alone. */
export const COLLECTIVE_KINDS: readonly ApprovalBodyKind[] = ['leadingGroup', 'committee'];

export const bodyMemberRoles = codeList(['chair', 'member'] as const, { chair: '组长/主任', member: '成员' });
export const ballots = codeList(['approve', 'reject', 'abstain'] as const, {
  approve: '同意',
  reject: '不同意',
  abstain: '弃权',
});

const MAX_DB_ID = 2_147_483_647;
const dbId = () => z.number().int().positive().max(MAX_DB_ID);
const text = (max: number) => z.string().trim().min(1).max(max);
/** A share of the members in basis points: "more than bp/100 %" (5000: a majority). */
const shareBp = z.number().int().min(0).max(9999);

export const ApprovalBodyInputSchema = z.object({
  orgId: dbId(),
  kind: approvalBodyKinds.schema,
  name: text(60),
  /** The chair (组长/主任) must be present for a collective decision (default yes). */
  chairRequired: z.boolean().default(true),
  /** More than this share of the roster present (default 5000: a majority). */
  presentBp: shareBp.default(5000),
  /** More than this share of the members present approving (default 5000: a majority). */
  approveBp: shareBp.default(5000),
});
export const ApprovalBodyPatchSchema = z.object({
  name: text(60).optional(),
  chairRequired: z.boolean().optional(),
  presentBp: shareBp.optional(),
  approveBp: shareBp.optional(),
});
export const BodyMemberInputSchema = z.object({
  userId: dbId(),
  role: bodyMemberRoles.schema,
  fromDate: z.iso.date(),
  toDate: z.iso.date().nullable().optional(),
});
export const BodyMemberPatchSchema = z.object({
  role: bodyMemberRoles.schema.optional(),
  toDate: z.iso.date().nullable().optional(),
});

/**
 * A collective decision's meeting: its number and date, and one ballot per member present (present = voting:
 * approve, reject or abstain). The member who records it must be present; the others' ballots are marked as
 * recorded by them until each member countersigns their own in their own session.
 */
export const MeetingInputSchema = z.object({
  number: text(40),
  heldOn: z.iso.date(),
  votes: z
    .array(z.object({ userId: dbId(), vote: ballots.schema, opinion: z.string().trim().max(500).optional() }))
    .min(1)
    .max(60),
});
export type MeetingInput = z.infer<typeof MeetingInputSchema>;

/** Finance refuses a non-compliant payment (seed 000: 財務人員有權拒絕支付): back to the approvers, with the reason. */
export const RefusePaymentSchema = z.object({ reason: text(1000) });

export const approvalSubjectTypes = ['batch', 'application', 'campaign'] as const;

// ── responses ───────────────────────────────────────────────────────────────────────────────────────────────

export const BodyMemberSchema = z.object({
  id: z.number(),
  userId: z.number(),
  name: z.string(),
  role: bodyMemberRoles.schema,
  fromDate: z.string(),
  toDate: z.string().nullable(),
});
export const ApprovalBodySchema = z.object({
  id: z.number(),
  orgId: z.number(),
  kind: approvalBodyKinds.schema,
  name: z.string(),
  chairRequired: z.boolean(),
  presentBp: z.number(),
  approveBp: z.number(),
  members: z.array(BodyMemberSchema),
});
export type ApprovalBody = z.infer<typeof ApprovalBodySchema>;
export const ApprovalBodyListSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  items: z.array(ApprovalBodySchema),
});
export type ApprovalBodyList = z.infer<typeof ApprovalBodyListSchema>;

/** How a subject will be decided: one approver (no body set), the group leader's signature, or a meeting. */
export const SittingSchema = z.object({
  orgId: z.number(),
  level: z.string(),
  on: z.string(),
  rule: z.enum(['one_approver', 'leader', 'meeting']),
  body: ApprovalBodySchema.omit({ members: true }).nullable(),
  /** The roster in force on `on`; makers of the subject may not vote and are not counted present. */
  roster: z.array(
    z.object({ userId: z.number(), name: z.string(), role: bodyMemberRoles.schema, mayVote: z.boolean() }),
  ),
  /** What the meeting needs: members present (of the roster) and approving votes (of those present, at least). */
  needs: z.object({ present: z.number(), roster: z.number() }).nullable(),
});
export type Sitting = z.infer<typeof SittingSchema>;

export const MeetingVoteSchema = z.object({
  id: z.number(),
  userId: z.number(),
  name: z.string(),
  role: bodyMemberRoles.schema,
  vote: ballots.schema,
  opinion: z.string().nullable(),
  /** Who recorded this ballot when not the member (a fellow member, in the meeting); null: the member themselves. */
  recordedBy: z.string().nullable(),
  /** When the member signed their own ballot in their own session (at once when they recorded it). */
  countersignedAt: z.string().nullable(),
});
export const MeetingSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  bodyId: z.number(),
  bodyKind: approvalBodyKinds.schema,
  bodyName: z.string(),
  number: z.string(),
  heldOn: z.string(),
  subjectType: z.enum(approvalSubjectTypes),
  subjectId: z.number(),
  decision: z.enum(['approve', 'reject']),
  rosterCount: z.number(),
  presentCount: z.number(),
  approveCount: z.number(),
  chairRequired: z.boolean(),
  presentBp: z.number(),
  approveBp: z.number(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  /** The roster members not counted present: absent, or excused (回避) as makers of the subject. */
  absent: z.array(z.object({ name: z.string(), excused: z.boolean() })),
  votes: z.array(MeetingVoteSchema),
});
export type Meeting = z.infer<typeof MeetingSchema>;
export const MeetingListSchema = z.object({ items: z.array(MeetingSchema) });
export type MeetingList = z.infer<typeof MeetingListSchema>;
