import {
  DutyHandoverSchema,
  DutyShiftInputSchema,
  DutyShiftQuerySchema,
  IdParamSchema,
  OrgIdQuerySchema,
  ServiceDeskSettingsSchema,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { cancelShift, createShift, deskColleagues, listShifts, onDutyNow, writeHandover } from './duty.js';
import { getDeskSettings, putDeskSettings } from './servicedesk.settings.js';

const tags = ['servicedesk'];
const Any = z.object({}).passthrough();
const ok = { response: { 200: Any, ...errorResponses } };

/** The desk around the orders: deadlines per node, the hotline's duty roster, the colleagues to assign to. */
export function registerServiceDeskDeskRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/v1/servicedesk/settings/:id',
    { schema: { tags, summary: 'Deadlines in force at a node (own or inherited)', params: IdParamSchema, ...ok } },
    async (req) => getDeskSettings(ctx, actorOf(req), req.params.id),
  );
  api.put(
    '/v1/servicedesk/settings/:id',
    {
      schema: {
        tags,
        summary: "Set a node's deadlines in working days (inherited by its subtree)",
        params: IdParamSchema,
        body: ServiceDeskSettingsSchema,
        ...ok,
      },
    },
    async (req) => putDeskSettings(ctx, actorOf(req), req.params.id, req.body),
  );
  api.get(
    '/v1/servicedesk/colleagues',
    {
      schema: { tags, summary: 'Service-desk staff at a node (交办, roster)', querystring: OrgIdQuerySchema, ...ok },
    },
    async (req) => deskColleagues(ctx, actorOf(req), req.query.orgId),
  );
  api.get(
    '/v1/duty-shifts',
    {
      schema: {
        tags,
        summary: 'The duty roster of a node between two dates',
        querystring: DutyShiftQuerySchema,
        ...ok,
      },
    },
    async (req) => listShifts(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/duty-shifts/now',
    {
      schema: { tags, summary: 'Who is on duty now, and the last handover note', querystring: OrgIdQuerySchema, ...ok },
    },
    async (req) => onDutyNow(ctx, actorOf(req), req.query.orgId),
  );
  api.post(
    '/v1/duty-shifts',
    {
      schema: {
        tags,
        summary: 'Put a colleague on the roster',
        body: DutyShiftInputSchema,
        response: { 201: Any, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createShift(ctx, actorOf(req), req.body)),
  );
  api.post(
    '/v1/duty-shifts/:id/handover',
    {
      schema: {
        tags,
        summary: 'The person on duty writes the handover note',
        params: IdParamSchema,
        body: DutyHandoverSchema,
        ...ok,
      },
    },
    async (req) => writeHandover(ctx, actorOf(req), req.params.id, req.body.note),
  );
  api.post(
    '/v1/duty-shifts/:id/cancel',
    { schema: { tags, summary: 'Take a shift not yet begun off the roster', params: IdParamSchema, ...ok } },
    async (req) => cancelShift(ctx, actorOf(req), req.params.id),
  );
}
