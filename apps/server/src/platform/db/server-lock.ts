import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { ConfigError } from '../config.js';

/**
 * Who holds the database: a running server, or a restore in progress. A restore under a running server would be
 * silently undone by, or silently drop, the writes the server makes, so the two exclude each other.
 *
 * SQLite: a lock file beside the database (`<file>.lock`, mode 0600) naming the holder's pid; a holder whose pid
 * is no longer alive left it behind in a crash and is ignored. PostgreSQL: advisory lock SERVER_LOCK_KEY, held on
 * its own connection for the holder's lifetime: servers take it shared (several servers may share a database),
 * a restore exclusively. Both vanish with the process, so a killed server never blocks a restore.
 */
export const SERVER_LOCK_KEY = 0x62616e6766; // 'bangf'

export type Holder = 'server' | 'restore';
export interface DatabaseLock {
  release(): Promise<void>;
}

export async function lockDatabase(config: Pick<Config, 'database'>, holder: Holder): Promise<DatabaseLock> {
  return config.database.dialect === 'postgres'
    ? lockPostgres(config.database.url, holder)
    : lockSqlite(config.database.file as string, holder);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function refusal(holder: Holder, other: string) {
  return holder === 'restore'
    ? new ConfigError(
        `Refused: ${other} is using this database; stop it before restoring (its later writes would be lost)`,
      )
    : new ConfigError(`Refused: ${other} holds this database; wait for it to finish or stop it`);
}

async function lockSqlite(file: string, holder: Holder): Promise<DatabaseLock> {
  if (file === ':memory:') return { release: async () => {} };
  const lockFile = `${file}.lock`;
  // A first start: the database's folder (./data) does not exist yet.
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const mine = JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, mine, { flag: 'wx', mode: 0o600 });
      return {
        release: async () => {
          try {
            if (fs.readFileSync(lockFile, 'utf8') === mine) fs.unlinkSync(lockFile);
          } catch {}
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let other: { pid?: number; holder?: string } = {};
    try {
      other = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
    } catch {}
    if (typeof other.pid === 'number' && other.pid !== process.pid && alive(other.pid))
      throw refusal(holder, `a Bangfu ${other.holder === 'restore' ? 'restore' : 'server'} (pid ${other.pid})`);
    fs.rmSync(lockFile, { force: true }); // left behind by a process that is gone
  }
  throw new ConfigError(`Refused: cannot take the lock ${lockFile}`);
}

async function lockPostgres(url: string, holder: Holder): Promise<DatabaseLock> {
  const client = new pg.Client({ connectionString: url, application_name: `bangfu-${holder}-lock` });
  await client.connect();
  client.on('error', () => {}); // a dropped lock connection must not crash the server
  const fn = holder === 'server' ? 'pg_try_advisory_lock_shared' : 'pg_try_advisory_lock';
  const r = await client.query<{ ok: boolean }>(`select ${fn}($1::bigint) as ok`, [SERVER_LOCK_KEY]);
  if (!r.rows[0]?.ok) {
    await client.end().catch(() => {});
    throw refusal(holder, holder === 'restore' ? 'a Bangfu server' : 'a Bangfu restore');
  }
  return { release: () => client.end().catch(() => {}) };
}
