import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config, Dialect } from '../config.js';
import type { Database } from './schema.js';

// pg hands back int8 and numeric as strings and timestamps as Date; make both dialects agree:
// numbers stay numbers (money is integer 分, far below 2^53) and timestamps are ISO strings.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString());

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** The raw SQLite handle (backup API); undefined on PostgreSQL. */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

export function openSqlite(file: string): DbHandle {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Owner-only: the file holds personal data. SQLite gives the -wal and -shm files the database file's mode;
    // files from older versions are tightened here too.
    fs.closeSync(fs.openSync(file, 'a', 0o600));
    for (const f of [file, `${file}-wal`, `${file}-shm`])
      try {
        if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
      } catch {} // not ours to change (a read-only copy): leave it
  }
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

export function openPostgres(url: string, max = 10): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server drops (restart, failover, admin termination) must not crash the process:
  // the pool discards it and opens a new one on the next query.
  pool.on('error', (e) => console.error(`database connection lost (${e.message}); the pool will reconnect`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

export function openDatabase(config: Pick<Config, 'database'>): DbHandle {
  return config.database.dialect === 'postgres'
    ? openPostgres(config.database.url)
    : openSqlite(config.database.file ?? config.database.url);
}

/** Whether the database answers a trivial query (the health check). */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
