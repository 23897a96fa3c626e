import type { ArchiveQueue, HouseholdListItem, HouseholdQuery } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, allows, require } from '../../platform/auth/actor.js';
import { CHINA_UTC_OFFSET_MS, chinaDate } from '../../platform/clock.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { normaliseIdForIndex } from './archive.mapping.js';
import * as repo from './archive.repository.js';
import { mustFindFile } from './archive.service.js';

type ListRow = Awaited<ReturnType<typeof repo.list>>['rows'][number];

function toListItem(r: ListRow): HouseholdListItem {
  return {
    id: Number(r.id),
    fileNo: r.file_no,
    name: r.name,
    idMasked: r.id_mask,
    sex: r.sex as HouseholdListItem['sex'],
    birthYear: r.birth_year,
    orgId: Number(r.org_id),
    orgName: r.org_name,
    kind: r.kind as HouseholdListItem['kind'],
    status: r.status as HouseholdListItem['status'],
    grade: r.grade as HouseholdListItem['grade'],
    gradeProposed: r.grade_proposed as HouseholdListItem['gradeProposed'],
    mainCause: r.main_cause as HouseholdListItem['mainCause'],
    householdSize: r.household_size,
    perCapitaMonthlyFen: Number(r.per_capita_fen),
    phoneMasked: r.phone_mask,
    lastReviewedAt: r.last_reviewed_at,
    nextReviewDue: r.next_review_due,
    noticeStart: r.notice_start,
    noticeEnd: r.notice_end,
    exitProposedSince: r.exit_proposed_since,
    updatedAt: r.updated_at,
  };
}

/**
 * The list's filters as the repository takes them: the node as its path (within the caller's scope), a full ID
 * or phone as its blind index. The list and the export share it, so an export holds exactly the rows listed.
 */
export async function resolveFilter(ctx: AppContext, sdb: ScopedDb, q: HouseholdQuery) {
  let orgPath: string | undefined;
  if (q.orgId !== undefined) {
    const org = await orgRepo.findById(sdb, q.orgId);
    if (!org) throw new AppError('ORG_NOT_FOUND', { id: q.orgId });
    orgPath = org.path;
  }
  const fullId = q.idNumber ? normaliseIdForIndex(q.idNumber) : null;
  const phone = q.phone && /^1\d{10}$/.test(q.phone) ? q.phone : undefined;
  return {
    ...q,
    orgPath,
    idBidx: fullId ? ctx.crypto.blindIndex(fullId, 'id') : undefined,
    phoneBidx: phone ? ctx.crypto.blindIndex(phone, 'phone') : undefined,
  };
}

