import {
  GoodsHandoutInputSchema,
  GoodsMovementQuerySchema,
  GoodsReceiptInputSchema,
  GoodsSheetQuerySchema,
  GoodsStockQuerySchema,
  GoodsTransferInputSchema,
  GoodsWriteOffInputSchema,
  IdParamSchema,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { handoutSheet, handoutSheetXlsx, householdGoods, listMovements, stockAt } from './goods.read.js';
import { handOutGoods, receiveGoods, transferGoods, writeOffGoods } from './goods.service.js';

const tags = ['donated goods'];
const Any = z.object({}).passthrough();
const Moved = z
  .object({ movementId: z.number().int(), stockId: z.number().int(), balance: z.number().int() })
  .passthrough();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, zh: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`;

/** 物资登记、发放: receipts, hand-outs to households, transfers down the tree, write-offs; stock and movements. */
export function registerGoodsRoutes(api: Api, ctx: AppContext) {
  const created = { response: { 201: Moved, ...errorResponses } };
  const ok = { response: { 200: Any, ...errorResponses } };
  api.post(
    '/v1/goods/receipts',
    {
      schema: {
        tags,
        summary: '物资登记: goods received at a node enter its stock',
        body: GoodsReceiptInputSchema,
        ...created,
      },
    },
    async (req, reply) => reply.code(201).send(await receiveGoods(ctx, actorOf(req), req.body)),
  );
  api.post(
    '/v1/goods/handouts',
    {
      schema: {
        tags,
        summary: '发放到户: to a household in the archive, signed by the worker or a listed family member (不得代领)',
        body: GoodsHandoutInputSchema,
        ...created,
      },
    },
    async (req, reply) => reply.code(201).send(await handOutGoods(ctx, actorOf(req), req.body)),
  );
  api.post(
    '/v1/goods/transfers',
    { schema: { tags, summary: '调拨: move stock down the tree', body: GoodsTransferInputSchema, ...created } },
    async (req, reply) => reply.code(201).send(await transferGoods(ctx, actorOf(req), req.body)),
  );
  api.post(
    '/v1/goods/write-offs',
    {
      schema: {
        tags,
        summary: '报损核销: goods leave the stock with a reason',
        body: GoodsWriteOffInputSchema,
        ...created,
      },
    },
    async (req, reply) => reply.code(201).send(await writeOffGoods(ctx, actorOf(req), req.body)),
  );
  api.get(
    '/v1/goods/stock',
    {
      schema: {
        tags,
        summary: "A node's stock per item and its subtree's totals",
        querystring: GoodsStockQuerySchema,
        ...ok,
      },
    },
    async (req) => stockAt(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/goods/movements',
    {
      schema: {
        tags,
        summary: 'Stock movements of a subtree (dates, kind, item, stock, household), newest first',
        querystring: GoodsMovementQuerySchema,
        ...ok,
      },
    },
    async (req) => listMovements(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/goods/handout-sheet',
    {
      schema: {
        tags,
        summary: '物资发放签领表 (print view): hand-outs in date order, masked IDs',
        querystring: GoodsSheetQuerySchema,
        ...ok,
      },
    },
    async (req) => {
      const { org, rows } = await handoutSheet(ctx, actorOf(req), req.query);
      return { orgId: org.id, orgName: org.name, rows };
    },
  );
  api.get(
    '/v1/goods/handout-sheet.xlsx',
    {
      schema: {
        tags,
        summary: '物资发放签领表 as .xlsx (A4; audited)',
        querystring: GoodsSheetQuerySchema,
        produces: [XLSX],
      },
    },
    async (req, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', attachment('goods-handout-sheet.xlsx', '物资发放签领表.xlsx'))
        .send(await handoutSheetXlsx(ctx, actorOf(req), req.query)),
  );
  api.get(
    '/v1/households/:id/goods',
    {
      schema: {
        tags,
        summary: 'Goods a household received (帮扶记录: 物资), newest first, with totals per item',
        params: IdParamSchema,
        ...ok,
      },
    },
    async (req) => householdGoods(ctx, actorOf(req), req.params.id),
  );
}
