import { createHash, randomBytes } from 'node:crypto';
import { type Me, permissionsOf } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Actor } from '../../platform/auth/actor.js';
import { assertStrongPassword, dummyHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import type { SlidingWindowLimiter } from '../../platform/auth/rate-limit.js';
import type { SessionInfo } from '../../platform/auth/session.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import * as users from '../users/users.repository.js';
import * as repo from './auth.repository.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** The rate limiter's window for sign-in attempts (per address and per username). */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/**
 * last_seen_at is written only when a tenth of the idle timeout has passed since the last write, so reads do
 * not all turn into writes; the idle check allows that same tenth, so an active user never expires early.
 */
const touchEveryMs = (idleMinutes: number) => (idleMinutes * 60_000) / 10;

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export interface LoginResult {
  token: string;
  expiresAt: string;
  actor: Actor;
  /** The end of a lock the user has not yet been told about (failed attempts since their last sign-in). */
  lockoutNotice: string | null;
}

function actorOf(u: repo.UserWithRoles, ip: string | null): Actor {
  return {
    userId: Number(u.id),
    username: u.username,
    displayName: u.display_name,
    roles: u.roles,
    scope: { orgId: Number(u.org_id), path: u.org_path, provinceCode: u.province_code },
    ip,
  };
}

/**
 * Sign in. Every refusal that could tell an outsider something — unknown username, wrong password, locked
 * account — is the same AUTH_INVALID_CREDENTIALS with no details, after one argon2 verification each (a
 * dummy hash when there is no account or it is locked), so answers and timing match. The account's attempt
 * is taken in the database before the password is checked (`claimSignInAttempt`): after MAX_FAILED_LOGINS
 * failures no password is verified until the lock runs out, however many requests arrive at once. Only a
 * correct password learns that the account is disabled; a lock is shown to the user after their next correct
 * sign-in (`lockoutNotice`) and to administrators in the user list.
 */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
  limiter?: SlidingWindowLimiter,
): Promise<LoginResult> {
  const keys = [
    { key: `ip:${input.ip ?? '-'}`, limit: ctx.config.login.maxPerIp },
    { key: `user:${input.username.trim().toLowerCase()}`, limit: ctx.config.login.maxPerAccount },
  ];
  const slot = limiter?.take(keys);
  if (slot && !slot.ok) throw new AppError('RATE_LIMITED', { retryAfterSeconds: slot.retryAfter });
  const refuse = () => new AppError('AUTH_INVALID_CREDENTIALS');
  const u = await repo.findUserWithRoles(ctx.db, { username: input.username });
  if (!u) {
    await verifyPassword(await dummyHash(), input.password);
    throw refuse();
  }
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const actor = actorOf(u, input.ip);
  const audit = (action: string, trx: typeof ctx.db, after?: unknown) =>
    appendAudit(trx, ctx.clock, actor, {
      action,
      entityType: 'user',
      entityId: u.id,
      orgPath: u.org_path,
      chain: u.province_code,
      after,
    });
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
  const claim = await users.claimSignInAttempt(ctx.db, u.id, { now: nowIso, lockUntil, max: MAX_FAILED_LOGINS });
  if (!claim) {
    // Locked: the password is not checked; the dummy verification keeps the answer's timing.
    await verifyPassword(await dummyHash(), input.password);
    await transaction(ctx, (trx) => audit('auth.login_locked', trx));
    throw refuse();
  }
  const ok = await verifyPassword(u.password_hash, input.password);
  if (!ok) {
    const locked = claim.lockedUntil !== null && claim.failed >= MAX_FAILED_LOGINS;
    await transaction(ctx, (trx) =>
      audit(locked ? 'auth.locked' : 'auth.login_failed', trx, {
        failedLogins: claim.failed,
        ...(locked ? { lockedUntil: claim.lockedUntil } : {}),
      }),
    );
    throw refuse();
  }
  if (u.status !== 'active') {
    await users.update(ctx.db, u.id, { failed_logins: 0, locked_until: null });
    throw new AppError('AUTH_DISABLED');
  }
  if (slot?.ok)
    limiter?.release(
      keys.map((k) => k.key),
      slot.stamp,
    );
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.session.maxHours * 3_600_000).toISOString();
  await transaction(ctx, async (trx) => {
    await repo.insertSession(trx, {
      id: tokenId(token),
      user_id: u.id,
      created_at: nowIso,
      last_seen_at: nowIso,
      expires_at: expiresAt,
      revoked_at: null,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await users.recordSignInSuccess(trx, u.id, nowIso);
    await audit('auth.login', trx);
  });
  const lockoutNotice = u.lockout_notice && u.lockout_notice <= nowIso ? u.lockout_notice : null;
  return { token, expiresAt, actor, lockoutNotice };
}

/** Resolve a cookie token to its actor, enforcing revocation, absolute expiry and the idle timeout. */
export async function resolveSession(ctx: AppContext, token: string, ip: string | null): Promise<SessionInfo> {
  const id = tokenId(token);
  const s = await repo.findSession(ctx.db, id);
  if (!s || s.revoked_at) throw new AppError('AUTH_REQUIRED');
  const now = ctx.clock.now();
  const idleMs = ctx.config.session.idleMinutes * 60_000;
  const idleLimit = new Date(
    new Date(s.last_seen_at).getTime() + idleMs + touchEveryMs(ctx.config.session.idleMinutes),
  );
  if (new Date(s.expires_at) <= now || idleLimit <= now) {
    await repo.revokeSession(ctx.db, id, now.toISOString());
    throw new AppError('AUTH_SESSION_EXPIRED');
  }
  const u = await repo.findUserWithRoles(ctx.db, { id: Number(s.user_id) });
  if (u?.status !== 'active') throw new AppError('AUTH_REQUIRED');
  if (now.getTime() - new Date(s.last_seen_at).getTime() > touchEveryMs(ctx.config.session.idleMinutes)) {
    await repo.touchSession(ctx.db, id, now.toISOString());
  }
  return { actor: actorOf(u, ip), mustChangePassword: u.must_change_password === 1, sessionId: id };
}

export async function logout(ctx: AppContext, session: SessionInfo): Promise<void> {
  await transaction(ctx, async (trx) => {
    await repo.revokeSession(trx, session.sessionId, ctx.clock.now().toISOString());
    await appendAudit(trx, ctx.clock, session.actor, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: session.actor.userId,
      orgPath: session.actor.scope.path,
      chain: session.actor.scope.provinceCode,
    });
  });
}

