import type { CreateUser, Role, UpdateUser, User, UserListQuery } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { assertStrongPassword, hashPassword } from '../../platform/auth/passwords.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { toCsv } from '../../platform/tabular/read.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { accountChangeRefusal, isSelfLockout, rolesConflict } from './users.policy.js';
import * as repo from './users.repository.js';

const auditOf = (ctx: AppContext, u: repo.UserWithOrg) => ({
  username: u.username,
  displayName: u.display_name,
  orgId: Number(u.org_id),
  roles: u.roles,
  status: u.status,
  phone: repo.maskPhone(ctx.crypto.decryptNullable(u.phone)),
});

const present = (ctx: AppContext, u: repo.UserWithOrg, opts: { fullPhone?: boolean } = {}) =>
  repo.toUser(u, ctx.clock.now(), ctx.crypto.decryptNullable, opts);

/** The accounts rule of users.policy.ts, as an error. */
export function assertMayAdminister(actor: Actor, target: { id?: number; path: string; roles: readonly Role[] }) {
  const refusal = accountChangeRefusal({ userId: actor.userId, system: actor.system, path: actor.scope.path }, target);
  if (refusal) throw new AppError(refusal, { roles: target.roles });
}

async function mustFind(sdb: ScopedDb, id: number) {
  const u = await repo.findById(sdb, id);
  if (!u) throw new AppError('USER_NOT_FOUND', { id });
  return u;
}

export async function listUsers(ctx: AppContext, actor: Actor, q: UserListQuery) {
  require(actor, 'user.read');
  const { rows, total } = await repo.list(new ScopedDb(ctx.db, actor.scope), q);
  return { items: rows.map((r) => present(ctx, r)), total, limit: q.limit, offset: q.offset };
}

/** The detail view shows the full phone number: a read of personal data, audited. */
export async function getUser(ctx: AppContext, actor: Actor, id: number): Promise<User> {
  require(actor, 'user.read');
  const u = await mustFind(new ScopedDb(ctx.db, actor.scope), id);
  if (u.phone) {
    await transaction(ctx, (trx) =>
      appendAudit(trx, ctx.clock, actor, {
        action: 'user.read_personal',
        entityType: 'user',
        entityId: id,
        orgPath: u.org_path,
        chain: u.province_code,
        after: { fields: ['phone'] },
      }),
    );
  }
  return present(ctx, u, { fullPhone: true });
}

/**
 * Create an account. `link` is for self.binding only: a worker account opened from a file by the union that
 * holds it (the caller has checked the file is in scope); the users API never links an account to a file.
 */
export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: CreateUser,
  link?: { householdId: number; personBidx: string; fileNo: string },
): Promise<User> {
  require(actor, 'user.write');
  if (rolesConflict(input.roles)) throw new AppError('USER_ROLE_NOT_ALLOWED', { roles: input.roles });
  assertStrongPassword(input.password, input.username, input.displayName);
  const passwordHash = await hashPassword(input.password);
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const org = await orgRepo.findActiveOrThrow(sdb, input.orgId);
    assertMayAdminister(actor, { path: org.path, roles: input.roles });
    if (await repo.usernameTaken(trx, input.username))
      throw new AppError('USER_DUPLICATE_USERNAME', { username: input.username });
    const now = ctx.clock.now().toISOString();
    const roles = [...new Set(input.roles)].sort() as Role[];
    const id = await repo.insert(
      trx,
      {
        username: input.username.toLowerCase(),
        display_name: input.displayName,
        org_id: org.id,
        org_path: org.path,
        province_code: org.province_code,
        kind: roles.includes('worker') ? 'worker' : 'staff',
        status: 'active',
        phone: ctx.crypto.encryptNullable(input.phone),
        password_hash: passwordHash,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: now,
        last_login_at: null,
        created_at: now,
        updated_at: now,
        // A worker account is never linked to a file here (nor told whether an ID holds one): see self.binding.
        person_bidx: link?.personBidx ?? null,
        household_id: link?.householdId ?? null,
      },
      roles,
    );
    const created = await mustFind(sdb, id);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      orgPath: org.path,
      chain: org.province_code,
      after: { ...auditOf(ctx, created), ...(link ? { linkedFile: link.fileNo } : {}) },
    });
    return present(ctx, created);
  });
}

