import { fileStatuses, type HouseholdInput, HouseholdInputSchema } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { proposeFor } from '../policy/policy.service.js';
import { bankChanged } from './archive.changes.diff.js';
import * as crepo from './archive.changes.repository.js';
import { toRows } from './archive.mapping.js';
import * as repo from './archive.repository.js';
import { recordVersion, refuseDuplicate } from './archive.service.js';

/** Files in the archive: the only ones that take change requests (exits — 脱困, 注销 — are their own steps). */
export const MANAGED = ['filed', 'relieved'];

type File = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

export const fileStatusZh = (s: string) => fileStatuses.zh[s as keyof typeof fileStatuses.zh] ?? s;

/** The file takes change requests, and is still at the version the change was proposed against. */
export function assertCurrent(file: File, baseVersion: number) {
  if (!MANAGED.includes(file.status))
    throw new AppError('ARCHIVE_CHANGE_FILE_STATUS', { status: fileStatusZh(file.status) });
  if (file.version !== baseVersion)
    throw new AppError('ARCHIVE_CHANGE_STALE', { base: baseVersion, current: file.version });
}

/** One version's whole input (decrypted), parsed again so older snapshots get today's defaults. */
export async function snapshotOf(ctx: AppContext, sdb: ScopedDb, householdId: number, version: number) {
  const v = await repo.version(sdb, householdId, version);
  if (!v) throw new AppError('ARCHIVE_NOT_FOUND', { id: householdId, version });
  return HouseholdInputSchema.parse(JSON.parse(ctx.crypto.decrypt(v.snapshot_enc)));
}

export function proposalOf(ctx: AppContext, proposedEnc: string, orgId: number): HouseholdInput {
  return { ...HouseholdInputSchema.parse(JSON.parse(ctx.crypto.decrypt(proposedEnc))), orgId };
}

/**
 * The node's eligibility policy run today on the file before and after the change. The change needs an upper
 * union's approval when it moves the proposed grade or the eligibility (policy changes since filing do not
 * count: both sides are judged by the same policy).
 */
export async function gradeFacts(db: Db, orgPath: string, today: string, base: HouseholdInput, after: HouseholdInput) {
  const before = await proposeFor(db, orgPath, today, base);
  const next = await proposeFor(db, orgPath, today, after);
  const needsUpper =
    (before?.grade ?? null) !== (next?.grade ?? null) || (before?.eligible ?? null) !== (next?.eligible ?? null);
  return {
    grade_proposed_before: before?.grade ?? null,
    grade_proposed_after: next?.grade ?? null,
    eligible_before: before ? (before.eligible ? 1 : 0) : null,
    eligible_after: next ? (next.eligible ? 1 : 0) : null,
    explanation_after_json: next ? JSON.stringify(next) : null,
    needs_upper: needsUpper ? 1 : 0,
  };
}

const maskCard = (card: string) => (card.length > 8 ? `**** ${card.slice(-4)}` : '****');

/**
 * Apply an approved change under the file's row lock (the caller holds it and moves the change's status): the
 * household and its members through the intake mapping, 一人一档 checked again, a new version (who, when, the
 * change's reason), an event and an audit entry; the grade the upper union decided; a new bank card on every
 * unpaid grant not yet sent to the bank. Returns what it did (stored on the change, shown to staff).
 */
export async function applyChange(
  ctx: AppContext,
  trx: Db,
  sdb: ScopedDb,
  actor: Actor,
  c: crepo.ChangeRow,
  file: File,
  decided: { grade: string; overrideReason: string | null } | null,
) {
  assertCurrent(file, c.base_version);
  const id = Number(file.id);
  const where = { org_id: Number(file.org_id), org_path: file.org_path, province_code: file.province_code };
  const base = await snapshotOf(ctx, sdb, id, file.version);
  const proposed = proposalOf(ctx, c.proposed_enc, where.org_id);
  const rows = toRows(ctx, proposed);
  if (rows.household.id_bidx !== file.id_bidx) throw new AppError('ARCHIVE_CHANGE_IDENTITY');
  await refuseDuplicate(ctx, trx, rows, id);
  const now = ctx.clock.now().toISOString();
  const proposal = await proposeFor(trx, file.org_path, ctx.clock.today(), proposed);
  const version = file.version + 1;
  const moved = await crepo.updateHouseholdAtVersion(
    trx,
    id,
    { version: c.base_version, statuses: MANAGED },
    {
      ...rows.household,
      grade_proposed: proposal?.grade ?? null,
      grade_explanation_json: proposal ? JSON.stringify(proposal) : null,
      ...where,
      version,
      updated_at: now,
      ...(decided ? { grade: decided.grade, grade_override_reason: decided.overrideReason } : {}),
    },
  );
  if (!moved) throw new AppError('ARCHIVE_CHANGE_STALE', { base: c.base_version, current: file.version + 1 });
  await repo.replaceMembers(
    trx,
    { id, ...where },
    rows.members.map((m) => ({ ...m, ...where })),
  );
  await recordVersion(ctx, trx, actor, { id, ...where, status: file.status, version }, proposed, c.reason);
  let bank: { updatedGrants: number[]; alreadySent: Awaited<ReturnType<typeof crepo.grantsAlreadySent>> } | null = null;
  if (bankChanged(base, proposed) && proposed.bank && rows.household.bank_enc) {
    const mask = `${proposed.bank.bankName} ${maskCard(proposed.bank.cardNumber)}`.trim();
    bank = {
      updatedGrants: await crepo.repointUnpaidGrants(
        trx,
        id,
        { bank_enc: rows.household.bank_enc, bank_mask: mask },
        now,
      ),
      alreadySent: await crepo.grantsAlreadySent(trx, id),
    };
  }
  const result = {
    version,
    grade: decided ? { from: file.grade, to: decided.grade } : null,
    householdSize: { from: file.household_size, to: rows.household.household_size },
    perCapitaMonthlyFen: { from: Number(file.per_capita_fen), to: rows.household.per_capita_fen },
    bank,
  };
  await repo.insertEvent(trx, {
    household_id: id,
    ...where,
    at: now,
    actor_id: actor.userId,
    actor_name: actor.displayName,
    action: 'change_applied',
    from_status: file.status,
    to_status: file.status,
    note: c.reason,
    data_json: JSON.stringify({ changeId: Number(c.id), kinds: JSON.parse(c.kinds), ...result }),
  });
  await appendAudit(trx, ctx.clock, actor, {
    action: 'archive.change_apply',
    entityType: 'household',
    entityId: id,
    orgPath: file.org_path,
    chain: file.province_code,
    before: { version: file.version, grade: file.grade, members: base.members.length },
    after: {
      changeId: Number(c.id),
      version,
      grade: decided?.grade ?? file.grade,
      members: proposed.members.length,
      grantsRepointed: bank?.updatedGrants.length ?? 0,
    },
  });
  return result;
}
