import { errorCatalog, type grades, type HouseholdInput, type ImportBatch } from '@bangfu/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { createFile } from './archive.service.js';
import { approveFile } from './archive.workflow.js';

const CHUNK = 200;
type Grade = z.infer<typeof grades.schema>;

async function mustFindBatch(sdb: ScopedDb, id: number) {
  const b = await sdb.selectFrom('archive_import').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b) throw new AppError('ARCHIVE_IMPORT_NOT_FOUND', { id });
  return b;
}

const statusZh: Record<string, string> = {
  validating: '校验中',
  ready: '待确认',
  committing: '导入中',
  committed: '已导入',
  failed: '失败',
};

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
  let qb = sdb.selectFrom('archive_import_row').where('import_id', '=', id);
  if (q.status) qb = qb.where('status', '=', q.status);
  const [rows, total] = await Promise.all([
    qb
      .select(['id', 'row_no', 'status', 'name', 'problems_json', 'household_id'])
      .orderBy('row_no')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      row: r.row_no,
      status: r.status as 'valid',
      name: r.name,
      problems: r.problems_json ? (JSON.parse(r.problems_json) as { column: string; problem: string }[]) : [],
      householdId: r.household_id === null ? null : Number(r.household_id),
    })),
    total: Number(total.n),
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
  if (b.status !== 'ready') throw new AppError('ARCHIVE_IMPORT_STATE', { status: statusZh[b.status] ?? b.status });
  const row = await sdb
    .selectFrom('archive_import_row')
    .select(['id', 'status'])
    .where('import_id', '=', id)
    .where('id', '=', rowId)
    .executeTakeFirst();
  if (!row) throw new AppError('ARCHIVE_IMPORT_NOT_FOUND', { id, rowId });
  if (row.status !== 'suspected' && row.status !== 'accepted' && row.status !== 'rejected')
    throw new AppError('ARCHIVE_IMPORT_STATE', { status: row.status });
  await ctx.db
    .updateTable('archive_import_row')
    .set({ status: decision === 'accept' ? 'accepted' : 'rejected' })
    .where('id', '=', rowId)
    .execute();
  return { id: rowId, status: decision === 'accept' ? 'accepted' : 'rejected' };
}

/**
 * Commit the valid and accepted rows: each becomes a file (draft, or 在档 when migrating an existing archive by an
 * approver), in chunks with progress. A row that fails now (someone filed the person meanwhile) is marked invalid.
 */
export async function commitImport(
  ctx: AppContext,
  actor: Actor,
  id: number,
  opts: { asFiled: boolean; wait?: boolean; onProgress?: (done: number, total: number) => void },
) {
  require(actor, 'archive.write');
  if (opts.asFiled) require(actor, 'archive.approve');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const b = await mustFindBatch(sdb, id);
  if (b.status !== 'ready') throw new AppError('ARCHIVE_IMPORT_STATE', { status: statusZh[b.status] ?? b.status });
  await ctx.db
    .updateTable('archive_import')
    .set({ status: 'committing', updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', id)
    .execute();
  const work = (async () => {
    let committed = 0;
    const total =
      b.valid +
      (await sdb
        .selectFrom('archive_import_row')
        .select(sql<number>`count(*)`.as('n'))
        .where('import_id', '=', id)
        .where('status', '=', 'accepted')
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n)));
    for (;;) {
      const rows = await sdb
        .selectFrom('archive_import_row')
        .select(['id', 'payload_enc'])
        .where('import_id', '=', id)
        .where('status', 'in', ['valid', 'accepted'])
        .orderBy('row_no')
        .limit(CHUNK)
        .execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        const { input, grade } = JSON.parse(ctx.crypto.decrypt(r.payload_enc as string)) as {
          input: HouseholdInput;
          grade: Grade | null;
        };
        if (opts.asFiled && !grade) {
          await markFailed(ctx, r.id, '困难类别', '作为在档档案导入时须填写困难类别');
          continue;
        }
        try {
          const f = await createFile(ctx, actor, input);
          if (opts.asFiled && grade) await fileDirectly(ctx, actor, f.id, grade);
          await ctx.db
            .updateTable('archive_import_row')
            .set({ status: 'committed', household_id: f.id, payload_enc: null })
            .where('id', '=', r.id)
            .execute();
          committed++;
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          await markFailed(ctx, r.id, '身份证号', `导入时失败：${errorCatalog[e.code].zh}`);
        }
      }
      await ctx.db
        .updateTable('archive_import')
        .set({ committed, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', id)
        .execute();
      opts.onProgress?.(committed, total);
      await new Promise((res) => setImmediate(res));
    }
    await transaction(ctx, async (trx) => {
      await trx.updateTable('archive_import').set({ status: 'committed', committed }).where('id', '=', id).execute();
      await appendAudit(trx, ctx.clock, actor, {
        action: 'archive.import',
        entityType: 'archive_import',
        entityId: id,
        orgPath: b.org_path,
        chain: b.province_code,
        after: { filename: b.filename, sha256: b.sha256, committed, asFiled: opts.asFiled },
      });
    });
  })().catch(async (e: unknown) => {
    ctx.log.error({ err: e }, 'archive import commit failed');
    await ctx.db
      .updateTable('archive_import')
      .set({ status: 'failed', error: String(e) })
      .where('id', '=', id)
      .execute();
  });
  if (opts.wait) await work;
  return { id };
}

async function markFailed(ctx: AppContext, rowId: number, column: string, problem: string) {
  await ctx.db
    .updateTable('archive_import_row')
    .set({ status: 'invalid', problems_json: JSON.stringify([{ column, problem }]) })
    .where('id', '=', rowId)
    .execute();
}

/**
 * Migration of an existing archive (already reviewed, noticed and approved on paper): the file enters 在档 with
 * the imported grade; its steps say so.
 */
async function fileDirectly(ctx: AppContext, actor: Actor, householdId: number, grade: Grade) {
  await ctx.db.updateTable('household').set({ status: 'pending_approval' }).where('id', '=', householdId).execute();
  await approveFile(ctx, { ...actor, system: true }, householdId, {
    decision: 'approve',
    grade,
    opinion: '由原有档案批量导入（已在档）',
  });
}
