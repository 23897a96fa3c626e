import type { Kysely } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

/**
 * Campaigns (送温暖 holiday visits, 金秋助学 education aid): organised by a node for its whole subtree, each
 * household (or child) at most once per campaign — the grants' unique index over (household, programme,
 * period) with period = the campaign's key enforces it across the tree. Individual applications (medical
 * relief, enterprise illness, disaster, campaign entries) gain their campaign, the child they concern, the
 * payment method and the fund that pays them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t, table, tenant } = tableBuilders(db);
  await tenant(table('campaign'))
    .addColumn('campaign_key', 'text', (c) => c.notNull().unique())
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', t.bigint)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_path_idx').on('campaign').columns(['org_path', 'starts_on']).execute();
  for (const [name, type] of [
    ['campaign_id', t.bigint],
    ['member_seq', 'integer'],
    ['method', 'text'],
    ['fund_id', t.bigint],
  ] as const)
    await db.schema
      .alterTable('assistance_application')
      .addColumn(name, type as never)
      .execute();
  await db.schema
    .createIndex('assistance_application_campaign_idx')
    .on('assistance_application')
    .columns(['campaign_id', 'status'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The campaigns migration cannot be reverted: restore a backup instead');
}
