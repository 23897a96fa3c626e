// The operations a crash trial kills: an archive import, a batch compute, a payment, a campaign decision.
// Each returns { stage, fire, recover }: fire is the operation a kill may interrupt, recover completes the work after
// the restart. `chaos.ts` sets the random source and the sizes with configureOps before the first trial.
import { Client, type Dialect, householdsCsv, must, type Res, type Seeded, type Server, sleep } from './harness.js';

export const PHASES = ['import', 'compute', 'pay', 'campaign'] as const;
export type Phase = (typeof PHASES)[number];

let random: () => number = Math.random;
let SIZE = { files: 60, rows: 60, entries: 15 };
export function configureOps(source: () => number, size: typeof SIZE) {
  random = source;
  SIZE = size;
}

export interface World {
  db: Dialect;
  url: string;
  server: Server;
  base: string;
  seeded: Seeded;
  clerk: Client;
  proposer: Client;
  approver: Client;
  finance: Client;
  admin: Client;
  nextPerson: number;
  nextPeriod: number;
  expectedGrants: number;
  window: Record<string, number>;
}

export const isTerminalImport = (s: string) => ['committed', 'failed', 'cancelled', 'canceled'].includes(s);

export async function poll(fn: () => Promise<Res>, done: (r: Res) => boolean, timeoutMs = 120_000): Promise<Res> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await fn();
    if (done(r)) return r;
    if (Date.now() > until) throw new Error(`timed out waiting: ${JSON.stringify(r.body).slice(0, 300)}`);
    await sleep(25);
  }
}

export async function login(w: World) {
  w.clerk = await Client.login(w.base, 'xh.clerk');
  w.proposer = await Client.login(w.base, 'wj.reviewer');
  w.approver = await Client.login(w.base, 'wj.approver');
  w.finance = await Client.login(w.base, 'shi.finance');
  w.admin = await Client.login(w.base, 'sheng.admin');
}

function period(w: World) {
  const n = w.nextPeriod++;
  return `${2030 + Math.floor(n / 4)}Q${(n % 4) + 1}`;
}
// -------------------------------------------------------------------------------------------------- operations
// Each returns { prepare, fire, recover }: prepare runs unkilled, fire is the operation a kill may interrupt
// (resolves when it has finished), recover runs after the restart and completes the work.

export interface Op {
  /** Which part of the operation the kill aims at (an import: validation or commit). */
  stage: string;
  /** The quarter of the batch a compute creates. */
  period?: string;
  /** The operation a kill may interrupt: calls started() once the server has accepted it, resolves when done. */
  fire(started: () => void): Promise<void>;
  recover(): Promise<{ outcome: string; findings: string[] }>;
}

