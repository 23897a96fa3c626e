import type { AppContext } from '../context.js';
import type { Actor } from './actor.js';

/** A signed-in request's session: who acts, and whether they must change their password first. */
export interface SessionInfo {
  actor: Actor;
  mustChangePassword: boolean;
  sessionId: string;
}

/**
 * Turns a session cookie's token into its session, or throws AUTH_REQUIRED / AUTH_SESSION_EXPIRED. The HTTP
 * plumbing takes it as a parameter (the auth module provides it, the composition root wires it in).
 */
export type ResolveSession = (ctx: AppContext, token: string, ip: string | null) => Promise<SessionInfo>;
