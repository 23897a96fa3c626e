import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { adoptRule, listTemplates, rulesAt } from './programmes.service.js';
import { whatIf } from './programmes.whatif.js';

const tags = ['programmes'];
const Any = z.object({}).passthrough();

/** Programme templates (packages/policy), their adoption per node by effective date, and what-if. */
export function registerProgrammeRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/v1/programmes/templates',
    {
      schema: {
        tags,
        summary: 'Rule templates named after their source, with the seed numbers as defaults',
        response: { 200: z.array(Any), ...errorResponses },
      },
    },
    async (req) => listTemplates(actorOf(req)),
  );
  api.get(
    '/v1/programmes/rules',
    {
      schema: {
        tags,
        summary: 'Every template at a node on a date: the version in force (own or inherited) and the own versions',
        querystring: z.object({ orgId: z.coerce.number().int().positive(), date: z.iso.date().optional() }),
        response: { 200: Any, ...errorResponses },
      },
    },
    async (req) => rulesAt(ctx, actorOf(req), req.query.orgId, req.query.date),
  );
  api.post(
    '/v1/programmes/rules',
    {
      schema: {
        tags,
        summary: 'Adopt a template at a node with adjusted numbers from an effective date (new version)',
        body: z.object({
          orgId: z.number().int().positive(),
          templateId: z.string().min(1).max(80),
          effectiveFrom: z.iso.date(),
          params: z.record(z.string(), z.unknown()).default({}),
          note: z.string().trim().max(500).optional(),
        }),
        response: { 201: Any, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await adoptRule(ctx, actorOf(req), req.body)),
  );
  api.post(
    '/v1/programmes/what-if',
    {
      schema: {
        tags,
        summary: "Change a node's parameters without saving: files changing grade or eligibility, cost difference",
        body: z.object({
          orgId: z.number().int().positive(),
          year: z.number().int().min(2000).max(2100),
          dibaoLineFen: z.number().int().min(1).max(100_000_000).optional(),
          living: z
            .object({ deepFen: z.number().int().min(0).optional(), relativeFen: z.number().int().min(0).optional() })
            .optional(),
        }),
        response: { 200: Any, ...errorResponses },
      },
    },
    async (req) => whatIf(ctx, actorOf(req), req.body),
  );
}
