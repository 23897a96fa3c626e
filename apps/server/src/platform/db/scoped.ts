import type { SelectQueryBuilder } from 'kysely';
import type { Scope } from '../auth/actor.js';
import type { Db } from './connect.js';
import type { Database, TenantTable } from './schema.js';

/** The column that holds the owning node's path, per scoped table. */
const pathColumn = {
  org_node: 'path',
  app_user: 'org_path',
  audit_log: 'org_path',
  household: 'org_path',
  household_member: 'org_path',
  household_version: 'org_path',
  household_event: 'org_path',
  household_change: 'org_path',
  archive_import: 'org_path',
  archive_import_row: 'org_path',
  eligibility_policy: 'org_path',
  household_attachment: 'org_path',
  household_income_month: 'org_path',
  programme_rule: 'org_path',
  fund: 'org_path',
  ledger_account: 'org_path',
  ledger_entry: 'org_path',
  ledger_line: 'org_path',
  programme_budget: 'org_path',
  disbursement_batch: 'org_path',
  assistance_application: 'org_path',
  assistance_grant: 'org_path',
  approval: 'org_path',
  approval_body: 'org_path',
  approval_body_member: 'org_path',
  approval_meeting: 'org_path',
  approval_vote: 'org_path',
  goods_stock: 'org_path',
  goods_movement: 'org_path',
  certificate: 'org_path',
  campaign: 'org_path',
  work_order: 'org_path',
  work_order_action: 'org_path',
  work_order_supervision: 'org_path',
  work_order_attachment: 'org_path',
  duty_shift: 'org_path',
  legal_lawyer: 'org_path',
  legal_aid_application: 'org_path',
  legal_aid_step: 'org_path',
  legal_aid_attachment: 'org_path',
  review_round: 'org_path',
  review_round_file: 'org_path',
  money_notice: 'org_path',
  money_notice_objection: 'org_path',
} as const;
export type ScopedTable = TenantTable | 'org_node';

/**
 * Every tenant table (rows that carry org_id, org_path and province_code), for work that must touch all of them
 * at once: a subtree move rewrites their paths. A new tenant table is added to `pathColumn` and is then moved too.
 */
export const tenantTables = Object.keys(pathColumn).filter((t) => t !== 'org_node') as TenantTable[];

/** Upper bound of a subtree range: '~' sorts after every digit and '/'. */
export const subtreeEnd = (path: string) => `${path}~`;

/**
 * The only door to tenant tables for reads. Repositories receive a ScopedDb built from the caller's scope,
 * so every select is already bounded to the caller's subtree: an unscoped read cannot be written by accident.
 * (A unit test fails if any module calls selectFrom on a tenant table outside this file.)
 */
export class ScopedDb {
  constructor(
    readonly db: Db,
    readonly scope: Scope,
  ) {}

  selectFrom<T extends ScopedTable>(table: T): SelectQueryBuilder<Database, T, {}> {
    const col = `${table}.${pathColumn[table]}`;
    const qb = this.db.selectFrom(table as ScopedTable) as any;
    return qb.where(col, '>=', this.scope.path).where(col, '<', subtreeEnd(this.scope.path));
  }

  /** Within a transaction: the same scope over the transaction's connection. */
  with(db: Db): ScopedDb {
    return new ScopedDb(db, this.scope);
  }
}

/**
 * Reads that by their nature precede or stand outside any scope (sign-in by username, boot, the CLI's
 * audit verification). Each call names its reason so that a reviewer sees every such read.
 */
export function systemSelect<T extends ScopedTable>(
  db: Db,
  table: T,
  _reason:
    | 'sign-in'
    | 'session'
    | 'boot'
    | 'cli'
    | 'audit-verify'
    | 'uniqueness'
    | 'self'
    | 'policy-inheritance'
    | 'ledger-posting'
    | 'approval-routing'
    | 'work-order-routing'
    | 'legal-roster'
    | 'rule-inputs'
    | 'review-coverage'
    | 'bank-change',
): SelectQueryBuilder<Database, T, {}> {
  return db.selectFrom(table as ScopedTable) as unknown as SelectQueryBuilder<Database, T, {}>;
}