let imports = 0;
/** Kills alternate between an import's commit and its validation (so --short sees both). */
export async function importOp(w: World, stage = imports++ % 2 ? 'validate' : 'commit'): Promise<Op> {
  const first = w.nextPerson;
  w.nextPerson += SIZE.rows;
  const csv = householdsCsv(first, SIZE.rows, '导入职工');
  const filename = `chaos-${first}.csv`;
  let id: number | undefined;
  const orgId = w.seeded.streetId;
  const upload = async () => {
    id = must(await w.clerk.upload(`/api/v1/households/imports?orgId=${orgId}`, csv, filename), 'upload').id;
  };
  const validated = async () => {
    const ready = await poll(
      () => w.clerk.get(`/api/v1/households/imports/${id}`),
      (r) => r.body?.status !== 'validating',
    );
    if (ready.body.status !== 'ready') throw new Error(`import ${id} ${ready.body.status}: ${ready.body.error}`);
  };
  if (stage === 'commit') {
    await upload();
    await validated();
  }
  return {
    stage,
    async fire(started) {
      if (stage === 'validate') {
        await upload();
        started();
        await validated();
        return;
      }
      must(await w.clerk.post(`/api/v1/households/imports/${id}/commit`, { asFiled: false }), 'commit');
      started();
      await poll(
        () => w.clerk.get(`/api/v1/households/imports/${id}`),
        (r) => isTerminalImport(r.body?.status),
      );
    },
    async recover() {
      const findings: string[] = [];
      if (id === undefined) return { outcome: 'upload not answered', findings };
      let b = must(await w.clerk.get(`/api/v1/households/imports/${id}`), 'import').status as string;
      const seen = b;
      if (b === 'validating' || b === 'committing') {
        // POST …/resume (or …/cancel) once the server offers it; an unknown route answers 404 NOT_FOUND.
        const tryAll = async (verb: string) => {
          let offered = false;
          for (const prefix of ['/api/v1/households/imports', '/api/v1/archive/imports']) {
            const r = await w.clerk.post(`${prefix}/${id}/${verb}`, {});
            if (r.status >= 200 && r.status < 300) return { done: true, offered: true };
            if (!(r.status === 404 && r.body?.error?.code === 'NOT_FOUND')) offered = true;
          }
          return { done: false, offered };
        };
        const resume = await tryAll('resume');
        const cancel = resume.done ? resume : await tryAll('cancel');
        if (!resume.done && !cancel.done) {
          if (resume.offered || cancel.offered) throw new Error(`import ${id} left '${b}': resume and cancel refused`);
          findings.push(`import ${id} left '${b}' after the kill: no resume or cancel endpoint (issue 8 item 9)`);
          return { outcome: `stuck ${b}`, findings };
        }
        b = (
          await poll(
            () => w.clerk.get(`/api/v1/households/imports/${id}`),
            (r) => !['validating', 'committing'].includes(r.body?.status),
          )
        ).body.status;
      }
      if (b === 'ready') {
        must(await w.clerk.post(`/api/v1/households/imports/${id}/commit`, { asFiled: false }), 'commit again');
        b = (
          await poll(
            () => w.clerk.get(`/api/v1/households/imports/${id}`),
            (r) => isTerminalImport(r.body?.status),
          )
        ).body.status;
      }
      const final = must(await w.clerk.get(`/api/v1/households/imports/${id}`), 'import');
      if (final.status === 'committed' && final.committed !== SIZE.rows)
        findings.push(
          `import ${id}: ${final.committed} of ${SIZE.rows} rows committed after the kill (a file created before the kill and not marked refuses its own row on resume)`,
        );
      return { outcome: `${seen} → ${final.status}`, findings };
    },
  };
}

export async function batchOf(w: World, p: string) {
  const list = must(await w.proposer.get(`/api/v1/batches?orgId=${w.seeded.countyId}&limit=500`), 'batches');
  return (list.items as { id: number; period: string; status: string }[]).find((b) => b.period === p);
}

async function computeOp(w: World): Promise<Op> {
  const p = period(w);
  return {
    stage: 'compute',
    period: p,
    async fire(started) {
      const b = must(
        await w.proposer.post('/api/v1/batches', {
          orgId: w.seeded.countyId,
          programme: 'living',
          period: p,
          method: 'bank',
          fundId: w.seeded.livingFundId,
        }),
        'create batch',
      );
      started();
      await poll(
        () => w.proposer.get(`/api/v1/batches/${b.id}`),
        (r) => r.body?.status !== 'computing',
      );
    },
    async recover() {
      const findings: string[] = [];
      const b = await batchOf(w, p);
      if (!b) return { outcome: 'not created', findings };
      const seen = b.status;
      if (b.status === 'computing') must(await w.proposer.post(`/api/v1/batches/${b.id}/resume`, {}), 'resume');
      const done = await poll(
        () => w.proposer.get(`/api/v1/batches/${b.id}`),
        (r) => r.body?.status !== 'computing',
      );
      const grants = must(await w.proposer.get(`/api/v1/batches/${b.id}/grants?limit=1`), 'grants').total;
      if (grants !== w.expectedGrants)
        findings.push(`batch ${b.id} (${p}): ${grants} grants after resume, ${w.expectedGrants} without a kill`);
      return { outcome: `${seen} → ${done.body.status}`, findings };
    },
  };
}

