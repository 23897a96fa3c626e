import {
  CertificateIssueInputSchema,
  CertificateNumberParamSchema,
  CertificateQuerySchema,
  CertificateRenewInputSchema,
  CertificateRevokeInputSchema,
  IdParamSchema,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import {
  certificatesToRevoke,
  getCertificate,
  householdCertificates,
  issueCertificate,
  listCertificates,
  printableCertificate,
  renewCertificate,
  revokeCertificate,
  verifyCertificate,
} from './certificates.service.js';

const tags = ['certificates'];
const Any = z.object({}).passthrough();
const OrgQuery = z.object({ orgId: z.coerce.number().int().positive() });

/** 特困证 / 优待证: issue, revoke, renew, verify by number, lists and the print view. */
export function registerCertificateRoutes(api: Api, ctx: AppContext) {
  const ok = { response: { 200: Any, ...errorResponses } };
  api.post(
    '/v1/certificates',
    {
      schema: {
        tags,
        summary: 'Issue a 特困证 or 优待证 to a household in the archive (one active of a kind per household)',
        body: CertificateIssueInputSchema,
        response: { 201: Any, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await issueCertificate(ctx, actorOf(req), req.body)),
  );
  api.get(
    '/v1/certificates',
    {
      schema: {
        tags,
        summary: 'Certificates of a subtree by kind, state, and ending within n days',
        querystring: CertificateQuerySchema,
        ...ok,
      },
    },
    async (req) => listCertificates(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/certificates/to-revoke',
    {
      schema: {
        tags,
        summary: 'Active certificates whose file has left the archive (no longer 在档/解困): to revoke',
        querystring: OrgQuery,
        ...ok,
      },
    },
    async (req) => certificatesToRevoke(ctx, actorOf(req), req.query.orgId),
  );
  api.get(
    '/v1/certificates/verify/:number',
    {
      schema: {
        tags,
        summary: 'Verify by number: valid / expired / revoked, holder masked, issuing union',
        params: CertificateNumberParamSchema,
        ...ok,
      },
    },
    async (req) => verifyCertificate(ctx, actorOf(req), req.params.number),
  );
  api.get(
    '/v1/certificates/:id',
    { schema: { tags, summary: 'One certificate', params: IdParamSchema, ...ok } },
    async (req) => getCertificate(ctx, actorOf(req), req.params.id),
  );
  api.get(
    '/v1/certificates/:id/print',
    { schema: { tags, summary: 'The data of the printed card', params: IdParamSchema, ...ok } },
    async (req) => printableCertificate(ctx, actorOf(req), req.params.id),
  );
  api.post(
    '/v1/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke with a reason',
        params: IdParamSchema,
        body: CertificateRevokeInputSchema,
        ...ok,
      },
    },
    async (req) => revokeCertificate(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  api.post(
    '/v1/certificates/:id/renew',
    {
      schema: {
        tags,
        summary: 'Renew: a new certificate with a new number; the old one is superseded',
        params: IdParamSchema,
        body: CertificateRenewInputSchema,
        response: { 201: Any, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await renewCertificate(ctx, actorOf(req), req.params.id, req.body)),
  );
  api.get(
    '/v1/households/:id/certificates',
    { schema: { tags, summary: "A household's certificates, newest first", params: IdParamSchema, ...ok } },
    async (req) => householdCertificates(ctx, actorOf(req), req.params.id),
  );
}
