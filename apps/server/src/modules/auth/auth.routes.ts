import { ChangePasswordSchema, LoginSchema, MeSchema } from '@bangfu/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SlidingWindowLimiter } from '../../platform/auth/rate-limit.js';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses, OkSchema } from '../../platform/http/api.js';
import { SESSION_COOKIE, sessionOf } from '../../platform/http/auth-hook.js';
import { changePassword, LOGIN_WINDOW_MS, login, logout, me, resolveSession } from './auth.service.js';

const tags = ['auth'];

function secure(ctx: AppContext, req: FastifyRequest) {
  return ctx.config.secureCookies === 'auto' ? req.protocol === 'https' : ctx.config.secureCookies === 'true';
}

function clearCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function registerAuthRoutes(api: Api, ctx: AppContext) {
  // One limiter per server: sign-in attempts per client address and per username (see rate-limit.ts).
  const limiter = new SlidingWindowLimiter(ctx.clock, LOGIN_WINDOW_MS);
  api.post(
    '/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in; sets an HttpOnly session cookie',
        body: LoginSchema,
        response: { 200: MeSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const result = await login(
        ctx,
        {
          username: req.body.username,
          password: req.body.password,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
        },
        limiter,
      );
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: secure(ctx, req),
        expires: new Date(result.expiresAt),
      });
      return {
        ...(await me(ctx, await resolveSession(ctx, result.token, req.ip))),
        lockoutNotice: result.lockoutNotice,
      };
    },
  );

  api.post(
    '/v1/auth/logout',
    {
      config: { public: true },
      schema: { tags, summary: 'Sign out: the session is revoked in the database', response: { 200: OkSchema } },
    },
    async (req, reply) => {
      if (req.session) await logout(ctx, req.session);
      clearCookie(reply);
      return { ok: true as const };
    },
  );

  api.get(
    '/v1/auth/me',
    {
      config: { allowPasswordChange: true },
      schema: {
        tags,
        summary: 'The signed-in user, roles and permissions',
        response: { 200: MeSchema, ...errorResponses },
      },
    },
    async (req) => me(ctx, sessionOf(req)),
  );

  api.post(
    '/v1/auth/password',
    {
      config: { allowPasswordChange: true },
      schema: {
        tags,
        summary: 'Change own password (other sessions end)',
        body: ChangePasswordSchema,
        response: { 200: OkSchema, ...errorResponses },
      },
    },
    async (req) => {
      await changePassword(ctx, sessionOf(req), req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );
}
