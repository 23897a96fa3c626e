/**
 * Archive search at national scale (`npm run bench`, or alone: `node --import tsx bench/archive-run.ts`).
 * A county's everyday searches (first page in pinyin order with its count, a name, pinyin initials, an exact ID
 * through the blind index, a filtered page sorted by income, a file number) must not grow with the size of the
 * national archive: the same county-sized subtree (1,000 files) in an archive of ~10,000 files vs ~1,000,000,
 * ratio ≤ 3. BANGFU_BENCH_FILES_PER_COUNTY and BANGFU_BENCH_LARGE_SHAPE shrink it for a quick look.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureRootAndAdmin } from '../apps/server/src/first-start.js';
import { openContext } from '../apps/server/src/platform/bootstrap.js';
import { loadConfig } from '../apps/server/src/platform/config.js';
import { benchId, countySearches, generateArchive } from './archive.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} } as never;
const PER_COUNTY = Number(process.env.BANGFU_BENCH_FILES_PER_COUNTY ?? 1000);
const LARGE = (process.env.BANGFU_BENCH_LARGE_SHAPE ?? '10,10,10').split(',').map(Number);

async function timeIt(n: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(10, n); i++) await fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / n;
}

async function archive(url: string, shape: number[]) {
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
  const a = await generateArchive(ctx, shape, PER_COUNTY);
  return { ctx, ...a, buildMs: Date.now() - started };
}

export const archiveResults: { name: string; ok: boolean; detail: string }[] = [];

export async function runArchive(label: string, urlFor: (name: string) => Promise<string>) {
  const small = await archive(await urlFor('archive_small'), [1, 1, 10]);
  const large = await archive(await urlFor('archive_large'), LARGE);
  console.log(
    `${label}: archive of ${small.files} files (${small.buildMs} ms) vs ${large.files} files (${large.buildMs} ms)`,
  );
  // The sample county's first file's ID is a known one to look up.
  const idIn = (a: typeof small) => benchId(a.counties.findIndex((c) => c.id === a.sampleCounty.id) * PER_COUNTY);
  const tSmall = await timeIt(50, () => countySearches(small.ctx, small.sampleCounty, idIn(small)));
  const tLarge = await timeIt(50, () => countySearches(large.ctx, large.sampleCounty, idIn(large)));
  const found = await countySearches(large.ctx, large.sampleCounty, idIn(large));
  const ratio = tLarge / tSmall;
  archiveResults.push({
    name: `${label}: a county's six searches, ${large.files} vs ${small.files} files`,
    ok: ratio <= 3 && found > 0,
    detail: `${tLarge.toFixed(2)} ms vs ${tSmall.toFixed(2)} ms = ${ratio.toFixed(2)}× (target ≤ 3×); ${(tLarge / 6).toFixed(2)} ms a search`,
  });
  await small.ctx.handle.close();
  await large.ctx.handle.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-bench-archive-'));
  await runArchive('sqlite', async (n) => path.join(dir, `${n}.sqlite`));
  fs.rmSync(dir, { recursive: true, force: true });
  for (const r of archiveResults) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}: ${r.detail}`);
  process.exit(archiveResults.every((r) => r.ok) ? 0 : 1);
}
