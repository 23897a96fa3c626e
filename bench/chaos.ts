/**
 * `npm run chaos`: crash trials. Starts the real server (`bangfu serve`) on a fresh SQLite file and/or a fresh
 * PostgreSQL database, drives it over HTTP and kills it with SIGKILL at a random moment of an archive import
 * (validation and commit), a batch compute, a batch payment and a campaign decision. After each kill it restarts
 * the server on the same database, completes the work (import resume/commit, batch resume, pay again, decide
 * again) and checks the invariants in SQL (bench/chaos/harness.ts `checkInvariants`): one live grant per
 * household/programme/period, each grant paid once, one payment entry per batch, balanced entries, balances equal
 * to their lines, every file with its history, one decision per subject, the audit chains intact.
 *
 *   npm run chaos -- [--trials N (100)] [--db sqlite|postgres|both] [--short] [--seed S]
 *
 * `--short` (CI): 2 trials per operation per database. Exit 1 on any violated invariant. Known problems that
 * other work is fixing are reported as FINDINGS (listed, not fatal): an import left validating/committing with
 * no resume endpoint, a file created by an interrupted import commit whose row was not marked.
 */
import {
  checkInvariants,
  type Dialect,
  envFor,
  type Fresh,
  freePort,
  freshDatabase,
  must,
  Server,
  seed,
  sleep,
  type Violation,
} from './chaos/harness.js';
import { batchOf, configureOps, importOp, login, OPS, PHASES, type Phase, type World } from './chaos/ops.js';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const short = argv.includes('--short');
const trials = Number(opt('trials') ?? (short ? 8 : 100));
const dbs: Dialect[] = (() => {
  const d = opt('db') ?? 'both';
  if (d === 'both') return ['sqlite', 'postgres'];
  if (d === 'sqlite' || d === 'postgres') return [d];
  throw new Error('--db sqlite|postgres|both');
})();
let rnd = Number(opt('seed') ?? Date.now() % 2 ** 31);
const seedUsed = rnd;
/** mulberry32: trials are reproducible with --seed. */
function random() {
  rnd = (rnd + 0x6d2b79f5) | 0;
  let t = Math.imul(rnd ^ (rnd >>> 15), 1 | rnd);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const SIZE = short ? { files: 60, rows: 60, entries: 15 } : { files: 300, rows: 100, entries: 60 };
configureOps(random, SIZE);

interface Trial {
  db: Dialect;
  phase: Phase;
  stage: string;
  delayMs: number;
  /** Whether the operation had already finished when the kill came. */
  finishedBeforeKill: boolean;
  outcome: string;
  violations: Violation[];
  findings: string[];
  timing?: string;
}

// ------------------------------------------------------------------------------------------------------ trials

async function calibrate(w: World) {
  const ops = [await importOp(w, 'validate'), await importOp(w, 'commit')];
  for (const phase of PHASES.slice(1)) ops.push(await OPS[phase](w));
  for (const op of ops) {
    let t0 = performance.now();
    await op.fire(() => {
      t0 = performance.now();
    });
    w.window[op.stage] = Math.max(50, (performance.now() - t0) * 1.2);
    if (op.stage === 'compute') {
      const b = await batchOf(w, op.period ?? '');
      w.expectedGrants = must(await w.proposer.get(`/api/v1/batches/${b?.id}/grants?limit=1`), 'grants').total;
    }
  }
  const v = await checkInvariants(w.url);
  if (v.length) throw new Error(`invariants fail before any kill: ${JSON.stringify(v)}`);
}

async function trial(w: World, phase: Phase): Promise<Trial> {
  const t0 = Date.now();
  const op = await OPS[phase](w);
  const prepared = Date.now();
  const delayMs = Math.round(random() * (w.window[op.stage] ?? 100));
  let finished = false;
  let started = () => {};
  const accepted = new Promise<void>((r) => {
    started = r;
  });
  const fired = op.fire(started).then(
    () => {
      finished = true;
    },
    () => {},
  );
  await Promise.race([accepted, fired]);
  await sleep(delayMs);
  await w.server.kill();
  await fired;
  const killed = Date.now();
  await w.server.start();
  const restarted = Date.now();
  const t: Trial = {
    db: w.db,
    phase,
    stage: op.stage,
    delayMs,
    finishedBeforeKill: finished,
    outcome: '',
    violations: [],
    findings: [],
  };
  try {
    const r = await op.recover();
    t.outcome = r.outcome;
    t.findings.push(...r.findings);
  } catch (e) {
    t.violations.push({ check: 'resumable', detail: e instanceof Error ? e.message : String(e) });
  }
  const recovered = Date.now();
  t.violations.push(...(await checkInvariants(w.url)));
  t.timing = `prep ${prepared - t0} kill ${killed - prepared} restart ${restarted - killed} recover ${recovered - restarted} check ${Date.now() - recovered} ms`;
  return t;
}

async function runDb(db: Dialect, results: Trial[]) {
  let fresh: Fresh | undefined;
  let server: Server | undefined;
  try {
    fresh = await freshDatabase(db, 'chaos');
    const started = Date.now();
    const seeded = await seed(fresh.url, SIZE.files);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = new Server(envFor(fresh.url, port, '/nonexistent'), base);
    await server.start();
    const w = {
      db,
      url: fresh.url,
      server,
      base,
      seeded,
      nextPerson: 5_000,
      nextPeriod: 0,
      expectedGrants: 0,
      window: {},
    } as unknown as World;
    await login(w);
    await calibrate(w);
    console.log(
      `${db}: seeded ${seeded.files.length} files, ${w.expectedGrants} grants per batch; windows ${Object.entries(
        w.window,
      )
        .map(([k, v]) => `${k} ${Math.round(v)} ms`)
        .join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    const per = Math.max(1, Math.ceil(trials / PHASES.length));
    for (let i = 0; i < per; i++)
      for (const phase of PHASES) {
        const t = await trial(w, phase);
        results.push(t);
        const mark = t.violations.length ? 'VIOLATION' : t.findings.length ? 'finding' : 'ok';
        console.log(
          `  ${db} ${t.stage.padEnd(8)} kill at ${String(t.delayMs).padStart(5)} ms ${t.finishedBeforeKill ? '(after it finished)' : '(during)'.padEnd(19)} ${t.outcome} ${mark}${process.env.CHAOS_TIMING ? ` [${t.timing}]` : ''}`,
        );
        for (const v of t.violations) console.log(`      ✘ ${v.check}: ${v.detail}`);
        for (const f of t.findings) console.log(`      ! ${f}`);
      }
  } catch (e) {
    results.push({
      db,
      phase: 'import',
      stage: 'setup',
      delayMs: 0,
      finishedBeforeKill: false,
      outcome: 'harness failed',
      violations: [{ check: 'harness', detail: `${e instanceof Error ? e.stack : String(e)}\n${server?.log ?? ''}` }],
      findings: [],
    });
  } finally {
    await server?.stop();
    await fresh?.drop();
  }
}

const results: Trial[] = [];
const started = Date.now();
console.log(`chaos: ${trials} trials per database (${dbs.join(', ')}), seed ${seedUsed}${short ? ', short' : ''}`);
for (const db of dbs) await runDb(db, results);

console.log('\n database  phase     stage     trials  killed during  after finish  violations  findings');
for (const db of dbs)
  for (const [phase, stage] of [...new Set(results.map((t) => `${t.phase} ${t.stage}`))].map((x) => x.split(' '))) {
    const ts = results.filter((t) => t.db === db && t.phase === phase && t.stage === stage);
    if (!ts.length) continue;
    const during = ts.filter((t) => !t.finishedBeforeKill).length;
    console.log(
      ` ${db.padEnd(9)} ${String(phase).padEnd(9)} ${String(stage).padEnd(9)} ${String(ts.length).padStart(6)}  ${String(during).padStart(13)}  ${String(ts.length - during).padStart(12)}  ${String(ts.reduce((n, t) => n + t.violations.length, 0)).padStart(10)}  ${String(ts.reduce((n, t) => n + t.findings.length, 0)).padStart(8)}`,
    );
  }
const violations = results.flatMap((t) => t.violations.map((v) => `${t.db} ${t.phase}: ${v.check}: ${v.detail}`));
const findings = [...new Set(results.flatMap((t) => t.findings.map((f) => `${t.db} ${t.phase}: ${f}`)))];
if (findings.length) console.log(`\nFINDINGS (${findings.length}):\n${findings.map((f) => `  ! ${f}`).join('\n')}`);
if (violations.length)
  console.log(`\nVIOLATIONS (${violations.length}):\n${violations.map((v) => `  ✘ ${v}`).join('\n')}`);
console.log(
  `\nchaos: ${results.length} trials in ${((Date.now() - started) / 1000).toFixed(0)} s, ${violations.length} violations, ${findings.length} findings (seed ${seedUsed})`,
);
process.exit(violations.length ? 1 : 0);
