import type { Generated } from 'kysely';

/**
 * Typed tables. Timestamps are ISO-8601 strings in code on both dialects (timestamptz in PostgreSQL,
 * text in SQLite); flags are integers 0/1; money is integer 分.
 *
 * Tenant tables carry org_id, org_path (the owning node's materialised path, for subtree scoping) and
 * province_code (the distribution/partition key for national scale).
 */
export interface OrgNodeTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  type: string;
  division_code: string | null;
  status: string;
  /** Materialised path of ids: '/1/7/42/'. Subtree = path range [p, p + '~'). */
  path: string;
  depth: number;
  province_code: string;
  sort_key: string;
  created_at: string;
  updated_at: string;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_id: number;
  org_path: string;
  province_code: string;
  kind: string;
  status: string;
  phone: string | null;
  password_hash: string;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface SessionTable {
  /** sha256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  chain: string;
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  org_path: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  chain: string;
  seq: number;
  hash: string;
}

export interface Database {
  org_node: OrgNodeTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

/** Tables whose rows belong to an organisation node and must be read through a scope. */
export type TenantTable = 'app_user' | 'audit_log';
