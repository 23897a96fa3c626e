/**
 * Shared by `npm run chaos` and `npm run load`: a fresh database (SQLite file or new PostgreSQL database), seeded
 * in-process with the demo city plus a county of filed households (through the real import service), the real
 * server as a child process (`bangfu serve`), a cookie-keeping HTTP client, and the invariant checks in SQL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkChar } from '@bangfu/policy';
import { sql } from 'kysely';
import pg from 'pg';
import { seedDemo } from '../../apps/server/src/cli/demo.js';
import { ensureRootAndAdmin } from '../../apps/server/src/first-start.js';
import { commitImport, stageImport } from '../../apps/server/src/modules/archive/archive.import.js';
import { verifyAudit } from '../../apps/server/src/modules/audit/audit.service.js';
import { adoptRule } from '../../apps/server/src/modules/programmes/programmes.service.js';
import { systemActor } from '../../apps/server/src/platform/auth/actor.js';
import { openContext } from '../../apps/server/src/platform/bootstrap.js';
import { loadConfig } from '../../apps/server/src/platform/config.js';
import { openDatabase } from '../../apps/server/src/platform/db/connect.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SECRET = 'chaos-secret-at-least-32-characters-long!';
export const PASSWORD = 'Bangfu-demo-2026';
const PG_ADMIN = process.env.BANGFU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const quiet = { info() {}, warn() {}, error() {}, debug() {} } as never;
export type Dialect = 'sqlite' | 'postgres';
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------- database

export interface Fresh {
  dialect: Dialect;
  url: string;
  drop(): Promise<void>;
}

export async function freshDatabase(dialect: Dialect, label: string): Promise<Fresh> {
  const name = `bangfu_${label}_${process.pid}_${Date.now().toString(36)}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bangfu-${label}-`));
    return {
      dialect,
      url: path.join(dir, `${name}.sqlite`),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 3000 });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    dialect,
    url: PG_ADMIN.replace(/\/[^/?]*(\?|$)/, `/${name}$1`),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function envFor(url: string, port: number, dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
    BANGFU_SECRET: SECRET,
    BANGFU_ADMIN_PASSWORD: PASSWORD,
    BANGFU_SECURE_COOKIES: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    BANGFU_WEB_DIST: path.join(dir, 'no-web'),
  };
}

// ------------------------------------------------------------------------------------------------ households

/** A valid resident ID for person n (region 440203, born 1950 + n days, sequence 7xx: never a demo ID). */
export function personId(n: number): string {
  const d = new Date(Date.UTC(1950, 0, 1) + n * 86_400_000);
  const ymd = d.toISOString().slice(0, 10).replaceAll('-', '');
  const body = `440203${ymd}${700 + (n % 100)}`;
  return body + checkChar(body);
}

const HEAD = ['姓名', '身份证号', '婚姻状况', '工作状态', '主要致困原因', '低保情况', '工资性收入（元/年）'];
const BANK = ['开户银行', '开户支行', '银行卡号', '困难类别'];

