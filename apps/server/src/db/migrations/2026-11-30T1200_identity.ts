import type { Kysely } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

/**
 * Identity binding and sign-in (issue 8, items 4 and 5).
 *
 * `app_user.household_id` is the one link between a worker account and a file. It is set only through a
 * verified path: by staff of the union holding the file (the account is opened from the file), or by the
 * worker entering a one-time code that union handed them together with their ID number. Worker accounts
 * linked the old way (an ID typed into the user form, never checked) are not carried over: they bind again.
 *
 * `worker_bind_code` keeps those codes: only the sha256 of the code, its expiry, when and by whom it was
 * used (single use, decided by a conditional update), and the wrong-ID attempts (the code dies at 5).
 *
 * `app_user.lockout_notice`: the end of the last lock, shown to the user after their next correct sign-in.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t, table } = tableBuilders(db);
  await db.schema
    .alterTable('app_user')
    .addColumn('household_id', t.bigint, (c) => c.references('household.id'))
    .execute();
  await db.schema.alterTable('app_user').addColumn('lockout_notice', t.timestamp).execute();
  await db.schema.createIndex('app_user_household_idx').on('app_user').column('household_id').execute();

  await table('worker_bind_code')
    .addColumn('household_id', t.bigint, (c) => c.notNull().references('household.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', t.bigint, (c) => c.references('app_user.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .addColumn('used_by', t.bigint, (c) => c.references('app_user.id'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('worker_bind_code_household_idx').on('worker_bind_code').column('household_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
