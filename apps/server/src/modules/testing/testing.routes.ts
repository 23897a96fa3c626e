import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Api } from '../../platform/http/api.js';

/**
 * Test mode only (BANGFU_TEST_MODE=1): lets the end-to-end walks move the server's clock forward, e.g. past a
 * public-notice period. Never registered otherwise, so production has no such route (404).
 */
export function registerTestingRoutes(api: Api, ctx: AppContext) {
  if (!ctx.config.testMode) return;
  api.post(
    '/test/clock',
    {
      config: { public: true },
      schema: {
        hide: true,
        body: z.object({
          advanceMs: z
            .number()
            .int()
            .min(0)
            .max(10 * 365 * 86_400_000),
        }),
        response: { 200: z.object({ time: z.string() }) },
      },
    },
    async (req) => {
      ctx.clock.advance(req.body.advanceMs);
      return { time: ctx.clock.now().toISOString() };
    },
  );
}
