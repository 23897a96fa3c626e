import { HealthSchema } from '@bangfu/contracts';
import type { AppContext } from '../../platform/context.js';
import { ping } from '../../platform/db/connect.js';
import { currentMigration } from '../../platform/db/migrate.js';
import type { Api } from '../../platform/http/api.js';
import { VERSION } from '../../platform/http/version.js';

export function registerHealthRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Health: status, database dialect, migration version',
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (_req, reply) => {
      const ok = await ping(ctx.db);
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        version: VERSION,
        database: { dialect: ctx.dialect, ok, migration: ok ? await currentMigration(ctx.db) : null },
        time: ctx.clock.now().toISOString(),
      };
      return reply.code(ok ? 200 : 503).send(body);
    },
  );
}
