import type { Generated } from 'kysely';
import type { TenantColumns } from './schema.js';

/** 名单公示 for money (2026-11-30T2200_money_notice): one notice per batch, application or campaign. */
export interface MoneyNoticeTable extends TenantColumns {
  id: Generated<number>;
  /** batch | application | campaign */
  subject_type: string;
  subject_id: number;
  starts_on: string;
  days: number;
  /** The last day of the notice: starts_on + days - 1. */
  ends_on: string;
  opened_by: number | null;
  opened_by_name: string;
  opened_at: string;
}

/** An objection raised during a notice; open until verified with a finding. Open ones block the decision. */
export interface MoneyNoticeObjectionTable extends TenantColumns {
  id: Generated<number>;
  notice_id: number;
  raised_by: string;
  text: string;
  raised_on: string;
  recorded_by: number | null;
  recorded_by_name: string;
  recorded_at: string;
  /** open | verified */
  status: string;
  finding: string | null;
  verified_by: number | null;
  verified_by_name: string | null;
  verified_at: string | null;
}
