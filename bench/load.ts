/**
 * `npm run load`: sustained load. 50 simulated staff work against the real server (`bangfu serve`, a child
 * process) on a fresh PostgreSQL database (or SQLite with `--db sqlite`) for `--minutes` (default 10):
 *
 *   36 intake clerks   search the archive (40 %), open a file (40 %), file a household and submit it (20 %)
 *    6 reviewers       review a submitted file (home visit, pass)
 *    2 proposers       compute a living-relief batch for a new quarter and submit it
 *    3 approvers       approve the batches waiting for them
 *    3 finance staff   top up the fund and pay the approved batches
 *
 * Zero errors are allowed: a 5xx, an unexpected 4xx or a dropped connection is an error; a 409 where two staff
 * raced for the same item (two reviewers, two approvers, two payers) is counted separately as an expected race.
 * The server's RSS is sampled every 5 s; the median of the first window (after warm-up) and of the last window
 * are compared and growth above 25 % fails. At the end the money and archive invariants are checked in SQL
 * (bench/chaos/harness.ts). Prints throughput and p50/p99 per action; exit 1 on any error.
 *
 *   npm run load -- [--minutes M (10)] [--db postgres|sqlite] [--staff N (50)]
 */
import {
  Client,
  checkInvariants,
  type Dialect,
  envFor,
  type Fresh,
  freePort,
  freshDatabase,
  personId,
  type Res,
  type Seeded,
  Server,
  seed,
  sleep,
} from './chaos/harness.js';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const minutes = Number(opt('minutes') ?? 10);
const staff = Number(opt('staff') ?? 50);
const dialect = (opt('db') ?? 'postgres') as Dialect;
if (dialect !== 'postgres' && dialect !== 'sqlite') throw new Error('--db postgres|sqlite');
const durationMs = minutes * 60_000;
const MAX_GROWTH = 0.25;

interface Stat {
  ms: number[];
  errors: number;
  races: number;
}
const stats = new Map<string, Stat>();
const errors: string[] = [];
function record(action: string, r: Res | null, expected: number[] = [], race: number[] = []) {
  const s = stats.get(action) ?? { ms: [], errors: 0, races: 0 };
  stats.set(action, s);
  if (r) s.ms.push(r.ms);
  if (r && (r.status < 400 || expected.includes(r.status))) return true;
  if (r && race.includes(r.status)) {
    s.races++;
    return false;
  }
  s.errors++;
  if (errors.length < 30)
    errors.push(`${action}: ${r ? `HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}` : 'no answer'}`);
  return false;
}
async function call(action: string, fn: () => Promise<Res>, race: number[] = []): Promise<Res | null> {
  try {
    const r = await fn();
    return record(action, r, [], race) ? r : null;
  } catch {
    record(action, null);
    return null;
  }
}

const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];
const think = () => sleep(200 + Math.random() * 800);
let nextPerson = 8_000;
let nextPeriod = 0;
let stopAt = 0;
const running = () => Date.now() < stopAt;

function newHousehold(orgId: number) {
  const n = nextPerson++;
  return {
    orgId,
    name: `负载职工${n}`,
    idNumber: personId(n),
    phone: `139${String(10_000_000 + n).slice(-8)}`,
    address: `韶关市武江区西河镇负载路${n}号`,
    maritalStatus: 'unmarried',
    health: 'healthy',
    workStatus: 'laid_off',
    education: 'junior_or_below',
    mainCause: 'laid_off',
    secondaryCauses: [],
    dibaoStatus: 'edge',
    incomes: { wagesFen: 600_000 },
    bank: { bankName: '中国工商银行', branch: '韶关武江支行', cardNumber: `62220202${String(n).padStart(11, '0')}` },
    needs: '生活救助',
    members: [],
  };
}

