import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Api } from '../../platform/http/api.js';

/**
 * Test mode only (BANGFU_TEST_MODE=1): lets the end-to-end walks move the server's clock forward, e.g. past a
 * public-notice period, or set it to an instant (a Beijing midnight). Never registered otherwise, so production has no such route (404).
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
            .max(10 * 365 * 86_400_000)
            .optional(),
          /** Or set the clock to an instant (e.g. '2026-12-31T17:00:00Z', 01:00 on 1 January in Beijing). */
          at: z.string().datetime({ offset: true }).optional(),
        }),
        response: { 200: z.object({ time: z.string(), today: z.string() }) },
      },
    },
    async (req) => {
      const { advanceMs, at } = req.body;
      if ((advanceMs === undefined) === (at === undefined))
        throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'advanceMs', message: 'advanceMs or at' }] });
      if (at !== undefined) ctx.clock.setTo(new Date(at));
      else ctx.clock.advance(advanceMs ?? 0);
      return { time: ctx.clock.now().toISOString(), today: ctx.clock.today() };
    },
  );
}