export async function updateUser(ctx: AppContext, actor: Actor, id: number, input: UpdateUser): Promise<User> {
  require(actor, 'user.write');
  if (input.roles && rolesConflict(input.roles)) throw new AppError('USER_ROLE_NOT_ALLOWED', { roles: input.roles });
  if (isSelfLockout(actor.userId, id, input)) throw new AppError('USER_SELF_LOCKOUT');
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const before = await mustFind(sdb, id);
    const newRoles = (input.roles ?? before.roles) as Role[];
    if (actor.userId === id) {
      // One's own name and phone, nothing else: never one's roles, node or status.
      if (input.roles !== undefined || input.orgId !== undefined || input.status !== undefined)
        throw new AppError('USER_SELF_CHANGE');
    } else assertMayAdminister(actor, { id, path: before.org_path, roles: [...before.roles, ...newRoles] });
    const now = ctx.clock.now().toISOString();
    const patch: Parameters<typeof repo.update>[2] = {};
    if (input.displayName !== undefined) patch.display_name = input.displayName;
    if (input.phone !== undefined) patch.phone = ctx.crypto.encryptNullable(input.phone);
    if (input.status !== undefined) patch.status = input.status;
    if (input.orgId !== undefined && input.orgId !== Number(before.org_id)) {
      const org = await orgRepo.findActiveOrThrow(sdb, input.orgId);
      if (actor.userId !== id) assertMayAdminister(actor, { id, path: org.path, roles: newRoles });
      Object.assign(patch, { org_id: org.id, org_path: org.path, province_code: org.province_code });
    }
    patch.updated_at = now;
    await repo.update(trx, id, patch);
    if (input.roles) await repo.setRoles(trx, id, [...new Set(input.roles)].sort() as Role[]);
    const rolesChanged =
      input.roles !== undefined && [...new Set(input.roles)].sort().join() !== [...before.roles].sort().join();
    // Sessions end only when what they were granted changes: disabled, other roles, another node.
    if ((input.status === 'disabled' && before.status !== 'disabled') || rolesChanged || patch.org_id)
      await repo.revokeSessions(trx, id, now);
    const after = await mustFind(sdb, id);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      orgPath: after.org_path,
      chain: after.province_code,
      before: auditOf(ctx, before),
      after: auditOf(ctx, after),
    });
    return present(ctx, after);
  });
}

/** An administrator sets a new initial password: lockout cleared, sessions revoked, change forced at next sign-in. */
export async function resetPassword(ctx: AppContext, actor: Actor, id: number, newPassword: string): Promise<void> {
  require(actor, 'user.write');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const target = await mustFind(sdb, id);
  assertMayAdminister(actor, { id, path: target.org_path, roles: target.roles });
  assertStrongPassword(newPassword, target.username, target.display_name);
  const passwordHash = await hashPassword(newPassword);
  await transaction(ctx, async (trx) => {
    const now = ctx.clock.now().toISOString();
    await repo.update(trx, id, {
      password_hash: passwordHash,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: now,
      updated_at: now,
    });
    await repo.revokeSessions(trx, id, now);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      orgPath: target.org_path,
      chain: target.province_code,
    });
  });
}

/** Export the subtree's users, phones masked, in pages. */
export async function exportUsersCsv(ctx: AppContext, actor: Actor): Promise<string> {
  require(actor, 'user.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const rows: unknown[][] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await repo.list(sdb, { limit: 500, offset });
    for (const u of page.rows)
      rows.push([
        u.username,
        u.display_name,
        u.org_name,
        u.roles.join(' '),
        u.status,
        repo.maskPhone(ctx.crypto.decryptNullable(u.phone)) ?? '',
      ]);
    if (page.rows.length < 500) break;
  }
  await transaction(ctx, (trx) =>
    appendAudit(trx, ctx.clock, actor, {
      action: 'user.export',
      entityType: 'user',
      orgPath: actor.scope.path,
      chain: actor.scope.provinceCode,
      after: { rows: rows.length },
    }),
  );
  return toCsv(['用户名', '姓名', '所属组织', '角色', '状态', '手机'], rows);
}
