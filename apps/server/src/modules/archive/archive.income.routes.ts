import { IdParamSchema, IncomeMonthInputSchema, IncomeMonthParamSchema, IncomeRecordSchema } from '@bangfu/contracts';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { listIncomes, recordIncome } from './archive.income.js';

const tags = ['archive management'];

/** 动态管理: monthly income records and the 脱困 proposal (6 consecutive months above the 低保 line). */
export function registerArchiveIncomeRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/v1/households/:id/incomes',
    {
      schema: {
        tags,
        summary: 'Monthly income records (newest first) and the 脱困 proposal',
        params: IdParamSchema,
        response: { 200: IncomeRecordSchema, ...errorResponses },
      },
    },
    async (req) => listIncomes(ctx, actorOf(req), req.params.id),
  );
  api.put(
    '/v1/households/:id/incomes/:month',
    {
      schema: {
        tags,
        summary: "Record or correct a month's household income (分); re-evaluates the 脱困 proposal",
        params: IncomeMonthParamSchema,
        body: IncomeMonthInputSchema,
        response: { 200: IncomeRecordSchema, ...errorResponses },
      },
    },
    async (req) => recordIncome(ctx, actorOf(req), req.params.id, req.params.month, req.body),
  );
}
