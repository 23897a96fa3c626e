import type { ClashFileInScope, ClashQuery } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './archive.clashes.repository.js';
import { normaliseIdForIndex } from './archive.mapping.js';

/**
 * 一人一档 over existing data (`bangfu archive clashes`): persons who are the worker or a member of more than one
 * active file. National by nature, so only for the CLI's system actor (reads name the reason 'cli'). Staff see
 * the clashes touching their subtree through `listScopedClashes` (queries in archive.clashes.repository.ts).
 */

export interface ClashEntry {
  fileNo: string;
  org: string;
  status: string;
  as: 'worker' | 'member';
}
export interface Clash {
  idMasked: string | null;
  files: ClashEntry[];
}

function mustBeSystem(actor: Actor) {
  require(actor, 'archive.read');
  if (!actor.system) throw new AppError('FORBIDDEN');
}

/**
 * Members stored with an encrypted ID but no blind index (rows written before the index was filled, or by hand)
 * get one: the index needs the key, so it is computed here and not in a migration. Returns how many were filled.
 */
export async function backfillMemberIndexes(ctx: AppContext, actor: Actor): Promise<number> {
  mustBeSystem(actor);
  const missing = await repo.membersWithoutIndex(ctx.db);
  if (missing.length === 0) return 0;
  await transaction(ctx, async (trx) => {
    for (const m of missing) {
      const id18 = normaliseIdForIndex(ctx.crypto.decrypt(m.id_enc as string));
      if (!id18) continue;
      await repo.setMemberIndex(trx, Number(m.id), ctx.crypto.blindIndex(id18, 'id'));
    }
    await appendAudit(trx, ctx.clock, actor, {
      action: 'archive.member_index_backfill',
      entityType: 'household_member',
      entityId: null,
      orgPath: actor.scope.path,
      chain: actor.scope.provinceCode,
      after: { filled: missing.length },
    });
  });
  return missing.length;
}

/** Every person in more than one active file, with each file's number, union and status (IDs masked). */
export async function listClashes(ctx: AppContext, actor: Actor): Promise<Clash[]> {
  mustBeSystem(actor);
  const bidxs = await repo.nationalClashingPersons(ctx.db);
  if (bidxs.length === 0) return [];
  const workers = await repo.activeFilesOfWorkers(ctx.db, bidxs);
  const members = await repo.activeFilesOfMembers(ctx.db, bidxs);
  const byPerson = new Map<string, Clash>();
  for (const [rows, as] of [
    [workers, 'worker'],
    [members, 'member'],
  ] as const) {
    for (const r of rows) {
      const c = byPerson.get(r.bidx as string) ?? { idMasked: r.mask, files: [] };
      c.idMasked ??= r.mask;
      c.files.push({ fileNo: r.file_no, org: r.org, status: r.status, as });
      byPerson.set(r.bidx as string, c);
    }
  }
  return [...byPerson.values()].sort((a, b) => (a.files[0]?.fileNo ?? '').localeCompare(b.files[0]?.fileNo ?? ''));
}

/**
 * The clash list for staff (`GET /households/clashes`, archive.read): persons held by more than one active file,
 * at least one under the caller (or under `orgId`, a node in the caller's subtree). Files in scope show their
 * number, worker, union, status and the person's place; a file outside names only its union (deduplicated),
 * as the intake refusal does. Masked IDs only; nothing is revealed, so nothing is audited.
 */
export async function listScopedClashes(ctx: AppContext, actor: Actor, q: ClashQuery) {
  require(actor, 'archive.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const path = q.orgId ? (await orgRepo.findActiveOrThrow(sdb, q.orgId)).path : actor.scope.path;
  const { bidxs, total } = await repo.clashPage(ctx.db, sdb, path, q.limit, q.offset);
  const page = { total, limit: q.limit, offset: q.offset };
  if (bidxs.length === 0) return { ...page, items: [] };
  const inScope = await repo.filesInScope(sdb, bidxs);
  const outside = await repo.unionsOutside(ctx.db, actor.scope.path, bidxs);
  const items = bidxs.map((bidx) => {
    const mine = [
      ...inScope.workers.filter((r) => r.bidx === bidx).map((r) => ({ ...r, as: 'worker' as const })),
      ...inScope.members.filter((r) => r.bidx === bidx).map((r) => ({ ...r, as: 'member' as const })),
    ].sort((a, b) => a.file_no.localeCompare(b.file_no));
    const unions = [...new Set(outside.filter((r) => r.bidx === bidx).map((r) => r.org))].sort();
    const first = mine[0];
    return {
      name: first?.person ?? '',
      idMasked: mine.find((r) => r.mask)?.mask ?? null,
      files: [
        ...mine.map((r) => ({
          inScope: true as const,
          householdId: Number(r.household_id),
          fileNo: r.file_no,
          householdName: r.household_name,
          org: r.org,
          status: r.status as ClashFileInScope['status'],
          as: r.as,
        })),
        ...unions.map((org) => ({ inScope: false as const, org })),
      ],
    };
  });
  return { ...page, items };
}
