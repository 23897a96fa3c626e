import {
  ATTACHMENT_MAX_BYTES,
  IdParamSchema,
  LawyerInputSchema,
  LawyerListQuerySchema,
  LawyerPatchSchema,
  LegalAgreementSchema,
  LegalAidAssignSchema,
  LegalAidCloseSchema,
  LegalAidDecisionSchema,
  LegalAidInputSchema,
  LegalAidListQuerySchema,
  LegalAidStepInputSchema,
  LegalAidStepResultSchema,
  LegalAidWithdrawSchema,
  LegalMediationSchema,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { createLawyer, listLawyers, revealLawyerPhone, updateLawyer } from './lawyers.js';
import { addEvidence, evidenceContent } from './legalaid.attachments.js';
import { getApplication, lawyersFor, listApplications, revealApplicant } from './legalaid.read.js';
import { registerApplication } from './legalaid.register.js';
import {
  addStep,
  assign,
  closeCase,
  decide,
  recordAgreement,
  recordMediation,
  stepResult,
  withdraw,
} from './legalaid.steps.js';

const tags = ['legalaid'];
const Any = z.object({}).passthrough();
const ok = { response: { 200: Any, ...errorResponses } };
const id = z.coerce.number().int().positive().max(2_147_483_647);

/** Legal aid (法律援助): applications, the group's decision, assignment, the case's steps, mediation, closing; the lawyers' roster. */
export function registerLegalAidRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/v1/legal-aid',
    {
      schema: {
        tags,
        summary: 'Register a legal-aid application (the group decides within 15 days)',
        body: LegalAidInputSchema,
        response: { 201: Any, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id: newId } = await registerApplication(ctx, actor, req.body);
      return reply.code(201).send(await getApplication(ctx, actor, newId));
    },
  );
  api.get(
    '/v1/legal-aid',
    {
      schema: {
        tags,
        summary: 'Applications of a subtree by status, kind, number or name, work order; overdue ones',
        querystring: LegalAidListQuerySchema,
        ...ok,
      },
    },
    async (req) => listApplications(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/legal-aid/:id',
    { schema: { tags, summary: 'One application with its case, history and evidence', params: IdParamSchema, ...ok } },
    async (req) => getApplication(ctx, actorOf(req), req.params.id),
  );
  api.get(
    '/v1/legal-aid/:id/person',
    { schema: { tags, summary: "The applicant's full ID and phone (audited)", params: IdParamSchema, ...ok } },
    async (req) => revealApplicant(ctx, actorOf(req), req.params.id),
  );
  api.get(
    '/v1/legal-aid/:id/lawyers',
    {
      schema: {
        tags,
        summary: 'Lawyers the case may be assigned to (rosters of its union and the unions above)',
        params: IdParamSchema,
        ...ok,
      },
    },
    async (req) => lawyersFor(ctx, actorOf(req), req.params.id),
  );

  const step = <B extends z.ZodTypeAny>(
    path: string,
    summary: string,
    body: B,
    run: (actor: ReturnType<typeof actorOf>, appId: number, body: z.infer<B>) => Promise<Record<string, unknown>>,
    method: 'post' | 'put' = 'post',
  ) =>
    api[method](
      `/v1/legal-aid/:id/${path}`,
      { schema: { tags, summary, params: IdParamSchema, body, ...ok } },
      async (req) => run(actorOf(req), req.params.id, req.body as z.infer<B>),
    );
  step('decision', "The legal-aid group's decision (not by the registrant)", LegalAidDecisionSchema, (a, i, b) =>
    decide(ctx, a, i, b),
  );
  step('assign', 'Assign to a lawyer of the roster or a department', LegalAidAssignSchema, (a, i, b) =>
    assign(ctx, a, i, b),
  );
  step('steps', 'A step or hearing of the case (date, what, result)', LegalAidStepInputSchema, (a, i, b) =>
    addStep(ctx, a, i, b),
  );
  step(
    'mediation',
    '劳动争议调解: the parties and the mediator',
    LegalMediationSchema,
    (a, i, b) => recordMediation(ctx, a, i, b),
    'put',
  );
  step('agreement', '调解协议: terms, amount, signed on (once)', LegalAgreementSchema, (a, i, b) =>
    recordAgreement(ctx, a, i, b),
  );
  step('close', 'Close with the outcome and the money recovered (分)', LegalAidCloseSchema, (a, i, b) =>
    closeCase(ctx, a, i, b),
  );
  step('withdraw', 'The applicant withdraws (before the case is in hand)', LegalAidWithdrawSchema, (a, i, b) =>
    withdraw(ctx, a, i, b.reason),
  );
  api.post(
    '/v1/legal-aid/:id/steps/:stepId/result',
    {
      schema: {
        tags,
        summary: 'The result of a step recorded earlier (once)',
        params: z.object({ id, stepId: id }),
        body: LegalAidStepResultSchema,
        ...ok,
      },
    },
    async (req) => stepResult(ctx, actorOf(req), req.params.id, req.params.stepId, req.body.result),
  );
  api.post(
    '/v1/legal-aid/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Add evidence (JPG, PNG, PDF ≤ 10 MB, multipart field "file")',
        consumes: ['multipart/form-data'],
        params: IdParamSchema,
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES } });
      if (!file) throw new AppError('ATTACHMENT_TYPE');
      const content = await file.toBuffer();
      if (file.file.truncated) throw new AppError('ATTACHMENT_TOO_LARGE');
      return reply
        .code(201)
        .send(await addEvidence(ctx, actorOf(req), req.params.id, { filename: file.filename, content }));
    },
  );
  api.get(
    '/v1/legal-aid/:id/attachments/:attachmentId',
    {
      schema: { tags, summary: 'Download evidence (audited)', params: z.object({ id, attachmentId: id }) },
    },
    async (req, reply) => {
      const a = await evidenceContent(ctx, actorOf(req), req.params.id, req.params.attachmentId);
      return reply
        .type(a.mime)
        .header(
          'content-disposition',
          `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
        )
        .send(a.content);
    },
  );

  api.get(
    '/v1/legal-lawyers',
    {
      schema: {
        tags,
        summary: "The contracted lawyers' roster of a subtree",
        querystring: LawyerListQuerySchema,
        ...ok,
      },
    },
    async (req) => listLawyers(ctx, actorOf(req), req.query),
  );
  api.post(
    '/v1/legal-lawyers',
    {
      schema: {
        tags,
        summary: 'Add a contracted lawyer to a union’s roster',
        body: LawyerInputSchema,
        response: { 201: Any, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createLawyer(ctx, actorOf(req), req.body)),
  );
  api.patch(
    '/v1/legal-lawyers/:id',
    {
      schema: {
        tags,
        summary: 'Edit a lawyer (contract, deactivation) from the version read',
        params: IdParamSchema,
        body: LawyerPatchSchema,
        ...ok,
      },
    },
    async (req) => updateLawyer(ctx, actorOf(req), req.params.id, req.body),
  );
  api.get(
    '/v1/legal-lawyers/:id/phone',
    { schema: { tags, summary: "A lawyer's full phone (audited)", params: IdParamSchema, ...ok } },
    async (req) => revealLawyerPhone(ctx, actorOf(req), req.params.id),
  );
}
