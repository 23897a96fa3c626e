import {
  CreateUserSchema,
  IdParamSchema,
  pageOf,
  ResetPasswordSchema,
  UpdateUserSchema,
  UserListQuerySchema,
  UserSchema,
} from '@bangfu/contracts';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses, OkSchema } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { createUser, exportUsersCsv, getUser, listUsers, resetPassword, updateUser } from './users.service.js';

const tags = ['users'];

export function registerUserRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/v1/users',
    {
      schema: {
        tags,
        summary: 'Users in the caller’s subtree (phones masked)',
        querystring: UserListQuerySchema,
        response: { 200: pageOf(UserSchema), ...errorResponses },
      },
    },
    async (req) => listUsers(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/users/export.csv',
    {
      schema: {
        tags,
        summary: 'Export the users of the caller’s subtree as CSV (phones masked)',
        produces: ['text/csv'],
      },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="users.csv"')
        .send(await exportUsersCsv(ctx, actorOf(req))),
  );
  api.get(
    '/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'One user with the full phone number (audited read)',
        params: IdParamSchema,
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (req) => getUser(ctx, actorOf(req), req.params.id),
  );
  api.post(
    '/v1/users',
    {
      schema: {
        tags,
        summary: 'Create a staff or worker account',
        body: CreateUserSchema,
        response: { 201: UserSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createUser(ctx, actorOf(req), req.body)),
  );
  api.patch(
    '/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'Change name, node, roles, phone or status',
        params: IdParamSchema,
        body: UpdateUserSchema,
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (req) => updateUser(ctx, actorOf(req), req.params.id, req.body),
  );
  api.post(
    '/v1/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Administrator sets a new initial password',
        params: IdParamSchema,
        body: ResetPasswordSchema,
        response: { 200: OkSchema, ...errorResponses },
      },
    },
    async (req) => {
      await resetPassword(ctx, actorOf(req), req.params.id, req.body.newPassword);
      return { ok: true as const };
    },
  );
}
