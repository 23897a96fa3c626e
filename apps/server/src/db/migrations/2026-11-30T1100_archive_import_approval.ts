import type { Kysely } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

/**
 * Issue 8: importing an existing archive as 在档 needs a second person. The import remembers that it is to be
 * committed as filed, who asked for it and who approved it (a different user with archive.approve at an upper
 * node). Old imports are plain (as_filed 0).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t } = tableBuilders(db);
  await db.schema
    .alterTable('archive_import')
    .addColumn('as_filed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('archive_import').addColumn('commit_requested_by', t.bigint).execute();
  await db.schema.alterTable('archive_import').addColumn('approved_by', t.bigint).execute();
}
