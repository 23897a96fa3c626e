import type { grades, HouseholdInput, ImportBatch } from '@bangfu/contracts';
import type { Updateable } from 'kysely';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, allows, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { ArchiveImportTable } from '../../platform/db/schema.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError, errorBody } from '../../platform/errors.js';
import * as jobs from './archive.import.jobs.js';
import * as repo from './archive.import.repository.js';
import { createFileIn } from './archive.service.js';
import { approvalStep, stepIn } from './archive.workflow.js';

const CHUNK = 200;
type Grade = z.infer<typeof grades.schema>;

async function mustFindBatch(sdb: ScopedDb, id: number) {
  const b = await repo.findBatch(sdb, id);
  if (!b) throw new AppError('ARCHIVE_IMPORT_NOT_FOUND', { id });
  return b;
}

const statusZh: Record<string, string> = {
  validating: '校验中',
  ready: '待确认',
  committing: '导入中',
  committed: '已导入',
  failed: '失败',
  pending_approval: '待审批',
  cancelled: '已取消',
};
const stateError = (status: string) => new AppError('ARCHIVE_IMPORT_STATE', { status: statusZh[status] ?? status });
type Batch = Awaited<ReturnType<typeof mustFindBatch>>;

export async function getImport(ctx: AppContext, actor: Actor, id: number): Promise<ImportBatch> {
  require(actor, 'archive.read');
  const b = await mustFindBatch(new ScopedDb(ctx.db, actor.scope), id);
  return {
    id: Number(b.id),
    orgId: Number(b.org_id),
    filename: b.filename,
    status: b.status as ImportBatch['status'],
    total: b.total,
    processed: b.processed,
    valid: b.valid,
    invalid: b.invalid,
    suspected: b.suspected,
    committed: b.committed,
    error: b.error,
    asFiled: b.as_filed === 1,
    createdBy: b.created_by === null ? null : Number(b.created_by),
    commitRequestedBy: b.commit_requested_by === null ? null : Number(b.commit_requested_by),
    interrupted: (b.status === 'validating' || b.status === 'committing') && !jobs.isRunning(ctx, id),
    createdAt: b.created_at,
    updatedAt: b.updated_at,
  };
}

/** The per-row report: row number, status, name and each problem (column, problem) in Chinese. */
export async function importRows(
  ctx: AppContext,
  actor: Actor,
  id: number,
  q: { status?: string; limit: number; offset: number },
) {
  require(actor, 'archive.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  await mustFindBatch(sdb, id);
  const { rows, total } = await repo.rowsPage(sdb, id, q);
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      row: r.row_no,
      status: r.status as 'valid',
      name: r.name,
      problems: r.problems_json ? (JSON.parse(r.problems_json) as { column: string; problem: string }[]) : [],
      householdId: r.household_id === null ? null : Number(r.household_id),
    })),
    total,
    limit: q.limit,
    offset: q.offset,
  };
}

/** A person decides on a suspected duplicate: import it (accept) or leave it out (reject). */
export async function decideRow(
  ctx: AppContext,
  actor: Actor,
  id: number,
  rowId: number,
  decision: 'accept' | 'reject',
) {
  require(actor, 'archive.write');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const b = await mustFindBatch(sdb, id);
  if (b.status !== 'ready') throw stateError(b.status);
  const row = await repo.findRow(sdb, id, rowId);
  if (!row) throw new AppError('ARCHIVE_IMPORT_NOT_FOUND', { id, rowId });
  if (row.status !== 'suspected' && row.status !== 'accepted' && row.status !== 'rejected')
    throw new AppError('ARCHIVE_IMPORT_STATE', { status: row.status });
  await repo.updateRow(ctx.db, rowId, { status: decision === 'accept' ? 'accepted' : 'rejected' });
  return { id: rowId, status: decision === 'accept' ? 'accepted' : 'rejected' };
}

/** Test hooks: called inside a row's transaction, after its file is written, before the row is marked. */
export interface CommitHooks {
  afterRowWritten?: (rowNo: number) => void | Promise<void>;
}
interface RunOpts {
  wait?: boolean;
  onProgress?: (done: number, total: number) => void;
  hooks?: CommitHooks;
}

/** Move the batch from one status to another only if it is still there (the loser of a race gets a 409). */
async function moveBatch(trx: Db, b: Batch, from: string, set: Updateable<ArchiveImportTable>) {
  if (!(await repo.moveBatch(trx, Number(b.id), from, set))) throw stateError(from === b.status ? 'changed' : b.status);
}