/** A .csv in the archive import layout: households first..first+count-1, single, poor, with a bank account. */
export function householdsCsv(first: number, count: number, prefix: string): Buffer {
  const lines = [[...HEAD, ...BANK].join(',')];
  for (let n = first; n < first + count; n++)
    lines.push(
      [
        `${prefix}${n}`,
        personId(n),
        'unmarried',
        'laid_off',
        'laid_off',
        'edge',
        '6000',
        '中国工商银行',
        '韶关武江支行',
        `62220202${String(n).padStart(11, '0')}`,
        'deep',
      ].join(','),
    );
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

export interface Seeded {
  countyId: number;
  streetId: number;
  livingFundId: number;
  files: number[];
}

/**
 * The demo city, then `files` households filed at 西河镇 (below 武江区) through the real staged import as 在档, and
 * the 送温暖 template adopted at the county. In-process, before any server runs.
 */
export async function seed(url: string, files: number): Promise<Seeded> {
  const ctx = await openContext(
    loadConfig({ DATABASE_URL: url, BANGFU_SECRET: SECRET, BANGFU_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'silent' }),
    quiet,
  );
  try {
    await ensureRootAndAdmin(ctx);
    const r = await ctx.db
      .selectFrom('org_node')
      .select(['id', 'path', 'province_code'])
      .where('parent_id', 'is', null);
    const top = await r.executeTakeFirstOrThrow();
    const actor = systemActor({ orgId: top.id, path: top.path, provinceCode: top.province_code }, 'chaos-seed');
    await seedDemo(ctx, actor);
    const org = async (name: string) =>
      Number((await ctx.db.selectFrom('org_node').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id);
    const countyId = await org('武江区总工会');
    const streetId = await org('西河镇总工会');
    const fund = await ctx.db
      .selectFrom('fund')
      .select('id')
      .where('restricted_programme', '=', 'living')
      .executeTakeFirstOrThrow();
    const year = new Date().getUTCFullYear();
    await adoptRule(ctx, actor, {
      orgId: countyId,
      templateId: 'seed004.p2.holiday',
      effectiveFrom: `${year}-01-01`,
      params: {},
    });
    const csv = householdsCsv(1, files, '在档职工');
    const staged = await stageImport(
      ctx,
      actor,
      { buffer: csv, filename: 'seed.csv', orgId: streetId },
      { wait: true },
    );
    await commitImport(ctx, actor, staged.id, { asFiled: true, wait: true });
    const rows = await ctx.db
      .selectFrom('archive_import_row')
      .select('household_id')
      .where('import_id', '=', staged.id)
      .where('status', '=', 'committed')
      .execute();
    if (rows.length !== files) {
      const bad = await ctx.db
        .selectFrom('archive_import_row')
        .select(['row_no', 'status', 'problems_json'])
        .where('import_id', '=', staged.id)
        .where('status', '<>', 'committed')
        .limit(3)
        .execute();
      throw new Error(`seed: ${rows.length} of ${files} households filed: ${JSON.stringify(bad)}`);
    }
    return { countyId, streetId, livingFundId: Number(fund.id), files: rows.map((x) => Number(x.household_id)) };
  } finally {
    await ctx.handle.close();
  }
}

// ---------------------------------------------------------------------------------------------------- server

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export class Server {
  child?: ChildProcess;
  log = '';
  constructor(
    readonly env: NodeJS.ProcessEnv,
    readonly base: string,
  ) {}

  async start() {
    this.log = '';
    const child = spawn(process.execPath, [path.join(root, 'apps/server/bin/bangfu.mjs'), 'serve'], {
      cwd: root,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (b: Buffer) => {
      this.log = (this.log + b.toString()).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const until = Date.now() + 180_000;
    while (Date.now() < until) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${this.log}`);
      try {
        const r = await fetch(`${this.base}/api/health`);
        if (r.ok) return;
      } catch {}
      await sleep(100);
    }
    throw new Error(`server did not answer /api/health: ${this.log}`);
  }

  /** SIGKILL: no handler runs, nothing is flushed; wait until the process is gone. */
  async kill() {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await gone;
  }

  async stop() {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await Promise.race([gone, sleep(5000)]);
    await this.kill();
  }

  /** Resident set size of the server process in bytes (Linux /proc), or 0. */
  rss(): number {
    try {
      const status = fs.readFileSync(`/proc/${this.child?.pid}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      return m ? Number(m[1]) * 1024 : 0;
    } catch {
      return 0;
    }
  }
}

// ---------------------------------------------------------------------------------------------------- client

export interface Res {
  status: number;
  body: any;
  ms: number;
}

export class Client {
  cookie = '';
  constructor(readonly base: string) {}

  async call(method: string, url: string, body?: unknown, form?: FormData): Promise<Res> {
    const started = performance.now();
    const headers: Record<string, string> = { origin: this.base };
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${this.base}${url}`, {
      method,
      headers,
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const set = r.headers.getSetCookie?.() ?? [];
    for (const c of set) if (c.startsWith('bangfu_sid=')) this.cookie = c.split(';')[0] as string;
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: r.status, body: parsed, ms: performance.now() - started };
  }
  get = (url: string) => this.call('GET', url);
  post = (url: string, body: unknown = {}) => this.call('POST', url, body);
  upload(url: string, file: Buffer, filename: string) {
    const form = new FormData();
    form.append('file', new Blob([file]), filename);
    return this.call('POST', url, undefined, form);
  }

  static async login(base: string, username: string, password = PASSWORD): Promise<Client> {
    const c = new Client(base);
    const r = await c.post('/api/v1/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return c;
  }
}

/** The answer's status, or throws with the body: for steps that must succeed. */
export function must(r: Res, what: string, ...ok: number[]): any {
  if (!(ok.length ? ok : [200, 201, 202]).includes(r.status))
    throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
  return r.body;
}

// ------------------------------------------------------------------------------------------------ invariants

export interface Violation {
  check: string;
  detail: string;
}

/**
 * The money and archive invariants, read straight from the database: at most one live grant per
 * household/programme/period; each grant paid at most once and by one ledger line; at most one payment entry per
 * batch; every entry balanced; every account's balance equal to its lines; every household with a create event;
 * the audit chains intact.
 */
export async function checkInvariants(url: string): Promise<Violation[]> {
  const config = loadConfig({ DATABASE_URL: url, BANGFU_SECRET: SECRET, LOG_LEVEL: 'silent' });
  const handle = openDatabase(config);
  const db = handle.db;
  const out: Violation[] = [];
  const rows = async (q: ReturnType<typeof sql>) => (await q.execute(db)).rows as Record<string, unknown>[];
  try {
    for (const r of await rows(sql`select household_id, programme, period, count(*) as n from assistance_grant
        where status in ('proposed','approved','paid') group by household_id, programme, period having count(*) > 1`))
      out.push({ check: 'one live grant', detail: `household ${r.household_id} ${r.programme} ${r.period}: ${r.n}` });
    for (const r of await rows(sql`select grant_id, count(*) as n from ledger_line where grant_id is not null
        group by grant_id having count(*) > 1`))
      out.push({ check: 'grant paid once', detail: `grant ${r.grant_id}: ${r.n} ledger lines` });
    for (const r of await rows(sql`select ref_type, ref_id, count(*) as n from ledger_entry
        where ref_type is not null and ref_id is not null and ref_type like '%batch%'
        group by ref_type, ref_id having count(*) > 1`))
      out.push({ check: 'one payment entry per batch', detail: `${r.ref_type} ${r.ref_id}: ${r.n} entries` });
    for (const r of await rows(sql`select g.id, g.status, g.ledger_entry_id,
        (select count(*) from ledger_line l where l.grant_id = g.id) as lines from assistance_grant g
        where (g.status = 'paid') <> ((select count(*) from ledger_line l where l.grant_id = g.id) = 1)
          and g.method = 'bank'`))
      out.push({ check: 'paid grants have one line', detail: `grant ${r.id} ${r.status}: ${r.lines} lines` });
    for (const r of await rows(sql`select e.id, e.total_fen, sum(l.debit_fen) as d, sum(l.credit_fen) as c
        from ledger_entry e join ledger_line l on l.entry_id = e.id group by e.id, e.total_fen
        having sum(l.debit_fen) <> sum(l.credit_fen) or sum(l.debit_fen) <> e.total_fen`))
      out.push({ check: 'entry balanced', detail: `entry ${r.id}: total ${r.total_fen}, Dr ${r.d}, Cr ${r.c}` });
    for (const r of await rows(sql`select a.id, a.kind, a.balance_fen,
        coalesce(sum(l.debit_fen), 0) as d, coalesce(sum(l.credit_fen), 0) as c
        from ledger_account a left join ledger_line l on l.account_id = a.id group by a.id, a.kind, a.balance_fen`)) {
      const net = Math.abs(Number(r.d) - Number(r.c));
      if (net !== Number(r.balance_fen))
        out.push({ check: 'balance = lines', detail: `account ${r.id} (${r.kind}): ${r.balance_fen} vs ${net}` });
    }
    for (const r of await rows(sql`select h.id from household h
        where not exists (select 1 from household_event e where e.household_id = h.id)`))
      out.push({ check: 'file has its history', detail: `household ${r.id} has no event` });
    for (const r of await rows(sql`select subject_type, subject_id, decision, count(*) as n from approval
        where decision in ('approve','reject') group by subject_type, subject_id, level, decision having count(*) > 1`))
      out.push({ check: 'one decision', detail: `${r.subject_type} ${r.subject_id} ${r.decision}: ${r.n}` });
    const audit = await verifyAudit(db);
    if (!audit.ok)
      for (const c of audit.chains)
        for (const p of c.problems)
          out.push({ check: 'audit verify', detail: `chain ${c.chain} seq ${p.seq}: ${p.problem}` });
  } finally {
    await handle.close();
  }
  return out;
}