/** Lists and searches: masked personal data only. A full ID typed by the user is matched through its blind index. */
export async function listFiles(ctx: AppContext, actor: Actor, q: HouseholdQuery) {
  require(actor, 'archive.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const filter = await resolveFilter(ctx, sdb, q);
  const { rows, total } = await repo.list(sdb, filter);
  // A search by a whole ID or phone confirms a guess (the mask shows the last four): each one is audited with
  // what was searched by and how many files answered, never the number itself.
  if (filter.idBidx || filter.phoneBidx)
    await transaction(ctx, (trx) =>
      appendAudit(trx, ctx.clock, actor, {
        action: 'archive.search_exact',
        entityType: 'household',
        orgPath: actor.scope.path,
        chain: actor.scope.provinceCode,
        after: { by: filter.idBidx ? 'idNumber' : 'phone', hits: total },
      }),
    );
  return { items: rows.map(toListItem), total, limit: q.limit, offset: q.offset };
}

/**
 * One file with members and history. ID numbers, phone, bank card and health are masked unless the caller
 * holds personal.reveal and asks for them (reveal=true): that read is audited.
 */
export async function getFile(ctx: AppContext, actor: Actor, id: number, opts: { reveal?: boolean } = {}) {
  require(actor, 'archive.read');
  if (opts.reveal) require(actor, 'personal.reveal');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const row = await mustFindFile(sdb, id);
  const members = await repo.members(sdb, id);
  const reveal = opts.reveal === true && allows(actor, 'personal.reveal');
  if (reveal)
    await transaction(ctx, (trx) =>
      appendAudit(trx, ctx.clock, actor, {
        action: 'archive.reveal',
        entityType: 'household',
        entityId: id,
        orgPath: row.org_path,
        chain: row.province_code,
        after: { fields: ['idNumber', 'phone', 'bank', 'health', 'members.idNumber', 'members.health'] },
      }),
    );
  const dec = (v: string | null) => (reveal ? ctx.crypto.decryptNullable(v) : null);
  const details = JSON.parse(row.details_json) as Record<string, unknown>;
  // Full birth dates only on the audited reveal: from the ID, or (a member without one) from the encrypted
  // snapshot of the current version. Otherwise the year alone.
  const idBirth = (id: string | null) =>
    id && id.length === 18 ? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` : null;
  const snapshot = reveal ? await revealedSnapshot(ctx, sdb, id, row.version) : null;
  return {
    ...toListItem({ ...row, org_name: row.org_name }),
    version: row.version,
    gradeProposed: row.grade_proposed,
    gradeOverrideReason: row.grade_override_reason,
    /** Why the system proposes this grade: each input, threshold and the policy version. */
    gradeExplanation: row.grade_explanation_json ? (JSON.parse(row.grade_explanation_json) as unknown) : null,
    annualIncomeFen: Number(row.annual_income_fen),
    disability: row.disability,
    workStatus: row.work_status,
    education: row.education,
    maritalStatus: row.marital_status,
    dibaoStatus: row.dibao_status,
    singleParent: row.single_parent === 1,
    zeroEmployment: row.zero_employment === 1,
    secondaryCauses: [row.cause2, row.cause3, row.cause4].filter((c): c is string => c !== null),
    idNumber: dec(row.id_enc),
    birthDate: reveal ? idBirth(dec(row.id_enc)) : null,
    phone: dec(row.phone_enc),
    health: dec(row.health_enc),
    bank: row.bank_enc ? (reveal ? JSON.parse(ctx.crypto.decrypt(row.bank_enc)) : { masked: true }) : null,
    details,
    filedAt: row.filed_at,
    lastAssistedAt: row.last_assisted_at,
    createdAt: row.created_at,
    members: members.map((m) => ({
      seq: m.seq,
      name: m.name,
      relation: m.relation,
      sex: m.sex,
      birthYear: m.birth_year,
      birthDate: reveal ? (idBirth(dec(m.id_enc)) ?? snapshot?.members?.[m.seq - 1]?.birthDate ?? null) : null,
      idMasked: m.id_mask,
      idNumber: dec(m.id_enc),
      health: dec(m.health_enc),
      disability: m.disability,
      schooling: m.schooling,
      maritalStatus: m.marital_status,
      monthlyIncomeFen: Number(m.monthly_income_fen),
      details: JSON.parse(m.details_json) as Record<string, unknown>,
    })),
  };
}

async function revealedSnapshot(ctx: AppContext, sdb: ScopedDb, id: number, version: number) {
  const v = await repo.version(sdb, id, version);
  return v ? (JSON.parse(ctx.crypto.decrypt(v.snapshot_enc)) as { members?: { birthDate?: string | null }[] }) : null;
}

/** The versions of a file (newest first) and its workflow steps. */
export async function fileHistory(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'archive.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  await mustFindFile(sdb, id);
  const [versions, events] = await Promise.all([repo.versions(sdb, id), repo.events(sdb, id)]);
  return {
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      at: v.at,
      actorName: v.actor_name,
      reason: v.reason,
    })),
    events: events.map((e) => ({
      at: e.at,
      actorName: e.actor_name,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
      data: e.data_json ? (JSON.parse(e.data_json) as unknown) : null,
    })),
  };
}

/** One earlier version, whole: personal data inside, so it needs personal.reveal and is audited. */
export async function fileVersion(ctx: AppContext, actor: Actor, id: number, version: number) {
  require(actor, 'archive.read');
  require(actor, 'personal.reveal');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const file = await mustFindFile(sdb, id);
  const v = await repo.version(sdb, id, version);
  if (!v) throw new AppError('ARCHIVE_NOT_FOUND', { id, version });
  await transaction(ctx, (trx) =>
    appendAudit(trx, ctx.clock, actor, {
      action: 'archive.reveal_version',
      entityType: 'household',
      entityId: id,
      orgPath: file.org_path,
      chain: file.province_code,
      after: { version },
    }),
  );
  return {
    version: v.version,
    status: v.status,
    at: v.at,
    actorName: v.actor_name,
    reason: v.reason,
    content: JSON.parse(ctx.crypto.decrypt(v.snapshot_enc)) as unknown,
  };
}

/**
 * "Not reviewed for a year": the instant of Beijing midnight on the same date a year before `today` (a Beijing
 * date). The stale queue and the yearly review's stale flag compare review instants with it.
 */
export function staleCutoff(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - 1, m - 1, d) - CHINA_UTC_OFFSET_MS).toISOString();
}

/**
 * The work queues of dynamic management: reviews due within 30 days, overdue reviews, files not updated or
 * reviewed in 12 months, files never assisted, files on public notice (the printable notice list).
 */
export async function queueFiles(
  ctx: AppContext,
  actor: Actor,
  queue: ArchiveQueue,
  page: { limit: number; offset: number },
) {
  require(actor, 'archive.read');
  // Review dates are calendar dates in Beijing (clock.today()); "stale" compares instants, from Beijing
  // midnight of the same date a year ago.
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  const q: repo.Queue =
    queue === 'due'
      ? { kind: 'due', untilDate: chinaDate(new Date(now.getTime() + 30 * 86_400_000)) }
      : queue === 'overdue'
        ? { kind: 'overdue', beforeDate: today }
        : queue === 'stale'
          ? { kind: 'stale', beforeIso: staleCutoff(today) }
          : { kind: queue };
  const { rows, total } = await repo.list(new ScopedDb(ctx.db, actor.scope), {
    sort: queue === 'notice' ? 'pinyin' : 'updatedAt',
    order: 'asc',
    limit: page.limit,
    offset: page.offset,
    queue: q,
  });
  return { items: rows.map(toListItem), total, limit: page.limit, offset: page.offset };
}