function auditBatch(ctx: AppContext, trx: Db, actor: Actor, b: Batch, action: string, after: object) {
  return appendAudit(trx, ctx.clock, actor, {
    action: `archive.import.${action}`,
    entityType: 'archive_import',
    entityId: Number(b.id),
    orgPath: b.org_path,
    chain: b.province_code,
    before: { status: b.status },
    after: { filename: b.filename, sha256: b.sha256, ...after },
  });
}

/**
 * Importing as 在档 needs a second person: archive.approve, at a node above the import's (the rule for files),
 * and neither the user who uploaded the file nor the one who asked for it to be filed. The CLI (the operator
 * on the server, the system actor) is exempt.
 */
function mayApproveFiled(actor: Actor, b: Batch) {
  require(actor, 'archive.approve');
  if (actor.system) return;
  if (actor.userId === Number(b.created_by) || actor.userId === Number(b.commit_requested_by))
    throw new AppError('ARCHIVE_IMPORT_SELF_APPROVAL');
  if (b.org_path === actor.scope.path) throw new AppError('ARCHIVE_APPROVER_NOT_UPPER');
}

/**
 * Commit the valid and accepted rows: each becomes a draft file, in chunks with progress. Asked as 在档
 * (migrating an existing archive) by a person, the batch waits for a second person's approval (approveImport);
 * only the CLI's system actor commits as 在档 at once.
 */
export async function commitImport(ctx: AppContext, actor: Actor, id: number, opts: { asFiled: boolean } & RunOpts) {
  require(actor, 'archive.write');
  const b = await mustFindBatch(new ScopedDb(ctx.db, actor.scope), id);
  if (b.status !== 'ready') throw stateError(b.status);
  if (opts.asFiled && !actor.system) {
    await transaction(ctx, async (trx) => {
      await moveBatch(trx, b, 'ready', {
        status: 'pending_approval',
        as_filed: 1,
        commit_requested_by: actor.userId,
        updated_at: ctx.clock.now().toISOString(),
      });
      await auditBatch(ctx, trx, actor, b, 'request_filed', { status: 'pending_approval' });
    });
    return { id };
  }
  if (!jobs.claim(ctx, id)) throw stateError('committing');
  try {
    await moveBatch(ctx.db, b, 'ready', {
      status: 'committing',
      as_filed: opts.asFiled ? 1 : 0,
      updated_at: ctx.clock.now().toISOString(),
    });
  } catch (e) {
    jobs.release(ctx, id);
    throw e;
  }
  return run(ctx, actor, b, opts.asFiled, opts);
}

/** The second person approves an import as 在档: the batch is committed, the files enter the archive. */
export async function approveImport(ctx: AppContext, actor: Actor, id: number, opts: RunOpts = {}) {
  const b = await mustFindBatch(new ScopedDb(ctx.db, actor.scope), id);
  mayApproveFiled(actor, b);
  if (b.status !== 'pending_approval') throw stateError(b.status);
  if (!jobs.claim(ctx, id)) throw stateError('committing');
  try {
    await transaction(ctx, async (trx) => {
      await moveBatch(trx, b, 'pending_approval', {
        status: 'committing',
        approved_by: actor.userId,
        updated_at: ctx.clock.now().toISOString(),
      });
      await auditBatch(ctx, trx, actor, b, 'approve', { status: 'committing' });
    });
  } catch (e) {
    jobs.release(ctx, id);
    throw e;
  }
  return run(ctx, actor, b, true, opts);
}

/**
 * Resume an import left committing by a server that stopped: the rows not yet committed are committed (each
 * row's file and the row's mark are one transaction, so none is made twice). An import as 在档 is resumed by a
 * person who may approve it.
 */
export async function resumeImport(ctx: AppContext, actor: Actor, id: number, opts: RunOpts = {}) {
  if (!allows(actor, 'archive.approve')) require(actor, 'archive.write');
  const b = await mustFindBatch(new ScopedDb(ctx.db, actor.scope), id);
  if (b.as_filed === 1) mayApproveFiled(actor, b);
  else require(actor, 'archive.write');
  if (b.status !== 'committing' || !jobs.claim(ctx, id)) throw stateError(b.status);
  try {
    await transaction(ctx, (trx) => auditBatch(ctx, trx, actor, b, 'resume', { committedBefore: b.committed }));
  } catch (e) {
    jobs.release(ctx, id);
    throw e;
  }
  return run(ctx, actor, b, b.as_filed === 1, opts);
}

/**
 * Cancel an import that waits (ready, pending approval) or was interrupted (validating or committing, no longer
 * running). Files already committed stay, each whole with its history; the other rows are not imported.
 */
