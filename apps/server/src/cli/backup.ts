import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type Config, ConfigError } from '../platform/config.js';
import { createFieldCrypto, type FieldCrypto } from '../platform/crypto.js';
import { openSqlite } from '../platform/db/connect.js';
import { databaseKeyProblem, type KeyCheckRow, keyCheckProblem } from '../platform/db/key-check.js';
import { currentMigration } from '../platform/db/migrate.js';
import { lockDatabase } from '../platform/db/server-lock.js';

/** Files Bangfu writes that hold personal data are readable by their owner only. */
const PRIVATE = 0o600;

/**
 * Backup: SQLite through its online backup API (consistent while the server runs); PostgreSQL through
 * pg_dump's custom format (docs/OPERATIONS.md). The file is created mode 0600 before anything is written to it.
 */
export async function backup(config: Config, file: string): Promise<string> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new Error(`${target} exists: choose a new file name`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.closeSync(fs.openSync(target, 'wx', PRIVATE));
  fs.chmodSync(target, PRIVATE);
  if (config.database.dialect === 'postgres') {
    runTool('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, config.database.url]);
    fs.chmodSync(target, PRIVATE);
    return target;
  }
  const handle = openSqlite(config.database.file as string);
  try {
    await handle.sqlite?.backup(target);
  } finally {
    await handle.close();
  }
  fs.chmodSync(target, PRIVATE);
  const check = new SqliteDatabase(target, { readonly: true });
  const ok = check.pragma('integrity_check', { simple: true });
  check.close();
  if (ok !== 'ok') throw new Error(`backup integrity check failed: ${String(ok)}`);
  return target;
}

/** The configured secret, without creating one: a restore must be checked against the secret in use. */
function configuredCrypto(config: Config): FieldCrypto {
  const secret =
    config.secret ?? (fs.existsSync(config.secretFile) ? fs.readFileSync(config.secretFile, 'utf8').trim() : '');
  if (!secret)
    throw new ConfigError(
      `Refused: BANGFU_SECRET is not set and ${config.secretFile} does not exist: set the secret the backup was written with`,
    );
  return createFieldCrypto(secret, config.oldSecrets);
}

const cannotOpen = (source: string, why: string) =>
  new ConfigError(
    `Refused: the configured BANGFU_SECRET cannot open ${source} (${why}): set the secret it was written with, and former ones in BANGFU_OLD_SECRETS`,
  );

/**
 * Restore: refused while a server holds the database (platform/db/server-lock.ts) and when the configured secret
 * cannot open the backup's data (its key check values). SQLite: the backup is checked (integrity, a Bangfu
 * schema), the current database is kept beside it as .before-restore-<time>, then replaced. PostgreSQL:
 * pg_restore --clean.
 */
export async function restore(config: Config, file: string): Promise<string> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`${source} does not exist`);
  const crypto = configuredCrypto(config);
  const lock = await lockDatabase(config, 'restore');
  try {
    if (config.database.dialect === 'postgres') {
      const rows = pgKeyCheck(source);
      if (!rows.length) console.warn(`${source} predates key check values: the secret could not be confirmed`);
      const problem = keyCheckProblem(crypto, rows);
      if (problem) throw cannotOpen(source, problem);
      runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${config.database.url}`, source]);
      return config.database.url;
    }
    const check = openSqlite(source);
    const ok = check.sqlite?.pragma('integrity_check', { simple: true });
    const migration = await currentMigration(check.db);
    const problem = await databaseKeyProblem(check.db, crypto);
    await check.close();
    if (ok !== 'ok') throw new Error(`${source} is damaged: ${String(ok)}`);
    if (!migration) throw new Error(`${source} is not a Bangfu database`);
    if (problem) throw cannotOpen(source, problem);
    const dbFile = config.database.file as string;
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    if (fs.existsSync(dbFile)) {
      const keep = `${dbFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      // Checkpoint the live database into one file before keeping it aside.
      const live = new SqliteDatabase(dbFile);
      live.pragma('wal_checkpoint(TRUNCATE)');
      live.close();
      fs.renameSync(dbFile, keep);
      fs.chmodSync(keep, PRIVATE);
    }
    for (const ext of ['-wal', '-shm']) fs.rmSync(`${dbFile}${ext}`, { force: true });
    fs.copyFileSync(source, dbFile);
    fs.chmodSync(dbFile, PRIVATE);
    return dbFile;
  } finally {
    await lock.release();
  }
}

/** The key check rows inside a pg_dump custom-format file, read with pg_restore without touching a database. */
function pgKeyCheck(source: string): KeyCheckRow[] {
  const r = spawnSync('pg_restore', ['--data-only', '--table=key_check', '--file=-', source], { encoding: 'utf8' });
  if (r.error) throw new Error(`pg_restore is needed for PostgreSQL restores: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${source} is not a readable pg_dump file: ${r.stderr.trim()}`);
  const lines = r.stdout.split('\n');
  const start = lines.findIndex((l) => /^COPY \S*key_check \(purpose, value, created_at\) FROM stdin;$/.test(l));
  if (start < 0) return [];
  const rows: KeyCheckRow[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l === '\\.') break;
    const [purpose, value] = l.split('\t');
    if (purpose && value) rows.push({ purpose, value });
  }
  return rows;
}

function runTool(tool: string, args: string[]) {
  const r = spawnSync(tool, args, { stdio: 'inherit' });
  if (r.error)
    throw new Error(`${tool} is needed for PostgreSQL backups (apt-get install postgresql-client): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${tool} failed with exit code ${r.status}`);
}