async function clerk(c: Client, s: Seeded) {
  const words = ['在档', '职工', '负载', '1', '2', '3'];
  while (running()) {
    const roll = Math.random();
    if (roll < 0.4) {
      await call('search archive', () =>
        c.get(`/api/v1/households?q=${encodeURIComponent(pick(words) ?? '')}&limit=20`),
      );
    } else if (roll < 0.8) {
      await call('open file', () => c.get(`/api/v1/households/${pick(s.files)}`));
    } else {
      const created = await call('file household', () => c.post('/api/v1/households', newHousehold(s.streetId)));
      if (created) await call('submit file', () => c.post(`/api/v1/households/${created.body.id}/submit`, {}), [409]);
    }
    await think();
  }
}

async function reviewer(c: Client) {
  const today = new Date().toISOString().slice(0, 10);
  while (running()) {
    const list = await call('list submitted', () => c.get('/api/v1/households?status=submitted&limit=20'));
    const item = pick((list?.body?.items ?? []) as { id: number }[]);
    if (item)
      await call(
        'review file',
        () =>
          c.post(`/api/v1/households/${item.id}/review`, {
            decision: 'pass',
            visit: { visitedOn: today, visitors: '负载测试', findings: '情况属实' },
            opinion: '同意',
          }),
        [409],
      );
    await think();
  }
}

async function proposer(c: Client, s: Seeded) {
  while (running()) {
    const n = nextPeriod++;
    const period = `${2030 + Math.floor(n / 4)}Q${(n % 4) + 1}`;
    const b = await call('create batch', () =>
      c.post('/api/v1/batches', {
        orgId: s.countyId,
        programme: 'living',
        period,
        method: 'bank',
        fundId: s.livingFundId,
      }),
    );
    if (b) {
      let status = 'computing';
      while (status === 'computing' && running()) {
        await sleep(250);
        const r = await call('read batch', () => c.get(`/api/v1/batches/${b.body.id}`));
        status = r?.body?.status ?? status;
      }
      if (status === 'computed') await call('submit batch', () => c.post(`/api/v1/batches/${b.body.id}/submit`, {}));
    }
    await sleep(2000 + Math.random() * 2000);
  }
}

async function approver(c: Client, k: number, of: number) {
  while (running()) {
    const q = await call('approval queue', () => c.get('/api/v1/approvals/queue'));
    const batches = ((q?.body?.batches ?? []) as { id: number }[]).filter((b) => b.id % of === k);
    const b = pick(batches);
    if (b)
      await call('approve batch', () => c.post(`/api/v1/batches/${b.id}/decision`, { decision: 'approve' }), [409]);
    await think();
  }
}

async function finance(c: Client, s: Seeded, k: number, of: number) {
  while (running()) {
    const list = await call('list batches', () =>
      c.get(`/api/v1/batches?orgId=${s.countyId}&status=approved&limit=50`),
    );
    const b = pick(
      ((list?.body?.items ?? []) as { id: number; status: string; totalFen: number }[]).filter(
        (x) => x.status === 'approved' && x.id % of === k,
      ),
    );
    if (b) {
      const got = await call('fund receipt', () =>
        c.post(`/api/v1/funds/${s.livingFundId}/receipts`, { amountFen: b.totalFen, memo: '负载测试拨款' }),
      );
      if (got) await call('pay batch', () => c.post(`/api/v1/batches/${b.id}/pay`, {}), [409]);
    }
    await think();
  }
}

function pct(xs: number[], p: number) {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
}
const median = (xs: number[]) => pct(xs, 50);

