import type { Kysely } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

/**
 * Key check values (platform/db/key-check.ts): a constant encrypted under the field key and the constant's blind
 * index, written at first boot. A server, and `bangfu restore`, whose BANGFU_SECRET cannot reproduce them refuse
 * to go on instead of writing data no one can read or match again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t } = tableBuilders(db);
  await db.schema
    .createTable('key_check')
    .addColumn('purpose', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('key_check').execute();
}