export async function changePassword(
  ctx: AppContext,
  session: SessionInfo,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const u = await repo.findUserWithRoles(ctx.db, { id: session.actor.userId ?? -1 });
  if (!u) throw new AppError('AUTH_REQUIRED');
  if (!(await verifyPassword(u.password_hash, currentPassword))) throw new AppError('AUTH_WRONG_PASSWORD');
  if (currentPassword === newPassword) throw new AppError('AUTH_PASSWORD_REUSED');
  assertStrongPassword(newPassword, u.username);
  const hash = await hashPassword(newPassword);
  await transaction(ctx, async (trx) => {
    const now = ctx.clock.now().toISOString();
    await users.update(trx, u.id, {
      password_hash: hash,
      must_change_password: 0,
      password_changed_at: now,
      updated_at: now,
    });
    // Every other session of this user ends; the current one continues.
    await repo.revokeOtherSessions(trx, u.id, session.sessionId, now);
    await appendAudit(trx, ctx.clock, session.actor, {
      action: 'auth.change_password',
      entityType: 'user',
      entityId: u.id,
      orgPath: u.org_path,
      chain: u.province_code,
    });
  });
}

export async function me(ctx: AppContext, session: SessionInfo): Promise<Me> {
  const orgName = await repo.orgName(ctx.db, session.actor.scope.orgId);
  return {
    id: session.actor.userId ?? 0,
    username: session.actor.username,
    displayName: session.actor.displayName,
    orgId: session.actor.scope.orgId,
    orgName: orgName ?? '',
    orgPath: session.actor.scope.path,
    roles: [...session.actor.roles],
    permissions: [...permissionsOf(session.actor.roles)].sort(),
    mustChangePassword: session.mustChangePassword,
    idleTimeoutMinutes: ctx.config.session.idleMinutes,
  };
}
