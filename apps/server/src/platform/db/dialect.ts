import { type Kysely, PostgresAdapter, sql } from 'kysely';

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
