import {
  IdParamSchema,
  OutcomeDecisionSchema,
  pageOf,
  ReviewRoundDetailQuerySchema,
  ReviewRoundDetailSchema,
  ReviewRoundFileParamSchema,
  ReviewRoundFileSchema,
  ReviewRoundFilesQuerySchema,
  ReviewRoundOpenSchema,
  ReviewRoundQuerySchema,
  ReviewRoundSchema,
  ReviewSampleResultSchema,
  RoundReviewSchema,
  SpotCheckSchema,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { decideOutcome, listRoundFiles, reviewInRound } from './review.files.js';
import { closeRound, getRound, listRounds, openRound, refreshRound } from './review.rounds.js';
import { drawSample, spotCheck } from './review.spot.js';

const tags = ['review'];

/** 年度复核: rounds, the board, a file's review, spot-check sampling and checks, decisions on proposals. */
export function registerReviewRoutes(api: Api, ctx: AppContext) {
  const one = { response: { 200: ReviewRoundDetailSchema, ...errorResponses } };
  const file = { response: { 200: ReviewRoundFileSchema, ...errorResponses } };
  api.get(
    '/v1/review-rounds',
    {
      schema: {
        tags,
        summary: 'Review rounds that concern a node: opened above it, at it or below it, or holding its files',
        querystring: ReviewRoundQuerySchema,
        response: { 200: z.object({ items: z.array(ReviewRoundSchema) }), ...errorResponses },
      },
    },
    async (req) => listRounds(ctx, actorOf(req), req.query),
  );
  api.post(
    '/v1/review-rounds',
    {
      schema: {
        tags,
        summary: "Open the year's review at a node: every file of its subtree in the archive enters the round",
        body: ReviewRoundOpenSchema,
        response: { 201: ReviewRoundDetailSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await openRound(ctx, actorOf(req), req.body)),
  );
  api.get(
    '/v1/review-rounds/:id',
    {
      schema: {
        tags,
        summary: 'The board: progress of the round and per child node (files, reviewed, overdue, sampled, checked)',
        params: IdParamSchema,
        querystring: ReviewRoundDetailQuerySchema,
        ...one,
      },
    },
    async (req) => getRound(ctx, actorOf(req), req.params.id, req.query.orgId),
  );
  api.get(
    '/v1/review-rounds/:id/files',
    {
      schema: {
        tags,
        summary: "A round's files by list (not reviewed, overdue, sampled, needs change, …), masked, paged",
        params: IdParamSchema,
        querystring: ReviewRoundFilesQuerySchema,
        response: { 200: pageOf(ReviewRoundFileSchema), ...errorResponses },
      },
    },
    async (req) => listRoundFiles(ctx, actorOf(req), req.params.id, req.query),
  );
  api.post(
    '/v1/review-rounds/:id/refresh',
    {
      schema: {
        tags,
        summary: 'Add the files filed since the round opened (within the caller’s part of the round)',
        params: IdParamSchema,
        response: { 200: z.object({ added: z.number().int() }), ...errorResponses },
      },
    },
    async (req) => refreshRound(ctx, actorOf(req), req.params.id),
  );
  api.post(
    '/v1/review-rounds/:id/close',
    { schema: { tags, summary: 'Close the round', params: IdParamSchema, ...one } },
    async (req) => closeRound(ctx, actorOf(req), req.params.id),
  );
  api.post(
    '/v1/review-rounds/:id/sample',
    {
      schema: {
        tags,
        summary: 'Draw the spot-check sample of the reviewed files below the caller (the round’s share, never again)',
        params: IdParamSchema,
        response: { 200: ReviewSampleResultSchema, ...errorResponses },
      },
    },
    async (req) => drawSample(ctx, actorOf(req), req.params.id),
  );
  api.post(
    '/v1/review-rounds/:id/files/:householdId/review',
    {
      schema: {
        tags,
        summary: 'Review a file in the round (once): method, date, findings, outcome',
        params: ReviewRoundFileParamSchema,
        body: RoundReviewSchema,
        ...file,
      },
    },
    async (req) => reviewInRound(ctx, actorOf(req), req.params.id, req.params.householdId, req.body),
  );
  api.post(
    '/v1/review-rounds/:id/files/:householdId/spot-check',
    {
      schema: {
        tags,
        summary: 'Record the spot check of a sampled file: confirmed or a discrepancy',
        params: ReviewRoundFileParamSchema,
        body: SpotCheckSchema,
        ...file,
      },
    },
    async (req) => spotCheck(ctx, actorOf(req), req.params.id, req.params.householdId, req.body),
  );
  api.post(
    '/v1/review-rounds/:id/files/:householdId/decision',
    {
      schema: {
        tags,
        summary: 'Decide a proposed 解困/脱困/注销: take the step or decline it',
        params: ReviewRoundFileParamSchema,
        body: OutcomeDecisionSchema,
        ...file,
      },
    },
    async (req) => decideOutcome(ctx, actorOf(req), req.params.id, req.params.householdId, req.body),
  );
}
