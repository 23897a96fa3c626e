import {
  AllocationInputSchema,
  BudgetInputSchema,
  FundInputSchema,
  IdParamSchema,
  ReceiptInputSchema,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import {
  allocate,
  budgetsAt,
  createFund,
  fundChoices,
  fundsAt,
  ledgerEntries,
  putBudget,
  receive,
  trialBalance,
} from './funds.service.js';

const tags = ['funds and ledger'];
const OrgQuery = z.object({ orgId: z.coerce.number().int().positive().max(2_147_483_647) });
const Any = z.object({}).passthrough();
const Entry = z.object({ entryId: z.number().int() });

/** Funds (sources, restrictions), receipts, allocations down the tree, the ledger, budgets. */
export function registerFundRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/v1/funds',
    {
      schema: {
        tags,
        summary: 'Create a fund (source, year, restriction)',
        body: FundInputSchema,
        response: { 201: Any, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createFund(ctx, actorOf(req), req.body)),
  );
  api.get(
    '/v1/funds',
    {
      schema: {
        tags,
        summary: "A node's funds with balances per account kind",
        querystring: OrgQuery,
        response: { 200: Any, ...errorResponses },
      },
    },
    async (req) => fundsAt(ctx, actorOf(req), req.query.orgId),
  );
  api.get(
    '/v1/funds/choices',
    {
      schema: {
        tags,
        summary: 'The funds a batch at a node may be paid from (names, no balances), for proposers',
        querystring: OrgQuery.extend({ programme: z.string().max(30).optional() }),
        response: { 200: Any, ...errorResponses },
      },
    },
    async (req) => fundChoices(ctx, actorOf(req), req.query.orgId, req.query.programme),
  );
  api.post(
    '/v1/funds/:id/receipts',
    {
      schema: {
        tags,
        summary: 'Money received into the fund at its node (Dr 专户存款 / Cr 资金来源)',
        params: IdParamSchema,
        body: ReceiptInputSchema,
        response: { 201: Entry, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await receive(ctx, actorOf(req), req.params.id, req.body)),
  );
  api.post(
    '/v1/funds/:id/allocations',
    {
      schema: {
        tags,
        summary: 'Allocate down the tree (下拨); the money keeps its fund and restriction',
        params: IdParamSchema,
        body: AllocationInputSchema,
        response: { 201: Entry, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await allocate(ctx, actorOf(req), req.params.id, req.body)),
  );
  api.get(
    '/v1/ledger/entries',
    {
      schema: {
        tags,
        summary: 'Ledger entries of a subtree, newest first, with their lines',
        querystring: OrgQuery.extend({
          fundId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: Any, ...errorResponses },
      },
    },
    async (req) => ledgerEntries(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/ledger/trial-balance',
    {
      schema: {
        tags,
        summary: 'Trial balance of a subtree: every entry and every node balances',
        querystring: OrgQuery,
        response: { 200: Any, ...errorResponses },
      },
    },
    async (req) => trialBalance(ctx, actorOf(req), req.query.orgId),
  );
  api.get(
    '/v1/budgets',
    {
      schema: {
        tags,
        summary: 'Budgets of a node for a year, with the amount used or committed',
        querystring: OrgQuery.extend({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: Any, ...errorResponses },
      },
    },
    async (req) => budgetsAt(ctx, actorOf(req), req.query.orgId, req.query.year),
  );
  api.put(
    '/v1/budgets',
    {
      schema: {
        tags,
        summary: 'Set the budget of a programme for a year at a node',
        body: BudgetInputSchema,
        response: { 200: Any, ...errorResponses },
      },
    },
    async (req) => putBudget(ctx, actorOf(req), req.body),
  );
}
