import { fileStatuses, type HouseholdInput, programmes, selfSteps } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { parseId } from '../archive/archive.rules.js';
import { createFile } from '../archive/archive.service.js';
import { submitFile } from '../archive/archive.workflow.js';
import * as repo from './self.repository.js';

/** The worker's verified link (self.binding): the one file this account may read. */
export async function linkedFileOf(ctx: AppContext, actor: Actor): Promise<number> {
  const me = await repo.linkOf(ctx.db, actor.userId ?? -1);
  if (!me?.household_id) throw new AppError('SELF_NO_FILE');
  return Number(me.household_id);
}

/**
 * A worker (on showing valid ID, 《困难职工档案管理办法》) sees their own file: status, grade, the steps taken
 * and the help received. Only the file their account is linked to (never a search by ID). Audited.
 */
export async function ownFile(ctx: AppContext, actor: Actor) {
  require(actor, 'self.read');
  const householdId = await linkedFileOf(ctx, actor);
  // Steps a worker may see (contracts' selfSteps): what happened and when, never who reviewed or what objectors
  // said (保守秘密).
  const file = await repo.ownFile(ctx.db, householdId);
  if (!file) throw new AppError('SELF_NO_FILE');
  // Help received: paid grants only (what is still under approval is not promised to anyone yet).
  const paid = await repo.paidGrants(ctx.db, file.id);
  const events = await repo.fileEvents(ctx.db, file.id);
  await transaction(ctx, (trx) =>
    appendAudit(trx, ctx.clock, actor, {
      action: 'self.read',
      entityType: 'household',
      entityId: file.id,
      orgPath: file.org_path,
      chain: file.province_code,
    }),
  );
  return {
    fileNo: file.file_no,
    name: file.name,
    status: file.status,
    statusLabel: fileStatuses.zh[file.status as keyof typeof fileStatuses.zh] ?? file.status,
    grade: file.grade,
    kind: file.kind,
    orgName: file.org_name,
    householdSize: file.household_size,
    perCapitaMonthlyFen: Number(file.per_capita_fen),
    appliedAt: file.created_at,
    filedAt: file.filed_at,
    noticeEnd: file.notice_end,
    steps: events
      .filter((e) => Object.hasOwn(selfSteps.zh, e.action))
      .map((e) => ({
        at: e.at,
        action: e.action,
        step: selfSteps.zh[e.action as keyof typeof selfSteps.zh],
        status: e.to_status,
      })),
    assistance: paid.map((g) => ({
      at: g.paid_at as string,
      programme: g.programme,
      programmeLabel: programmes.zh[g.programme as keyof typeof programmes.zh] ?? g.programme,
      period: g.period,
      amountFen: Number(g.amount_fen),
    })),
  };
}

/**
 * A worker applies for themselves: the file is created at their own union, submitted for review and linked to
 * the account. An account already bound to a person applies only for that person. When the ID already holds
 * an active file anywhere the answer is SELF_APPLY_REFUSED (go to the union), naming no holder; the refusal
 * is audited, so an insider who probes IDs through worker accounts leaves a trace.
 */
export async function applyForSelf(ctx: AppContext, actor: Actor, input: HouseholdInput) {
  require(actor, 'self.apply');
  const me = await repo.linkOf(ctx.db, actor.userId ?? -1);
  if (me?.kind !== 'worker') throw new AppError('SELF_NOT_WORKER_ACCOUNT');
  const id = parseId(input.idNumber);
  if (!id.ok) throw new AppError('SELF_NOT_OWN_ID');
  const bidx = ctx.crypto.blindIndex(id.id18, 'id');
  if (me.person_bidx && me.person_bidx !== bidx) throw new AppError('SELF_NOT_OWN_ID');
  const existing = await repo.activeFileOf(ctx.db, bidx);
  const refuse = async () => {
    await transaction(ctx, (trx) =>
      appendAudit(trx, ctx.clock, actor, {
        action: 'self.apply_refused',
        entityType: 'user',
        entityId: Number(me.id),
        orgPath: actor.scope.path,
        chain: actor.scope.provinceCode,
      }),
    );
    return new AppError('SELF_APPLY_REFUSED');
  };
  if (existing) throw await refuse();
  // The worker holds no archive rights; the application is filed on their behalf at their own union.
  const onBehalf: Actor = { ...actor, system: true };
  // 一人一档 over members too: a person held in another active file is refused the same way, naming no holder.
  const created = await createFile(ctx, onBehalf, { ...input, orgId: actor.scope.orgId }).catch(async (e) => {
    if (e instanceof AppError && ['ARCHIVE_DUPLICATE_PERSON', 'ARCHIVE_PERSON_IN_OTHER_FILE'].includes(e.code))
      throw await refuse();
    throw e;
  });
  await submitFile(ctx, onBehalf, created.id);
  await transaction(ctx, async (trx) => {
    await repo.linkAccount(trx, Number(me.id), created.id, bidx);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'self.link',
      entityType: 'household',
      entityId: created.id,
      orgPath: actor.scope.path,
      chain: actor.scope.provinceCode,
      after: { userId: Number(me.id), via: 'own_application' },
    });
  });
  return { fileNo: created.fileNo, status: 'submitted' as const };
}
