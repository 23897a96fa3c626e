import { ServiceDeskStatsQuerySchema } from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serviceDeskStats } from './servicedesk.stats.js';
import { serviceDeskStatsWorkbook } from './servicedesk.stats.xlsx.js';

const tags = ['servicedesk'];
const Any = z.object({}).passthrough();

/** The rights desk's analysis: JSON for the page, .xlsx for reporting upward. */
export function registerServiceDeskStatsRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/v1/servicedesk/stats',
    {
      schema: {
        tags,
        summary:
          'Counts by category, channel, node and period with trends, 按期办结率, satisfaction, wages recovered, hot topics',
        querystring: ServiceDeskStatsQuerySchema,
        response: { 200: Any, ...errorResponses },
      },
    },
    async (req) => serviceDeskStats(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/servicedesk/stats.xlsx',
    {
      schema: {
        tags,
        summary: 'The analysis as an .xlsx for reporting upward (streamed, audited)',
        querystring: ServiceDeskStatsQuerySchema,
      },
    },
    async (req, reply) => {
      const { stream, filename } = await serviceDeskStatsWorkbook(ctx, actorOf(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="servicedesk-stats.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(stream);
    },
  );
}
