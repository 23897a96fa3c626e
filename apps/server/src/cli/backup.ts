import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Config } from '../platform/config.js';
import { openSqlite } from '../platform/db/connect.js';
import { currentMigration } from '../platform/db/migrate.js';

/**
 * Backup: SQLite through its online backup API (consistent while the server runs); PostgreSQL through
 * pg_dump's custom format (docs/OPERATIONS.md).
 */
export async function backup(config: Config, file: string): Promise<string> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new Error(`${target} exists: choose a new file name`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (config.database.dialect === 'postgres') {
    runTool('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, config.database.url]);
    return target;
  }
  const handle = openSqlite(config.database.file as string);
  try {
    await handle.sqlite?.backup(target);
  } finally {
    await handle.close();
  }
  const check = new SqliteDatabase(target, { readonly: true });
  const ok = check.pragma('integrity_check', { simple: true });
  check.close();
  if (ok !== 'ok') throw new Error(`backup integrity check failed: ${String(ok)}`);
  return target;
}

/**
 * Restore: the server must be stopped. SQLite: the backup is checked (integrity, a Bangfu schema), the current
 * database is kept beside it as .before-restore-<time>, then replaced. PostgreSQL: pg_restore --clean.
 */
export async function restore(config: Config, file: string): Promise<string> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`${source} does not exist`);
  if (config.database.dialect === 'postgres') {
    runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${config.database.url}`, source]);
    return config.database.url;
  }
  const check = openSqlite(source);
  const ok = check.sqlite?.pragma('integrity_check', { simple: true });
  const migration = await currentMigration(check.db);
  await check.close();
  if (ok !== 'ok') throw new Error(`${source} is damaged: ${String(ok)}`);
  if (!migration) throw new Error(`${source} is not a Bangfu database`);
  const dbFile = config.database.file as string;
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  if (fs.existsSync(dbFile)) {
    const keep = `${dbFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    // Checkpoint the live database into one file before keeping it aside.
    const live = new SqliteDatabase(dbFile);
    live.pragma('wal_checkpoint(TRUNCATE)');
    live.close();
    fs.renameSync(dbFile, keep);
  }
  for (const ext of ['-wal', '-shm']) fs.rmSync(`${dbFile}${ext}`, { force: true });
  fs.copyFileSync(source, dbFile);
  return dbFile;
}

function runTool(tool: string, args: string[]) {
  const r = spawnSync(tool, args, { stdio: 'inherit' });
  if (r.error)
    throw new Error(`${tool} is needed for PostgreSQL backups (apt-get install postgresql-client): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${tool} failed with exit code ${r.status}`);
}
