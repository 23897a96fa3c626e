import type { Generated } from 'kysely';
import type { TenantColumns } from './schema.js';

/** The approval bodies of seed 000 (2026-11-30T2000_approval_bodies): rosters, meetings, votes. */

/** A node's 组长, 领导组 or 委员会 (one of each kind per node) and its quorum. */
export interface ApprovalBodyTable extends TenantColumns {
  id: Generated<number>;
  /** groupLeader | leadingGroup | committee: the approval chain's level it decides. */
  kind: string;
  name: string;
  chair_required: number;
  /** More than this share (basis points) of the roster present. */
  present_bp: number;
  /** More than this share (basis points) of those present approving. */
  approve_bp: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** One member's place on a body's roster from a date (to a date): chair or member. */
export interface ApprovalBodyMemberTable extends TenantColumns {
  id: Generated<number>;
  body_id: number;
  user_id: number;
  user_name: string;
  role: string;
  from_date: string;
  to_date: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A collective decision's meeting on one subject, with the counts it was judged on. */
export interface ApprovalMeetingTable extends TenantColumns {
  id: Generated<number>;
  body_id: number;
  body_kind: string;
  body_name: string;
  number: string;
  held_on: string;
  subject_type: string;
  subject_id: number;
  decision: string;
  roster_count: number;
  present_count: number;
  approve_count: number;
  chair_required: number;
  present_bp: number;
  approve_bp: number;
  /** [{ name, excused }]: the roster members not counted present. */
  absent_json: string;
  recorded_by: number | null;
  recorded_by_name: string;
  recorded_at: string;
}

/** A present member's vote; recorded_by is set when a fellow member entered it, until its countersignature. */
export interface ApprovalVoteTable extends TenantColumns {
  id: Generated<number>;
  meeting_id: number;
  user_id: number;
  user_name: string;
  role: string;
  vote: string;
  opinion: string | null;
  recorded_by: number | null;
  recorded_by_name: string | null;
  countersigned_at: string | null;
}
