import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Whatever a client sends to whichever endpoint, the answer is never a 500: bad input is a 4xx with a catalogued
 * code. The endpoints are read from the OpenAPI document, so every new route is fuzzed without being listed.
 * The caller holds every staff role at the root, so requests get past the permission checks into the services.
 */
describe.each(testDialects)('fuzzed input on %s', (dialect) => {
  let env: TestEnv;
  let staff: Client & { cookie?: string };
  const writes: [Method, string][] = [];
  const reads: string[] = [];

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const root = await env.root();
    await env.user('everyone', root.id, [
      'admin',
      'intake_clerk',
      'reviewer',
      'approver',
      'finance',
      'auditor',
      'hotline_operator',
      'employment_officer',
      'legal_aid_officer',
    ]);
    staff = await env.login('everyone');
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const concrete = (p: string) => p.replace(/\{[^}]+\}/g, '1');
    for (const [p, ops] of Object.entries(doc.paths)) {
      if (p.includes('/auth/logout') || p.includes('/test/')) continue;
      for (const m of Object.keys(ops)) {
        const method = m.toUpperCase() as Method;
        if (method === 'GET') reads.push(concrete(p));
        else writes.push([method, concrete(p)]);
      }
    }
  });
  afterAll(() => env.close());

  it('covers the whole API', () => {
    expect(writes.length).toBeGreaterThan(40);
    expect(reads.length).toBeGreaterThan(30);
    expect(writes.map(([, u]) => u)).toEqual(expect.arrayContaining(['/api/v1/batches', '/api/v1/applications']));
  });

  it('answers random JSON bodies with 2xx/4xx and a stable error shape', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), fc.jsonValue({ maxDepth: 3 }), async ([method, url], body) => {
        const res = await env.app.inject({
          method,
          url,
          headers: { cookie: staff.cookie ?? '', 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)} → ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
      }),
      { numRuns: 400 },
    );
  });

  it('answers plausible bodies (the API’s own field names, edge values) with 2xx/4xx', async () => {
    const id = fc.oneof(fc.constant(1), fc.constant(2), fc.integer({ min: -2, max: 3 }), fc.constant(2 ** 53));
    const fen = fc.oneof(fc.constant(0), fc.constant(1), fc.constant(-1), fc.constant(99_999_999_999), fc.integer());
    const text = fc.oneof(fc.constant(''), fc.constant('2027Q1'), fc.constant('living'), fc.string({ maxLength: 30 }));
    const body = fc.record(
      {
        orgId: id,
        parentId: id,
        householdId: id,
        fundId: id,
        campaignId: id,
        toOrgId: id,
        fromOrgId: id,
        amountFen: fen,
        householdIncomeFen: fen,
        dibaoLineFen: fen,
        year: fc.oneof(fc.constant(2027), fc.integer()),
        programme: fc.constantFrom('living', 'medical', 'holiday', 'education', 'x'),
        period: text,
        method: fc.constantFrom('bank', 'cash', 'x'),
        templateId: fc.constantFrom('seed004.p1.living', 'seed004.p1.medical', 'campaign.education', 'x'),
        effectiveFrom: fc.constantFrom('2027-01-01', '2027-02-30', 'x'),
        decision: fc.constantFrom('approve', 'reject', 'pass', 'x'),
        name: text,
        memo: text,
        reason: text,
        status: fc.constantFrom('paid', 'failed', 'x'),
        inputs: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 })),
        params: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), body, async ([method, url], b) => {
        const res = await env.app.inject({
          method,
          url,
          headers: { cookie: staff.cookie ?? '', 'content-type': 'application/json' },
          payload: JSON.stringify(b),
        });
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(b)} → ${res.body}`).toBeLessThan(500);
      }),
      { numRuns: 600 },
    );
  });

  it('answers random query strings and ids with 2xx/4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...reads),
        fc.oneof(fc.constant('1'), fc.string({ maxLength: 12 }), fc.integer().map(String)),
        fc.dictionary(
          fc.constantFrom(
            'q',
            'limit',
            'offset',
            'parentId',
            'orgId',
            'status',
            'type',
            'from',
            'to',
            'year',
            'date',
            'fundId',
            'campaignId',
            'reveal',
          ),
          fc.string({ maxLength: 20 }),
        ),
        async (path, id, query) => {
          const qs = new URLSearchParams(query).toString();
          const url = `${path.replace(/\/1(?=\/|$)/, `/${encodeURIComponent(id)}`)}?${qs}`;
          const res = await env.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie ?? '' } });
          expect(res.statusCode, `${url} → ${res.body}`).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });
});
