import { type Action, can, type Role } from '@bangfu/contracts';
import { AppError } from '../errors.js';

/** The caller's place in the tree. Every tenant query is bounded by it. */
export interface Scope {
  orgId: number;
  /** Materialised path of the caller's node, e.g. '/1/7/'. */
  path: string;
  provinceCode: string;
}

/** Who is acting: a signed-in user, or the system itself (CLI, boot). */
export interface Actor {
  userId: number | null;
  username: string;
  displayName: string;
  roles: readonly Role[];
  scope: Scope;
  ip?: string | null;
  /** The system actor (CLI, bootstrap) holds every right at its scope. */
  system?: boolean;
}

export function require(actor: Actor, action: Action): void {
  if (actor.system) return;
  if (!can(actor.roles, action)) throw new AppError('FORBIDDEN', { action });
}

/** At least one of the actions (e.g. a batch comment by its proposer, approver or finance). */
export function requireAny(actor: Actor, anyOf: readonly Action[]): void {
  if (actor.system) return;
  if (!anyOf.some((a) => can(actor.roles, a))) throw new AppError('FORBIDDEN', { action: anyOf.join('|') });
}

export function allows(actor: Actor, action: Action): boolean {
  return actor.system === true || can(actor.roles, action);
}

/** Is a node (by its path) inside the caller's subtree? */
export function pathInScope(scope: Scope, path: string): boolean {
  return path.startsWith(scope.path);
}

export function systemActor(scope: Scope, name = 'system'): Actor {
  return { userId: null, username: name, displayName: name, roles: [], scope, system: true };
}
