import type { Generated } from 'kysely';
import type { TenantColumns } from './schema.js';

/** The yearly review (2026-11-30T1700_yearly_review). */

/** A node's review of the year (tenant columns: the opening node). */
export interface ReviewRoundTable extends TenantColumns {
  id: Generated<number>;
  year: number;
  /** Share of reviewed files the upper union spot-checks, basis points (3000 = 30 %). */
  spot_share_bp: number;
  due_on: string;
  /** open | closed */
  status: string;
  opened_by: number | null;
  opened_by_name: string;
  opened_at: string;
  closed_by: number | null;
  closed_by_name: string | null;
  closed_at: string | null;
}

/** One file of a round (tenant columns: the FILE's node, so moves and transfers carry it). */
export interface ReviewRoundFileTable extends TenantColumns {
  id: Generated<number>;
  round_id: number;
  household_id: number;
  year: number;
  added_at: string;
  reviewed_at: string | null;
  reviewed_by: number | null;
  reviewed_by_name: string | null;
  method: string | null;
  reviewed_on: string | null;
  findings: string | null;
  /** continue | change | relieve | exit | cancel */
  outcome: string | null;
  outcome_reason: string | null;
  cancel_cause: string | null;
  change_id: number | null;
  /** For relieve/exit/cancel: taken | declined, null while it waits. */
  decision: string | null;
  decided_at: string | null;
  decided_by: number | null;
  decided_by_name: string | null;
  decision_note: string | null;
  spot_selected: Generated<number>;
  spot_selected_at: string | null;
  spot_selected_by: number | null;
  spot_selected_by_name: string | null;
  spot_checked_at: string | null;
  spot_checked_by: number | null;
  spot_checked_by_name: string | null;
  spot_result: string | null;
  spot_note: string | null;
}