async function approvedBatch(w: World) {
  const p = period(w);
  const b = must(
    await w.proposer.post('/api/v1/batches', {
      orgId: w.seeded.countyId,
      programme: 'living',
      period: p,
      method: 'bank',
      fundId: w.seeded.livingFundId,
    }),
    'create batch',
  );
  await poll(
    () => w.proposer.get(`/api/v1/batches/${b.id}`),
    (r) => r.body?.status !== 'computing',
  );
  must(await w.proposer.post(`/api/v1/batches/${b.id}/submit`, { comment: 'chaos' }), 'submit');
  const d = must(await w.approver.post(`/api/v1/batches/${b.id}/decision`, { decision: 'approve' }), 'approve');
  if (d.status !== 'approved') throw new Error(`batch ${b.id} is ${d.status} after approval`);
  must(
    await w.finance.post(`/api/v1/funds/${w.seeded.livingFundId}/receipts`, {
      amountFen: d.totalFen,
      memo: 'chaos top-up',
    }),
    'receipt',
  );
  return d as { id: number; totalFen: number };
}

async function payOp(w: World): Promise<Op> {
  const b = await approvedBatch(w);
  return {
    stage: 'pay',
    async fire(started) {
      started();
      must(await w.finance.post(`/api/v1/batches/${b.id}/pay`, {}), 'pay');
    },
    async recover() {
      const before = must(await w.finance.get(`/api/v1/batches/${b.id}`), 'batch').status;
      if (before !== 'closed') must(await w.finance.post(`/api/v1/batches/${b.id}/pay`, {}), 'pay again');
      const after = must(await w.finance.get(`/api/v1/batches/${b.id}`), 'batch').status;
      return {
        outcome: `${before} → ${after}`,
        findings: after === 'closed' ? [] : [`batch ${b.id} ${after} after paying again`],
      };
    },
  };
}

async function campaignOp(w: World): Promise<Op> {
  const today = new Date().toISOString().slice(0, 10);
  const c = must(
    await w.admin.post('/api/v1/campaigns', {
      orgId: w.seeded.countyId,
      programme: 'holiday',
      templateId: 'seed004.p2.holiday',
      title: `送温暖 chaos ${Date.now()}`,
      startsOn: today,
      endsOn: '2099-12-31',
    }),
    'campaign',
  );
  const start = Math.floor(random() * Math.max(1, w.seeded.files.length - SIZE.entries));
  for (const householdId of w.seeded.files.slice(start, start + SIZE.entries))
    must(
      await w.proposer.post('/api/v1/applications', {
        householdId,
        campaignId: c.id,
        method: 'cash',
        inputs: { hardship: 'very' },
      }),
      'entry',
    );
  return {
    stage: 'decide',
    async fire(started) {
      started();
      must(await w.approver.post(`/api/v1/campaigns/${c.id}/decision`, { decision: 'approve' }), 'decide');
    },
    async recover() {
      // Killed after the decision committed: deciding again is refused (nothing pending, 409), which is right.
      const res = await w.approver.post(`/api/v1/campaigns/${c.id}/decision`, { decision: 'approve' });
      const done = res.status === 409 && res.body?.error?.code === 'CAMPAIGN_NOTHING_PENDING';
      const again = done
        ? { decided: 0, campaign: must(await w.approver.get(`/api/v1/campaigns/${c.id}`), 'campaign') }
        : must(res, 'again');
      const entries = again.campaign.entries as { status: string; count: number }[];
      const approved = entries.find((e) => e.status === 'approved')?.count ?? 0;
      const findings =
        approved === SIZE.entries ? [] : [`campaign ${c.id}: ${approved} of ${SIZE.entries} entries approved`];
      return { outcome: `${again.decided} decided after restart`, findings };
    },
  };
}

export const OPS: Record<Phase, (w: World) => Promise<Op>> = {
  import: importOp,
  compute: computeOp,
  pay: payOp,
  campaign: campaignOp,
};
