import type { Role } from '@bangfu/contracts';

/** Worker self-service accounts hold the worker role alone; staff never hold it. */
export function rolesConflict(roles: readonly Role[]): boolean {
  return roles.includes('worker') && roles.length > 1;
}

/** An administrator may not lock themselves out: no self-disable, no dropping their own admin role. */
export function isSelfLockout(
  actorId: number | null,
  targetId: number,
  change: { status?: string; roles?: readonly Role[] },
): boolean {
  if (actorId !== targetId) return false;
  if (change.status === 'disabled') return true;
  return change.roles !== undefined && !change.roles.includes('admin');
}
