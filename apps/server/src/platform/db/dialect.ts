import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Column types that differ between the dialects, for migrations. */
export function types(db: Kysely<any>) {
  const pg = isPostgres(db);
  return {
    pg,
    /** Timestamp column: timestamptz in PostgreSQL, ISO-8601 text in SQLite. */
    timestamp: pg ? sql`timestamptz` : sql`text`,
    /** Byte-wise ordered text so that path ranges use the index on both dialects. */
    pathText: pg ? sql`text collate "C"` : sql`text`,
    bigint: pg ? sql`bigint` : sql`integer`,
  } as const;
}

/**
 * Table builders for migrations: `table(name)` starts a table with its identity key; `tenant(builder)` adds the
 * columns every tenant row carries (its node, the node's path for scoping, the province code for partitioning).
 */
export function tableBuilders(db: Kysely<any>) {
  const t = types(db);
  const table = (name: string) =>
    t.pg
      ? db.schema.createTable(name).addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : db.schema.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const tenant = (b: CreateTableBuilder<string, any>) =>
    b
      .addColumn('org_id', t.bigint, (c) => c.notNull().references('org_node.id'))
      .addColumn('org_path', t.pathText, (c) => c.notNull())
      .addColumn('province_code', 'text', (c) => c.notNull());
  return { t, table, tenant };
}

/** `column LIKE %text%` with the wildcards in text escaped, identical on both dialects. */
export function containsLike(column: string, text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** `column LIKE text%`, escaped. */
export function startsLike(column: string, text: string) {
  const pattern = `${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
