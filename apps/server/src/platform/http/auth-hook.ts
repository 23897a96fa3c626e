import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import type { ResolveSession, SessionInfo } from '../auth/session.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';

export const SESSION_COOKIE = 'bangfu_sid';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health). */
    public?: boolean;
    /** Reachable while the user must still change their initial password. */
    allowPasswordChange?: boolean;
  }
}

/** Resolve the session cookie before every non-public API route (`resolveSession` comes from the auth module). */
export function authHook(ctx: AppContext, resolveSession: ResolveSession) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    req.session = null;
    const cfg = req.routeOptions.config;
    const token = req.cookies[SESSION_COOKIE];
    if (cfg?.public) {
      if (token) req.session = await resolveSession(ctx, token, req.ip).catch(() => null);
      return;
    }
    if (!token) throw new AppError('AUTH_REQUIRED');
    req.session = await resolveSession(ctx, token, req.ip);
    if (req.session.mustChangePassword && !cfg?.allowPasswordChange) throw new AppError('AUTH_MUST_CHANGE_PASSWORD');
  };
}

export function sessionOf(req: FastifyRequest): SessionInfo {
  if (!req.session) throw new AppError('AUTH_REQUIRED');
  return req.session;
}

export function actorOf(req: FastifyRequest): Actor {
  return sessionOf(req).actor;
}
