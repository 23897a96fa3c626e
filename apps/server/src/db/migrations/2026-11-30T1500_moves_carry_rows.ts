import { type Kysely, sql } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

/**
 * Moving a union carries its rows (issue: a moved county lost its files). The append-only ledgers (ledger_entry,
 * ledger_line, goods_movement) refused every UPDATE, so a subtree move could not rewrite where their rows
 * belong. Now they refuse any change of their content and any DELETE, and allow only `org_path` and
 * `province_code` to change: the entry itself (amounts, accounts, who, when) stays as written.
 */
const LEDGERS = [
  { table: 'ledger_entry', pgOld: 'ledger_entry_no_change', sqliteOld: 'ledger_entry_no_update', what: 'the ledger' },
  { table: 'ledger_line', pgOld: 'ledger_line_no_change', sqliteOld: 'ledger_line_no_update', what: 'the ledger' },
  {
    table: 'goods_movement',
    pgOld: 'goods_movement_no_change',
    sqliteOld: 'goods_movement_no_update',
    what: 'goods movements',
  },
];
const WHERE_COLUMNS = ['org_path', 'province_code'];

export async function up(db: Kysely<any>): Promise<void> {
  const { t } = tableBuilders(db);
  if (t.pg) {
    await sql`create function append_only_but_placed() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then raise exception '% is append-only', tg_table_name; end if;
        if (to_jsonb(new) - 'org_path' - 'province_code') is distinct from (to_jsonb(old) - 'org_path' - 'province_code') then
          raise exception '% is append-only', tg_table_name;
        end if;
        return new;
      end $$`.execute(db);
    for (const l of LEDGERS) {
      await sql`drop trigger ${sql.raw(l.pgOld)} on ${sql.table(l.table)}`.execute(db);
      await sql`create trigger ${sql.raw(`${l.table}_no_change`)} before update or delete on ${sql.table(l.table)}
        for each row execute function append_only_but_placed()`.execute(db);
    }
    return;
  }
  for (const l of LEDGERS) {
    const cols = await sql<{ name: string }>`select name from pragma_table_info(${l.table})`.execute(db);
    const content = cols.rows.map((c) => c.name).filter((c) => !WHERE_COLUMNS.includes(c));
    await sql`drop trigger ${sql.raw(l.sqliteOld)}`.execute(db);
    await sql`create trigger ${sql.raw(l.sqliteOld)} before update of ${sql.raw(content.map((c) => `"${c}"`).join(', '))}
      on ${sql.table(l.table)} begin select raise(abort, ${sql.lit(`${l.what} is append-only`)}); end`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('The moves migration cannot be reverted: restore a backup instead');
}
