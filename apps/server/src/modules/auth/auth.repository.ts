import type { Role } from '@bangfu/contracts';
import type { Db } from '../../platform/db/connect.js';
import type { SessionTable } from '../../platform/db/schema.js';
import { systemSelect } from '../../platform/db/scoped.js';
import type { UserRow } from '../users/users.repository.js';

export type UserWithRoles = UserRow & { roles: Role[] };

/** The account signing in (by username) or behind a session (by id), with its roles: no caller scope yet. */
export async function findUserWithRoles(
  db: Db,
  where: { username?: string; id?: number },
): Promise<UserWithRoles | undefined> {
  let qb = systemSelect(db, 'app_user', 'sign-in').selectAll();
  if (where.username !== undefined) qb = qb.where('username', '=', where.username.toLowerCase());
  if (where.id !== undefined) qb = qb.where('id', '=', where.id);
  const row = await qb.executeTakeFirst();
  if (!row) return undefined;
  const roles = await db.selectFrom('user_role').select('role').where('user_id', '=', row.id).execute();
  return { ...row, id: Number(row.id), roles: roles.map((r) => r.role as Role) };
}

/** The name of the signed-in user's node (for `me`). */
export async function orgName(db: Db, orgId: number): Promise<string | undefined> {
  const org = await systemSelect(db, 'org_node', 'session').select('name').where('id', '=', orgId).executeTakeFirst();
  return org?.name;
}

export async function insertSession(trx: Db, row: SessionTable): Promise<void> {
  await trx.insertInto('session').values(row).execute();
}

export function findSession(db: Db, id: string): Promise<SessionTable | undefined> {
  return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function revokeSession(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('session').set({ revoked_at: now }).where('id', '=', id).execute();
}

export async function touchSession(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
}

/** Every other live session of the user ends (after a password change); `keepId` continues. */
export async function revokeOtherSessions(trx: Db, userId: number, keepId: string, now: string): Promise<void> {
  await trx
    .updateTable('session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('id', '!=', keepId)
    .where('revoked_at', 'is', null)
    .execute();
}
