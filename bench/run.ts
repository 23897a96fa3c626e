/**
 * The benchmark suite: `npm run bench`. Targets are ratios against a baseline measured in the same run, so
 * they hold on any machine. Each case prints its figures and PASS/FAIL; the exit code is non-zero on a FAIL.
 *
 * 1. Subtree reads of a county must not grow with the size of the whole tree: the same reads on a tree of
 *    ~110,000 nodes vs a tree of ~1,700 nodes, ratio ≤ 3 (a scan would be ~60×).
 * 2. Each of the five queries of a county's subtree reads (list + count, children + count, a page of the
 *    subtree) costs at most 20× a primary-key point read on the same large tree.
 * 3. A county's six everyday archive searches in a national archive of 1,000,000 files vs 10,000 files, ratio ≤ 3
 *    (bench/archive-run.ts).
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { ensureRootAndAdmin } from '../apps/server/src/first-start.js';
import { openContext } from '../apps/server/src/platform/bootstrap.js';
import { loadConfig } from '../apps/server/src/platform/config.js';
import type { Db } from '../apps/server/src/platform/db/connect.js';
import { archiveResults, runArchive } from './archive-run.js';
import { generateTree, subtreeReads } from './tree.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} } as never;

async function timeIt(n: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(20, n); i++) await fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / n;
}

async function tree(url: string, shape: number[]) {
  const ctx = await openContext(
    loadConfig({
      DATABASE_URL: url,
      BANGFU_ADMIN_PASSWORD: 'Bench-pass-2026',
      BANGFU_SECRET: 'bench-secret-at-least-32-characters-long',
      LOG_LEVEL: 'silent',
    }),
    quiet,
  );
  await ensureRootAndAdmin(ctx);
  const started = Date.now();
  const t = await generateTree(ctx.db, shape);
  return { ctx, ...t, buildMs: Date.now() - started };
}

async function pointRead(db: Db, id: number) {
  return sql`select id, path from org_node where id = ${id}`.execute(db);
}

const results: { name: string; ok: boolean; detail: string }[] = [];
async function run(label: string, urlFor: (name: string) => Promise<string>, cleanup: () => Promise<void>) {
  const small = await tree(await urlFor('small'), [2, 3, 4, 6, 8]);
  const large = await tree(await urlFor('large'), [31, 8, 8, 6, 8]);
  console.log(
    `${label}: small tree ${small.total} nodes (${small.buildMs} ms), large tree ${large.total} nodes (${large.buildMs} ms)`,
  );
  const tSmall = await timeIt(200, () => subtreeReads(small.ctx.db, small.sampleCounty));
  const tLarge = await timeIt(200, () => subtreeReads(large.ctx.db, large.sampleCounty));
  const tPoint = await timeIt(2000, () => pointRead(large.ctx.db, large.sampleCounty.id));
  const tProvince = await timeIt(20, () => subtreeReads(large.ctx.db, large.sampleProvince));
  const growth = tLarge / tSmall;
  const vsPoint = tLarge / 5 / tPoint;
  results.push({
    name: `${label}: county subtree reads, large/small tree`,
    ok: growth <= 3,
    detail: `${tLarge.toFixed(3)} ms vs ${tSmall.toFixed(3)} ms = ${growth.toFixed(2)}× (target ≤ 3×)`,
  });
  results.push({
    name: `${label}: one subtree query vs a point read`,
    ok: vsPoint <= 20,
    detail: `${(tLarge / 5).toFixed(3)} ms vs ${tPoint.toFixed(3)} ms = ${vsPoint.toFixed(1)}× (target ≤ 20×); all reads of a province subtree ${tProvince.toFixed(2)} ms`,
  });
  await small.ctx.handle.close();
  await large.ctx.handle.close();
  await cleanup();
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-bench-'));
await run(
  'sqlite',
  async (n) => path.join(dir, `${n}.sqlite`),
  async () => {},
);
await runArchive('sqlite', async (n) => path.join(dir, `${n}.sqlite`));
fs.rmSync(dir, { recursive: true, force: true });

const pgUrl = process.env.BANGFU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const pg = await import('pg');
const admin = new pg.default.Client({ connectionString: pgUrl });
try {
  await admin.connect();
  const names: string[] = [];
  const pgDatabase = async (n: string) => {
    const name = `bangfu_bench_${n}_${process.pid}`;
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    names.push(name);
    return pgUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  };
  const dropAll = async () => {
    for (const n of names.splice(0)) await admin.query(`drop database if exists ${n} with (force)`);
  };
  await run('postgres', pgDatabase, dropAll);
  await runArchive('postgres', pgDatabase);
  await dropAll();
} catch (e) {
  console.warn(`PostgreSQL benchmark skipped: ${(e as Error).message}`);
} finally {
  await admin.end().catch(() => {});
}

results.push(...archiveResults);
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}: ${r.detail}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
