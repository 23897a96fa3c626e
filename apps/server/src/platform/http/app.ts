import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerArchiveChangeRoutes } from '../../modules/archive/archive.changes.routes.js';
import { registerArchiveImportRoutes } from '../../modules/archive/archive.import.routes.js';
import { registerArchiveIncomeRoutes } from '../../modules/archive/archive.income.routes.js';
import { registerArchiveRoutes } from '../../modules/archive/archive.routes.js';
import {
  registerArchiveManageRoutes,
  registerArchiveWorkflowRoutes,
} from '../../modules/archive/archive.workflow.routes.js';
import { registerAssistanceRoutes } from '../../modules/assistance/assistance.routes.js';
import { registerAuditRoutes } from '../../modules/audit/audit.routes.js';
import { registerAuthRoutes } from '../../modules/auth/auth.routes.js';
import { registerCertificateRoutes } from '../../modules/certificates/certificates.routes.js';
import { registerBatchRoutes } from '../../modules/disbursement/batch.routes.js';
import { registerFundRoutes } from '../../modules/funds/funds.routes.js';
import { registerGoodsRoutes } from '../../modules/goods/goods.routes.js';
import { registerHealthRoutes } from '../../modules/health/health.routes.js';
import { registerOrgRoutes } from '../../modules/orgs/orgs.routes.js';
import { registerPolicyRoutes } from '../../modules/policy/policy.routes.js';
import { registerProgrammeRoutes } from '../../modules/programmes/programmes.routes.js';
import { registerSelfRoutes } from '../../modules/self/self.routes.js';
import { registerTestingRoutes } from '../../modules/testing/testing.routes.js';
import { registerUserRoutes } from '../../modules/users/users.routes.js';
import type { AppContext } from '../context.js';
import { errorBody } from '../errors.js';
import { authHook } from './auth-hook.js';
import { handleError } from './errors.js';
import { originHook } from './origin.js';
import { VERSION } from './version.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultWebDist = path.resolve(here, '../../../../web/dist');

/** A registered route as the route-permission table keys it: 'GET /api/v1/households/:id'. */
export interface RegisteredRoute {
  method: string;
  url: string;
  public: boolean;
}
const routeTables = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route the app registered (HEAD routes Fastify adds for GETs left out), in registration order. */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  return routeTables.get(app) ?? [];
}

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: 2 * 1024 * 1024,
    // X-Forwarded-* only from the proxies named in BANGFU_TRUST_PROXY; otherwise the peer address is the client.
    // A hop count trusts the nearest n peers whoever they are (Fastify itself refuses a bare number): use it only
    // when nothing but the proxy can reach the port; a list of addresses checks the peer.
    trustProxy:
      typeof ctx.config.trustProxy === 'number'
        ? (
            (hops: number) => (_addr: string, i: number) =>
              i < hops
          )(ctx.config.trustProxy)
        : ctx.config.trustProxy,
  });
  const routes: RegisteredRoute[] = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (r) => {
    for (const m of Array.isArray(r.method) ? r.method : [r.method]) {
      if (m === 'HEAD') continue;
      routes.push({ method: m, url: r.url, public: r.config?.public === true });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('session', null);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  await app.register(fastifyCookie);
  // One file per request, ≤ 50 MB (= TABULAR_LIMITS.maxFileBytes; routes may set less), few small fields.
  await app.register(fastifyMultipart, {
    limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12, headerPairs: 100 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Bangfu 帮扶 API',
        description:
          'Case management for trade-union assistance centres. Errors: { error: { code, message, messageEn } }.',
        version: VERSION,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bangfu_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      api.addHook('onRequest', originHook(ctx.config.allowedOrigins));
      // No API answer is kept by a browser or proxy cache: reveals, attachments, full exports and the bank
      // file carry personal data, and lists carry names (docs/SECURITY.md).
      api.addHook('onRequest', async (_req, reply) => {
        reply.header('cache-control', 'no-store');
      });
      api.addHook('preHandler', authHook(ctx));
      const zapi = api.withTypeProvider<ZodTypeProvider>();
      registerHealthRoutes(zapi, ctx);
      registerAuthRoutes(zapi, ctx);
      registerOrgRoutes(zapi, ctx);
      registerUserRoutes(zapi, ctx);
      registerAuditRoutes(zapi, ctx);
      registerArchiveImportRoutes(zapi, ctx);
      registerArchiveRoutes(zapi, ctx);
      registerArchiveChangeRoutes(zapi, ctx);
      registerArchiveWorkflowRoutes(zapi, ctx);
      registerArchiveManageRoutes(zapi, ctx);
      registerArchiveIncomeRoutes(zapi, ctx);
      registerSelfRoutes(zapi, ctx);
      registerPolicyRoutes(zapi, ctx);
      registerFundRoutes(zapi, ctx);
      registerProgrammeRoutes(zapi, ctx);
      registerBatchRoutes(zapi, ctx);
      registerGoodsRoutes(zapi, ctx);
      registerCertificateRoutes(zapi, ctx);
      registerAssistanceRoutes(zapi, ctx);
      registerTestingRoutes(zapi, ctx);
    },
    { prefix: '/api' },
  );

  const webDist = ctx.config.webDist ?? defaultWebDist;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      return reply.code(404).send(errorBody('NOT_FOUND', { method: req.method, url: req.url.split('?')[0] }));
    }
    // Single-page app: unknown paths are client routes.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
