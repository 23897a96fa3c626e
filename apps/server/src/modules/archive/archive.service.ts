import type { HouseholdInput } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { proposeFor } from '../policy/policy.service.js';
import { toRows } from './archive.mapping.js';
import * as repo from './archive.repository.js';

/** Statuses in which the file's content may still be edited (before approval, or back in verification). */
const EDITABLE = new Set(['draft', 'submitted', 'objection']);

export async function mustFindFile(sdb: ScopedDb, id: number) {
  const row = await repo.findById(sdb, id);
  if (!row) throw new AppError('ARCHIVE_NOT_FOUND', { id });
  return row;
}

/**
 * 一人一档: a person (worker or member) may appear in only one active file in the country. A clash is refused
 * naming only the holding organisation: the worker already filed as a worker → ARCHIVE_DUPLICATE_PERSON; any
 * other clash (a member filed elsewhere, or the worker listed as a member of another file) →
 * ARCHIVE_PERSON_IN_OTHER_FILE with the field of the form that names the person.
 */
export async function refuseDuplicate(
  ctx: AppContext,
  trx: Db,
  rows: Pick<ReturnType<typeof toRows>, 'household' | 'members'>,
  exceptId?: number,
) {
  const persons = [
    { bidx: rows.household.id_bidx, field: 'idNumber' },
    ...rows.members.flatMap((m, i) => (m.id_bidx ? [{ bidx: m.id_bidx, field: `members.${i}.idNumber` }] : [])),
  ];
  await repo.lockPersons(
    trx,
    ctx.dialect,
    persons.map((p) => p.bidx),
  );
  const holders = await repo.activePersonHolders(
    trx,
    persons.map((p) => p.bidx),
    exceptId,
  );
  const worker = holders.find((h) => h.bidx === rows.household.id_bidx && h.as === 'worker');
  if (worker) throw new AppError('ARCHIVE_DUPLICATE_PERSON', { holder: worker.orgName });
  for (const p of persons) {
    const h = holders.find((x) => x.bidx === p.bidx);
    if (h) throw new AppError('ARCHIVE_PERSON_IN_OTHER_FILE', { holder: h.orgName, field: p.field });
  }
}

/** Write a whole version of the file (encrypted snapshot) and its workflow event. */
export async function recordVersion(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  file: { id: number; org_id: number; org_path: string; province_code: string; status: string; version: number },
  snapshot: unknown,
  reason: string,
) {
  await repo.insertVersion(trx, {
    household_id: file.id,
    org_id: file.org_id,
    org_path: file.org_path,
    province_code: file.province_code,
    version: file.version,
    status: file.status,
    at: ctx.clock.now().toISOString(),
    actor_id: actor.userId,
    actor_name: actor.displayName,
    reason,
    snapshot_enc: ctx.crypto.encrypt(JSON.stringify(snapshot)),
  });
}

/** A clerk files a household: a draft with a stable file number. */
export async function createFile(ctx: AppContext, actor: Actor, input: HouseholdInput) {
  require(actor, 'archive.write');
  const rows = toRows(ctx, input);
  return transaction(ctx, (trx) => createFileIn(ctx, trx, actor, input, rows));
}

/**
 * The draft, its members, first version, create event and audit entry, inside the caller's transaction (an
 * import writes each row's whole file and the row's status in one). The caller checked the permission.
 */
export async function createFileIn(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  input: HouseholdInput,
  rows = toRows(ctx, input),
) {
  {
    const sdb = new ScopedDb(trx, actor.scope);
    const org = await orgRepo.findActiveOrThrow(sdb, input.orgId);
    await refuseDuplicate(ctx, trx, rows);
    const now = ctx.clock.now();
    const today = ctx.clock.today();
    const fileNo = await repo.nextFileNo(trx, org.province_code, Number(today.slice(0, 4)));
    const proposal = await proposeFor(trx, org.path, today, input);
    const where = { org_id: org.id, org_path: org.path, province_code: org.province_code };
    const household = {
      ...rows.household,
      grade_proposed: proposal?.grade ?? null,
      grade_explanation_json: proposal ? JSON.stringify(proposal) : null,
      ...where,
      file_no: fileNo,
      status: 'draft',
      version: 1,
      created_by: actor.userId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      filed_at: null,
      notice_round: 0,
      notice_start: null,
      notice_end: null,
      last_reviewed_at: null,
      next_review_due: null,
      last_assisted_at: null,
      exit_proposed_since: null,
      grade: null,
      grade_override_reason: null,
    };
    const id = await repo.insertHousehold(trx, household);
    await repo.replaceMembers(
      trx,
      { id, ...where },
      rows.members.map((m) => ({ ...m, ...where })),
    );
    await recordVersion(ctx, trx, actor, { id, ...household }, input, 'create');
    await repo.insertEvent(trx, {
      household_id: id,
      ...where,
      at: now.toISOString(),
      actor_id: actor.userId,
      actor_name: actor.displayName,
      action: 'create',
      from_status: null,
      to_status: 'draft',
      note: null,
      data_json: null,
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'archive.create',
      entityType: 'household',
      entityId: id,
      orgPath: org.path,
      chain: org.province_code,
      after: { fileNo, name: input.name, id: rows.household.id_mask, members: input.members.length },
    });
    return { id, fileNo };
  }
}

/** Edit the content of a file that is still editable; the previous version stays readable. */
export async function updateFile(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: HouseholdInput,
  expectedVersion?: number,
) {
  require(actor, 'archive.write');
  const rows = toRows(ctx, input);
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const before = await mustFindFile(sdb, id);
    if (!EDITABLE.has(before.status)) throw new AppError('ARCHIVE_NOT_EDITABLE', { status: before.status });
    if (expectedVersion !== undefined && expectedVersion !== before.version)
      throw new AppError('ARCHIVE_STALE_VERSION', { current: before.version });
    const org = await orgRepo.findActiveOrThrow(sdb, input.orgId);
    await refuseDuplicate(ctx, trx, rows, id);
    const where = { org_id: org.id, org_path: org.path, province_code: org.province_code };
    const version = before.version + 1;
    const now = ctx.clock.now().toISOString();
    const proposal = await proposeFor(trx, org.path, ctx.clock.today(), input);
    await repo.updateHousehold(trx, id, {
      ...rows.household,
      grade_proposed: proposal?.grade ?? null,
      grade_explanation_json: proposal ? JSON.stringify(proposal) : null,
      ...where,
      version,
      updated_at: now,
    });
    await repo.replaceMembers(
      trx,
      { id, ...where },
      rows.members.map((m) => ({ ...m, ...where })),
    );
    await recordVersion(ctx, trx, actor, { id, ...where, status: before.status, version }, input, 'edit');
    await appendAudit(trx, ctx.clock, actor, {
      action: 'archive.update',
      entityType: 'household',
      entityId: id,
      orgPath: org.path,
      chain: org.province_code,
      before: { version: before.version, name: before.name, id: before.id_mask, orgId: Number(before.org_id) },
      after: { version, name: input.name, id: rows.household.id_mask, orgId: org.id },
    });
    return { id, version };
  });
}
