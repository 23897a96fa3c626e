import { type Action, permissionMatrix, type Role } from '@bangfu/contracts';

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

/**
 * Rights that must never be granted at one's own node: money, personal data (incl. confidential
 * complainants, servicedesk.reveal), final decisions (archive approval, legal-aid decisions), accounts.
 */
export const SENSITIVE_ACTIONS: readonly Action[] = [
  'payment.approve',
  'fund.write',
  'personal.reveal',
  'servicedesk.reveal',
  'archive.approve',
  'legalaid.decide',
  'user.write',
];

/** Roles carrying a sensitive right: today admin, intake_clerk, reviewer, approver, finance, auditor. */
export function isSensitiveRole(role: Role): boolean {
  return permissionMatrix[role].some((a) => SENSITIVE_ACTIONS.includes(a));
}

/**
 * Separation of duties for accounts (issue 8, item 6). An administrator (user.write) at node P:
 * - administers any account, with any roles, at nodes strictly below P;
 * - at P itself, only accounts that hold and receive no sensitive role (hotline, employment, legal aid,
 *   worker; not the auditor, who sees confidential complainants): a sensitive role at P — and so the admin role at P — is granted, changed, reset or
 *   disabled only by an administrator of a node above P (at the root: by the CLI, `bangfu user`);
 * - never changes their own roles, node or status, nor resets their own password through the admin path.
 * The system actor (CLI, bootstrap, factories) is not bound by it. Paths are materialised ('/1/7/').
 * Returns the refusal's error code, or null when allowed.
 */
export function accountChangeRefusal(
  actor: { userId: number | null; system?: boolean; path: string },
  target: { id?: number; path: string; roles: readonly Role[] },
): 'USER_SELF_CHANGE' | 'USER_GRANT_NOT_ALLOWED' | null {
  if (actor.system) return null;
  if (target.id !== undefined && target.id === actor.userId) return 'USER_SELF_CHANGE';
  if (target.path.startsWith(actor.path) && target.path.length > actor.path.length) return null;
  return target.roles.some(isSensitiveRole) ? 'USER_GRANT_NOT_ALLOWED' : null;
}