export async function cancelImport(ctx: AppContext, actor: Actor, id: number) {
  if (!allows(actor, 'archive.approve')) require(actor, 'archive.write');
  const b = await mustFindBatch(new ScopedDb(ctx.db, actor.scope), id);
  // An approver may refuse an import waiting for approval; everything else is the importers' (archive.write).
  if (b.status !== 'pending_approval') require(actor, 'archive.write');
  const interrupted = (b.status === 'validating' || b.status === 'committing') && !jobs.isRunning(ctx, id);
  if (!interrupted && b.status !== 'ready' && b.status !== 'pending_approval') throw stateError(b.status);
  await transaction(ctx, async (trx) => {
    await moveBatch(trx, b, b.status, { status: 'cancelled', updated_at: ctx.clock.now().toISOString() });
    await auditBatch(ctx, trx, actor, b, 'cancel', { status: 'cancelled', committed: b.committed });
  });
  return getImport(ctx, actor, id);
}

/** The commit loop, claimed by this process: one transaction per row, the batch marked committed at the end. */
function run(ctx: AppContext, actor: Actor, b: Batch, asFiled: boolean, opts: RunOpts) {
  const id = Number(b.id);
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const work = (async () => {
    const total = await repo.countRows(sdb, id, ['valid', 'accepted', 'committed']);
    let committed = await repo.countRows(sdb, id, ['committed']);
    for (;;) {
      const rows = await repo.rowsToCommit(sdb, id, CHUNK);
      if (rows.length === 0) break;
      for (const r of rows) {
        const { input, grade } = JSON.parse(ctx.crypto.decrypt(r.payload_enc as string)) as {
          input: HouseholdInput;
          grade: Grade | null;
        };
        if (asFiled && !grade) {
          await markFailed(ctx, r.id, '困难类别', '作为在档档案导入时须填写困难类别');
          continue;
        }
        try {
          // The file, its members, version, events and audit entries, and the row's mark: one transaction.
          await transaction(ctx, async (trx) => {
            const f = await createFileIn(ctx, trx, actor, input);
            if (asFiled && grade) await fileDirectly(ctx, trx, actor, f.id, grade, id);
            await opts.hooks?.afterRowWritten?.(r.row_no);
            if (!(await repo.markRowCommitted(trx, r.id, f.id))) throw stateError('committing');
          });
          committed++;
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          const field = (e.details as { field?: string } | undefined)?.field;
          const column = field?.startsWith('members.') ? '家庭成员·身份证号' : '身份证号';
          await markFailed(ctx, r.id, column, `导入时失败：${errorBody(e.code, e.details).error.message}`);
        }
      }
      await repo.updateBatch(ctx.db, id, { committed, updated_at: ctx.clock.now().toISOString() });
      opts.onProgress?.(committed, total);
      await new Promise((res) => setImmediate(res));
    }
    await transaction(ctx, async (trx) => {
      await moveBatch(trx, { ...b, status: 'committing' }, 'committing', {
        status: 'committed',
        committed,
        error: null,
      });
      await auditBatch(ctx, trx, actor, { ...b, status: 'committing' }, 'commit', { committed, asFiled });
    });
  })()
    .catch(async (e: unknown) => {
      // Left committing (interrupted): the page offers resume or cancel; rows already committed are whole.
      ctx.log.error({ err: e }, 'archive import commit stopped');
      await repo.updateBatch(ctx.db, id, { error: String(e).slice(0, 500) });
    })
    .finally(() => jobs.release(ctx, id));
  return opts.wait ? work.then(() => ({ id })) : Promise.resolve({ id });
}

async function markFailed(ctx: AppContext, rowId: number, column: string, problem: string) {
  await repo.updateRow(ctx.db, rowId, { status: 'invalid', problems_json: JSON.stringify([{ column, problem }]) });
}

/**
 * Migration of an existing archive (already reviewed, noticed and approved on paper): in the row's transaction
 * the draft goes up for approval and is approved with the imported grade, by the approving person; its steps
 * say so.
 */
async function fileDirectly(ctx: AppContext, trx: Db, actor: Actor, householdId: number, grade: Grade, batch: number) {
  await stepIn(ctx, trx, actor, householdId, {
    action: 'import_as_filed',
    permission: 'archive.approve',
    from: ['draft'],
    to: 'pending_approval',
    note: `原有档案批量导入（导入批次 ${batch}），纸质档案已完成审核、公示`,
  });
  await stepIn(
    ctx,
    trx,
    actor,
    householdId,
    approvalStep(actor, {
      decision: 'approve',
      grade,
      overrideReason: '按原有档案认定的困难类别导入',
      opinion: '由原有档案批量导入（已在档）',
    }),
  );
}
