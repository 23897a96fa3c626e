import type { Role, User, UserListQuery } from '@bangfu/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { containsLike } from '../../platform/db/dialect.js';
import type { AppUserTable } from '../../platform/db/schema.js';
import { type ScopedDb, systemSelect } from '../../platform/db/scoped.js';

export type UserRow = Omit<AppUserTable, 'id'> & { id: number };
export type UserWithOrg = UserRow & { org_name: string; roles: Role[] };

const userColumns = [
  'app_user.id',
  'app_user.username',
  'app_user.display_name',
  'app_user.org_id',
  'app_user.org_path',
  'app_user.province_code',
  'app_user.kind',
  'app_user.status',
  'app_user.phone',
  'app_user.password_hash',
  'app_user.must_change_password',
  'app_user.failed_logins',
  'app_user.locked_until',
  'app_user.password_changed_at',
  'app_user.last_login_at',
  'app_user.created_at',
  'app_user.updated_at',
] as const;

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** Rows hold the phone encrypted; the service decrypts with ctx.crypto before presenting. */
export function toUser(
  row: UserWithOrg,
  now: Date,
  decrypt: (c: string | null) => string | null,
  opts: { fullPhone?: boolean } = {},
): User {
  const phone = decrypt(row.phone);
  return {
    id: Number(row.id),
    username: row.username,
    displayName: row.display_name,
    orgId: Number(row.org_id),
    orgName: row.org_name,
    roles: row.roles,
    status: row.status as User['status'],
    phone: opts.fullPhone ? phone : maskPhone(phone),
    locked: row.locked_until !== null && new Date(row.locked_until) > now,
    mustChangePassword: row.must_change_password === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

async function rolesOf(db: Db, ids: number[]): Promise<Map<number, Role[]>> {
  const map = new Map<number, Role[]>();
  if (ids.length === 0) return map;
  // user_role rows are reached only through users already read within scope.
  const rows = await db.selectFrom('user_role').select(['user_id', 'role']).where('user_id', 'in', ids).execute();
  for (const r of rows) {
    const list = map.get(Number(r.user_id)) ?? [];
    list.push(r.role as Role);
    map.set(Number(r.user_id), list);
  }
  for (const list of map.values()) list.sort();
  return map;
}

function withOrg(sdb: ScopedDb) {
  return sdb.selectFrom('app_user').innerJoin('org_node', 'org_node.id', 'app_user.org_id');
}

async function attachRoles(db: Db, rows: (UserRow & { org_name: string })[]): Promise<UserWithOrg[]> {
  const roles = await rolesOf(
    db,
    rows.map((r) => Number(r.id)),
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), roles: roles.get(Number(r.id)) ?? [] }));
}

export async function findById(sdb: ScopedDb, id: number): Promise<UserWithOrg | undefined> {
  const row = await withOrg(sdb)
    .select([...userColumns, 'org_node.name as org_name'])
    .where('app_user.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [u] = await attachRoles(sdb.db, [row as UserRow & { org_name: string }]);
  return u;
}

export async function list(sdb: ScopedDb, q: UserListQuery & { orgPath?: string }) {
  let qb = withOrg(sdb);
  if (q.orgId !== undefined) qb = qb.where('app_user.org_id', '=', q.orgId);
  if (q.q) {
    const text = q.q;
    qb = qb.where((eb) =>
      eb.or([containsLike('app_user.username', text.toLowerCase()), containsLike('app_user.display_name', text)]),
    );
  }
  if (q.status) qb = qb.where('app_user.status', '=', q.status);
  if (q.role) {
    const role = q.role;
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role')
          .select('user_role.user_id')
          .whereRef('user_role.user_id', '=', 'app_user.id')
          .where('user_role.role', '=', role),
      ),
    );
  }
  const [rows, total] = await Promise.all([
    qb
      .select([...userColumns, 'org_node.name as org_name'])
      .orderBy('app_user.org_path')
      .orderBy('app_user.username')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: await attachRoles(sdb.db, rows as (UserRow & { org_name: string })[]), total: Number(total.n) };
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await systemSelect(db, 'app_user', 'uniqueness')
    .select('id')
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

type NewUserRow = Omit<UserRow, 'id' | 'household_id' | 'lockout_notice'> &
  Partial<Pick<UserRow, 'household_id' | 'lockout_notice'>>;

/** The account's id by username (the CLI names accounts by username). */
export async function idOfUsername(db: Db, username: string): Promise<number | undefined> {
  const row = await systemSelect(db, 'app_user', 'cli')
    .select('id')
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

export async function insert(trx: Db, row: NewUserRow, roles: Role[]): Promise<number> {
  const r = await trx.insertInto('app_user').values(row).returning('id').executeTakeFirstOrThrow();
  const id = Number(r.id);
  await setRoles(trx, id, roles);
  return id;
}

export async function update(trx: Db, id: number, patch: Partial<Omit<UserRow, 'id'>>) {
  if (Object.keys(patch).length) await trx.updateTable('app_user').set(patch).where('id', '=', id).execute();
}

export async function setRoles(trx: Db, id: number, roles: Role[]) {
  await trx.deleteFrom('user_role').where('user_id', '=', id).execute();
  if (roles.length)
    await trx
      .insertInto('user_role')
      .values(roles.map((role) => ({ user_id: id, role })))
      .execute();
}

/**
 * Take one sign-in attempt before the password is checked, counted as a failure until the password proves
 * right. One statement decides it on both databases: no row comes back while the account is locked (then no
 * password is verified at all); the attempt that reaches `max` sets the lock itself. A lock that has run out
 * starts the count again.
 */
export async function claimSignInAttempt(
  db: Db,
  id: number,
  opts: { now: string; lockUntil: string; max: number },
): Promise<{ failed: number; lockedUntil: string | null } | undefined> {
  const expired = sql`(locked_until is not null and locked_until <= ${opts.now})`;
  const next = sql`(case when ${expired} then 1 else failed_logins + 1 end)`;
  const row = await db
    .updateTable('app_user')
    .set({
      failed_logins: sql`${next}`,
      locked_until: sql`case when ${next} >= ${opts.max} then ${opts.lockUntil} when ${expired} then null else locked_until end`,
      lockout_notice: sql`case when ${next} >= ${opts.max} then ${opts.lockUntil} else lockout_notice end`,
    })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', opts.now)]))
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirst();
  return row ? { failed: Number(row.failed_logins), lockedUntil: row.locked_until } : undefined;
}

/** The password proved right: the count and any lock clear; the pending lock notice is handed back once. */
export async function recordSignInSuccess(db: Db, id: number, now: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null, lockout_notice: null, last_login_at: now })
    .where('id', '=', id)
    .execute();
}

export async function revokeSessions(trx: Db, userId: number, now: string) {
  await trx
    .updateTable('session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function countUsers(db: Db): Promise<number> {
  const r = await systemSelect(db, 'app_user', 'boot').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
