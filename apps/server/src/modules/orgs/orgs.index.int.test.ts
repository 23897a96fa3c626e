import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subtreeEnd } from '../../platform/db/scoped.js';
import { testDialects } from '../../test-support/db.js';
import { TestEnv } from '../../test-support/env.js';

/** Every report rolls up the tree: subtree ranges must be answered from the path index, never by a scan. */
describe.each(testDialects)('subtree queries use the path index on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await TestEnv.create(dialect);
  });
  afterAll(() => env.close());

  it('plans the subtree range as an index search', async () => {
    const p = '/1/';
    const db = env.ctx.db;
    if (dialect === 'sqlite') {
      const plan = await sql<{
        detail: string;
      }>`explain query plan select id from org_node where path >= ${p} and path < ${subtreeEnd(p)}`.execute(db);
      expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/USING (COVERING )?INDEX org_node_path_uq/);
    } else {
      await db.connection().execute(async (c) => {
        await sql`set enable_seqscan = off`.execute(c);
        const plan = await sql<{
          'QUERY PLAN': string;
        }>`explain select id from org_node where path >= ${p} and path < ${subtreeEnd(p)}`.execute(c);
        expect(plan.rows.map((r) => r['QUERY PLAN']).join(' ')).toMatch(/Index (Only )?Scan using org_node_path_uq/);
        await sql`reset enable_seqscan`.execute(c);
      });
    }
  });
});
