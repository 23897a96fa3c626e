import { programmes } from '@bangfu/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { buildGrant, refusalText } from '../grants/grant.build.js';
import { proposeGrants } from '../grants/grant.lifecycle.js';
import * as grantRepo from '../grants/grants.repository.js';
import { runnerFor } from '../programmes/programmes.templates.js';
import * as repo from './batch.repository.js';
import { type BatchRule, quarterOf } from './batch.rules.js';

const CHUNK = 500;
const MAX_SKIPPED_LISTED = 2000;
const yieldToEventLoop = () => new Promise((r) => setImmediate(r));

export interface Skipped {
  householdId: number;
  name: string;
  reason: string;
}

/**
 * Compute a batch in chunks: every file in the subtree in the archive before the period's end is run through
 * the adopted rule; the quarter's instalment becomes a proposed grant (built by `grants`' one `buildGrant`; a file
 * it refuses — no bank card for a bank batch — is skipped with the refusal's message). Idempotent: a household already in
 * this batch is passed over, so an interrupted batch resumes (POST /batches/:id/resume) without duplicates;
 * one already granted elsewhere for the same programme and period is skipped and listed. The unique index on
 * live grants refuses a duplicate even if two batches race.
 */
export async function computeBatch(ctx: AppContext, actor: Actor, batchId: number) {
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const batch = await repo.findBatch(sdb, batchId);
  if (batch?.status !== 'computing') return;
  const rule = JSON.parse(batch.rule_json) as BatchRule;
  const run = runnerFor(rule.templateId, rule.params, rule);
  const { index, end, year } = quarterOf(batch.period);
  const programmeZh = programmes.zh[batch.programme as keyof typeof programmes.zh] ?? batch.programme;
  // Every run (first or resumed) scans the whole subtree again, so the skipped list is rebuilt, not appended.
  const skipped: Skipped[] = [];
  let skippedCount = 0;
  let cursor = 0;
  let done = 0;
  for (;;) {
    const files = await repo.candidateFiles(sdb, batch.org_path, cursor, CHUNK, `${end}T00:00:00.000Z`);
    if (files.length === 0) break;
    cursor = Number(files[files.length - 1]?.id);
    const held = new Map(
      (
        await grantRepo.liveGrants(
          ctx.db,
          files.map((f) => Number(f.id)),
          batch.programme,
          batch.period,
        )
      ).map((l) => [l.householdId, l]),
    );
    const now = ctx.clock.now().toISOString();
    const rows: grantRepo.NewGrant[] = [];
    const skip = (f: (typeof files)[number], reason: string) => {
      skippedCount += 1;
      if (skipped.length < MAX_SKIPPED_LISTED) skipped.push({ householdId: Number(f.id), name: f.name, reason });
    };
    for (const f of files) {
      const other = held.get(Number(f.id));
      if (other?.batchId === batchId) continue; // resumed: already in this batch
      if (other) {
        skip(f, `${batch.period}${programmeZh}已在其他批次（${other.batchId ?? '单项申请'}）`);
        continue;
      }
      const result = run({ grade: f.grade });
      const detail = result.detail as { instalmentsFen?: number[] };
      const amount = result.eligible ? (detail.instalmentsFen?.[index] ?? 0) : 0;
      if (amount <= 0) {
        skip(f, result.explanation.summary.zh);
        continue;
      }
      try {
        rows.push(
          buildGrant(ctx.crypto, f, {
            owner: { batchId },
            programme: batch.programme,
            period: batch.period,
            fiscalYear: year,
            amountFen: amount,
            method: batch.method,
            explanation: JSON.stringify({ quarter: index + 1, ...result.explanation }),
            status: 'proposed',
            now,
          }),
        );
      } catch (e) {
        const reason = refusalText(e);
        if (reason === null) throw e;
        skip(f, reason);
      }
    }
    done += files.length;
    await transaction(ctx, async (trx) => {
      await proposeGrants(trx, rows);
      await repo.updateBatch(trx, batchId, {
        progress_done: done,
        skipped_json: JSON.stringify({ count: skippedCount, items: skipped }),
        updated_at: now,
      });
    });
    await yieldToEventLoop();
  }
  const totals = await grantRepo.batchTotals(sdb, batchId);
  await repo.updateBatch(ctx.db, batchId, {
    status: 'computed',
    progress_done: done,
    progress_total: done,
    total_fen: totals.totalFen,
    grant_count: totals.count,
    skipped_json: JSON.stringify({ count: skippedCount, items: skipped }),
    updated_at: ctx.clock.now().toISOString(),
  });
}
