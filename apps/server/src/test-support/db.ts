import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Dialect } from '../platform/config.js';
import { type DbHandle, openPostgres, openSqlite } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';

/** The PostgreSQL server integration tests use; each test file gets its own fresh database on it. */
export const PG_ADMIN_URL = process.env.BANGFU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const pgProblem = await probePostgres();
if (pgProblem) {
  const msg = `PostgreSQL is not reachable at ${PG_ADMIN_URL} (${pgProblem}): PostgreSQL integration tests are SKIPPED`;
  if (process.env.CI === 'true') throw new Error(`${msg} — not allowed with CI=true`);
  console.warn(`\n⚠  ${msg}\n`);
}

/** The dialects integration tests run on: both, unless PostgreSQL is unreachable outside CI. */
export const testDialects: Dialect[] = pgProblem ? ['sqlite'] : ['sqlite', 'postgres'];

export interface TestDb {
  handle: DbHandle;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database: a temp SQLite file, or a new PostgreSQL database dropped afterwards. */
export async function freshDatabase(dialect: Dialect): Promise<TestDb> {
  const name = `bangfu_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-test-'));
    const file = path.join(dir, `${name}.sqlite`);
    const handle = openSqlite(file);
    await migrateToLatest(handle.db);
    return {
      handle,
      url: file,
      drop: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  const handle = openPostgres(url, 5);
  await migrateToLatest(handle.db);
  return {
    handle,
    url,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