let fresh: Fresh | undefined;
let server: Server | undefined;
let failed = false;
try {
  fresh = await freshDatabase(dialect, 'load');
  const seeded = await seed(fresh.url, minutes <= 1 ? 100 : 300);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = new Server(envFor(fresh.url, port, '/nonexistent'), base);
  await server.start();
  const n = {
    approvers: Math.max(1, Math.round(staff * 0.06)),
    finance: Math.max(1, Math.round(staff * 0.06)),
    proposers: Math.max(1, Math.round(staff * 0.04)),
    reviewers: Math.max(1, Math.round(staff * 0.12)),
  };
  const clerks = Math.max(1, staff - n.approvers - n.finance - n.proposers - n.reviewers);
  const sessions = async (user: string, count: number) => {
    const out: Client[] = [];
    for (let i = 0; i < count; i++) out.push(await Client.login(base, user));
    return out;
  };
  const cs = await sessions('xh.clerk', clerks);
  const rs = await sessions('wj.reviewer', n.reviewers);
  const ps = await sessions('wj.reviewer', n.proposers);
  const as = await sessions('wj.approver', n.approvers);
  const fs = await sessions('shi.finance', n.finance);
  console.log(
    `load: ${staff} staff (${clerks} clerks, ${n.reviewers} reviewers, ${n.proposers} proposers, ${n.approvers} approvers, ${n.finance} finance) for ${minutes} min on ${dialect}`,
  );
  const started = Date.now();
  stopAt = started + durationMs;
  const rss: { t: number; bytes: number }[] = [];
  const sampler = setInterval(() => rss.push({ t: Date.now() - started, bytes: server?.rss() ?? 0 }), 5000);
  await Promise.all([
    ...cs.map((c) => clerk(c, seeded)),
    ...rs.map((c) => reviewer(c)),
    ...ps.map((c) => proposer(c, seeded)),
    ...as.map((c, k) => approver(c, k, as.length)),
    ...fs.map((c, k) => finance(c, seeded, k, fs.length)),
  ]);
  clearInterval(sampler);
  const elapsed = (Date.now() - started) / 1000;

  console.log('\n action             requests   p50 ms   p99 ms  races  errors');
  let total = 0;
  let errorCount = 0;
  for (const [action, s] of [...stats.entries()].sort()) {
    total += s.ms.length;
    errorCount += s.errors;
    console.log(
      ` ${action.padEnd(18)} ${String(s.ms.length).padStart(8)} ${pct(s.ms, 50).toFixed(0).padStart(8)} ${pct(s.ms, 99).toFixed(0).padStart(8)} ${String(s.races).padStart(6)} ${String(s.errors).padStart(7)}`,
    );
  }
  console.log(`\nthroughput: ${(total / elapsed).toFixed(1)} requests/s over ${elapsed.toFixed(0)} s`);

  // Memory: the first window after warm-up vs the last window.
  const win = Math.min(60_000, durationMs / 3);
  const warm = Math.min(60_000, durationMs / 3);
  const first = rss.filter((x) => x.t >= warm && x.t < warm + win).map((x) => x.bytes);
  const last = rss.filter((x) => x.t >= durationMs - win).map((x) => x.bytes);
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
  const growth = first.length && last.length ? median(last) / median(first) - 1 : 0;
  console.log(
    `memory (RSS): median ${mb(median(first))} MB after warm-up, ${mb(median(last))} MB at the end (${(growth * 100).toFixed(1)} %, limit ${MAX_GROWTH * 100} %), peak ${mb(Math.max(0, ...rss.map((x) => x.bytes)))} MB`,
  );
  if (growth > MAX_GROWTH) {
    console.log('✘ memory grew');
    failed = true;
  }
  if (errorCount) {
    console.log(`✘ ${errorCount} errors:\n${errors.map((e) => `  ${e}`).join('\n')}`);
    failed = true;
  }
  const paid = stats.get('pay batch')?.ms.length ?? 0;
  if (!paid || !(stats.get('review file')?.ms.length ?? 0)) {
    console.log('✘ the load did not reach every step (no batch paid or no file reviewed)');
    failed = true;
  }
  const violations = await checkInvariants(fresh.url);
  for (const v of violations) console.log(`✘ ${v.check}: ${v.detail}`);
  if (violations.length) failed = true;
} catch (e) {
  console.error(e instanceof Error ? e.stack : e, server?.log ?? '');
  failed = true;
} finally {
  await server?.stop();
  await fresh?.drop();
}
console.log(failed ? 'load: FAIL' : 'load: PASS');
process.exit(failed ? 1 : 0);
