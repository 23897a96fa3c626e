import type { SpotCheckSchema } from '@bangfu/contracts';
import { spotResults } from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as archiveRepo from '../archive/archive.repository.js';
import { roundFile, toFileItem } from './review.files.js';
import * as repo from './review.repository.js';
import { asOf, visibleRound } from './review.rounds.js';
import { drawCount, drawUniform } from './review.rules.js';

const zh = (code: string) => (spotResults.zh as Record<string, string>)[code] ?? code;

/**
 * The upper union draws its spot-check sample (archive.approve): among the round's reviewed files strictly below
 * its node and not reviewed by the caller, enough files uniformly at random (crypto) that ceil(share × eligible)
 * are sampled; files already sampled stay sampled and are never drawn again. Draws of one round serialise on the
 * round's row lock; who drew and when is kept on each file.
 */
export async function drawSample(ctx: AppContext, actor: Actor, roundId: number) {
  require(actor, 'archive.approve');
  return transaction(ctx, async (trx) => {
    await repo.lockRound(trx, roundId);
    const r = await visibleRound(trx, actor, roundId);
    if (r.status !== 'open') throw new AppError('REVIEW_ROUND_CLOSED', { id: roundId });
    const sdb = new ScopedDb(trx, actor.scope);
    const frame = await repo.sampleFrame(sdb, roundId, actor.scope.path, actor.userId);
    const picks = drawUniform(frame.open, drawCount(r.spot_share_bp, frame.eligible, frame.sampled));
    const now = ctx.clock.now().toISOString();
    const drawn = await repo.markSampled(trx, picks, {
      spot_selected_at: now,
      spot_selected_by: actor.userId,
      spot_selected_by_name: actor.displayName,
    });
    const householdIds = await repo.householdIdsOf(sdb, picks);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'review.sample',
      entityType: 'review_round',
      entityId: roundId,
      orgPath: actor.scope.path,
      chain: actor.scope.provinceCode,
      after: {
        shareBp: r.spot_share_bp,
        eligible: frame.eligible,
        sampledBefore: frame.sampled,
        drawn,
        householdIds,
      },
    });
    return { drawn, eligible: frame.eligible, sampled: frame.sampled + drawn, householdIds };
  });
}

/**
 * Record a sampled file's spot check (archive.approve, a node above the file's, never the file's reviewer):
 * confirmed, or a discrepancy with what was found. Once per file: a conditional update (not yet checked). The
 * check is a step in the file's history.
 */
export async function spotCheck(
  ctx: AppContext,
  actor: Actor,
  roundId: number,
  householdId: number,
  c: z.infer<typeof SpotCheckSchema>,
) {
  require(actor, 'archive.approve');
  await transaction(ctx, async (trx) => {
    const { file } = await roundFile(trx, actor, roundId, householdId);
    if (!actor.system && file.org_path === actor.scope.path) throw new AppError('REVIEW_SPOT_NOT_UPPER');
    if (actor.userId !== null && Number(file.reviewed_by) === actor.userId)
      throw new AppError('REVIEW_SPOT_OWN_REVIEW');
    if (Number(file.spot_selected) !== 1) throw new AppError('REVIEW_SPOT_NOT_SAMPLED', { householdId });
    if (file.spot_checked_at !== null) throw new AppError('REVIEW_SPOT_DONE', { result: zh(file.spot_result ?? '') });
    const now = ctx.clock.now().toISOString();
    const note = c.note ?? null;
    const checked = await repo.markChecked(trx, file.rf_id, {
      spot_checked_at: now,
      spot_checked_by: actor.userId,
      spot_checked_by_name: actor.displayName,
      spot_result: c.result,
      spot_note: note,
    });
    if (!checked) {
      const again = await repo.findRoundFile(new ScopedDb(trx, actor.scope), roundId, householdId);
      throw new AppError('REVIEW_SPOT_DONE', { result: zh(again?.spot_result ?? '') });
    }
    await archiveRepo.insertEvent(trx, {
      household_id: householdId,
      org_id: Number(file.org_id),
      org_path: file.org_path,
      province_code: file.province_code,
      at: now,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      action: 'review_spot_check',
      from_status: file.status,
      to_status: file.status,
      note,
      data_json: JSON.stringify({ roundId, result: c.result }),
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'review.spot_check',
      entityType: 'household',
      entityId: householdId,
      orgPath: file.org_path,
      chain: file.province_code,
      after: { roundId, result: c.result, note },
    });
  });
  const file = await repo.findRoundFile(new ScopedDb(ctx.db, actor.scope), roundId, householdId);
  if (!file) throw new AppError('REVIEW_FILE_NOT_IN_ROUND', { roundId, householdId });
  return toFileItem(file, asOf(ctx, await visibleRound(ctx.db, actor, roundId)));
}
