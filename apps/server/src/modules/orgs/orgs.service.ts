import type { CreateOrg, Org, OrgListQuery, OrgType, UpdateOrg } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { pinyinSortKey } from '../../platform/pinyin.js';
import { isInsideSubtree, provinceCodeFor, typeFits } from './orgs.policy.js';
import * as repo from './orgs.repository.js';

const scoped = (ctx: AppContext, actor: Actor) => new ScopedDb(ctx.db, actor.scope);

async function mustFind(sdb: ScopedDb, id: number): Promise<repo.OrgRow> {
  const row = await repo.findById(sdb, id);
  if (!row) throw new AppError('ORG_NOT_FOUND', { id });
  return row;
}

async function withCounts(sdb: ScopedDb, rows: repo.OrgRow[]): Promise<Org[]> {
  const counts = await repo.childCounts(
    sdb,
    rows.map((r) => r.id),
  );
  return rows.map((r) => repo.toOrg(r, counts.get(Number(r.id)) ?? 0));
}

const auditOf = (row: repo.OrgRow) => ({
  name: row.name,
  type: row.type,
  divisionCode: row.division_code,
  status: row.status,
  path: row.path,
});

export async function getOrg(ctx: AppContext, actor: Actor, id: number): Promise<Org> {
  require(actor, 'org.read');
  const sdb = scoped(ctx, actor);
  const [org] = await withCounts(sdb, [await mustFind(sdb, id)]);
  return org as Org;
}

/** The caller's own root node: the top of what they may see. */
export function getMyRoot(ctx: AppContext, actor: Actor): Promise<Org> {
  return getOrg(ctx, actor, actor.scope.orgId);
}

export async function listOrgs(ctx: AppContext, actor: Actor, q: OrgListQuery) {
  require(actor, 'org.read');
  const sdb = scoped(ctx, actor);
  const { rows, total } = await repo.list(sdb, q);
  return { items: await withCounts(sdb, rows), total, limit: q.limit, offset: q.offset };
}

export async function createOrg(ctx: AppContext, actor: Actor, input: CreateOrg): Promise<Org> {
  require(actor, 'org.write');
  const sdb = scoped(ctx, actor);
  return transaction(ctx, async (trx) => {
    const tsdb = sdb.with(trx);
    const parent = await mustFind(tsdb, input.parentId);
    if (parent.status !== 'active') throw new AppError('ORG_INACTIVE', { id: parent.id });
    if (!typeFits(input.type, parent.type as OrgType, []))
      throw new AppError('ORG_INVALID_PARENT_TYPE', { parentType: parent.type, type: input.type });
    await checkUnique(ctx, tsdb, trx, parent.id, input.name, input.divisionCode ?? null);
    if (input.type === 'province' && !input.divisionCode)
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: 'divisionCode', message: '省级工会须填写行政区划代码 / a province needs its division code' }],
      });
    const now = ctx.clock.now().toISOString();
    const row = await repo.insert(trx, {
      parent_id: parent.id,
      parentPath: parent.path,
      name: input.name,
      type: input.type,
      division_code: input.divisionCode ?? null,
      status: 'active',
      province_code: provinceCodeFor(input.type, input.divisionCode, parent.province_code),
      sort_key: pinyinSortKey(input.name),
      created_at: now,
      updated_at: now,
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'org.create',
      entityType: 'org',
      entityId: row.id,
      orgPath: row.path,
      chain: row.province_code,
      after: auditOf(row),
    });
    return repo.toOrg(row);
  });
}

async function checkUnique(
  ctx: AppContext,
  sdb: ScopedDb,
  trx: typeof ctx.db,
  parentId: number,
  name: string,
  code: string | null,
  exceptId?: number,
) {
  if (await repo.siblingNameTaken(sdb, parentId, name, exceptId)) throw new AppError('ORG_DUPLICATE_NAME', { name });
  if (code && (await repo.divisionCodeTaken(trx, code, exceptId))) throw new AppError('ORG_DUPLICATE_CODE', { code });
}

export async function updateOrg(ctx: AppContext, actor: Actor, id: number, input: UpdateOrg): Promise<Org> {
  require(actor, 'org.write');
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const node = await mustFind(sdb, id);
    const patch: Parameters<typeof repo.update>[2] = {};
    if (input.name !== undefined && input.name !== node.name) {
      if (node.parent_id !== null) await checkUnique(ctx, sdb, trx, node.parent_id, input.name, null, id);
      patch.name = input.name;
      patch.sort_key = pinyinSortKey(input.name);
    }
    if (input.divisionCode !== undefined && (input.divisionCode ?? null) !== node.division_code) {
      if (input.divisionCode && (await repo.divisionCodeTaken(trx, input.divisionCode, id)))
        throw new AppError('ORG_DUPLICATE_CODE', { code: input.divisionCode });
      patch.division_code = input.divisionCode ?? null;
    }
    if (input.type !== undefined && input.type !== node.type) {
      if (id === actor.scope.orgId) throw new AppError('ORG_ROOT_IMMUTABLE');
      const parent = node.parent_id === null ? null : await mustFind(sdb, node.parent_id);
      const children = (await repo.childTypes(sdb, id)) as OrgType[];
      if (!typeFits(input.type, (parent?.type ?? null) as OrgType | null, children))
        throw new AppError('ORG_INVALID_PARENT_TYPE', { type: input.type });
      if (input.type === 'province' || node.type === 'province')
        throw new AppError('ORG_INVALID_PARENT_TYPE', { reason: 'province type is fixed: create a new province node' });
      patch.type = input.type;
    }
    if (Object.keys(patch).length === 0) return repo.toOrg(node);
    patch.updated_at = ctx.clock.now().toISOString();
    await repo.update(trx, id, patch);
    const after = { ...node, ...patch };
    await appendAudit(trx, ctx.clock, actor, {
      action: 'org.update',
      entityType: 'org',
      entityId: id,
      orgPath: node.path,
      chain: node.province_code,
      before: auditOf(node),
      after: auditOf(after),
    });
    return repo.toOrg(after);
  });
}

export async function moveOrg(ctx: AppContext, actor: Actor, id: number, newParentId: number): Promise<Org> {
  require(actor, 'org.write');
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const node = await mustFind(sdb, id);
    if (id === actor.scope.orgId || node.parent_id === null) throw new AppError('ORG_ROOT_IMMUTABLE');
    const parent = await mustFind(sdb, newParentId);
    if (isInsideSubtree(parent.path, node.path)) throw new AppError('ORG_MOVE_INTO_SELF');
    if (parent.status !== 'active') throw new AppError('ORG_INACTIVE', { id: parent.id });
    if (!typeFits(node.type as OrgType, parent.type as OrgType, []))
      throw new AppError('ORG_INVALID_PARENT_TYPE', { parentType: parent.type, type: node.type });
    if (Number(node.parent_id) === parent.id) return repo.toOrg(node);
    await checkUnique(ctx, sdb, trx, parent.id, node.name, null, id);
    const keepsProvince = node.type === 'province' || node.type === 'national';
    const now = ctx.clock.now().toISOString();
    await repo.moveSubtree(trx, node, parent, {
      provinceCode: keepsProvince ? null : parent.province_code,
      now,
    });
    const moved = await mustFind(sdb, id);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'org.move',
      entityType: 'org',
      entityId: id,
      orgPath: moved.path,
      chain: moved.province_code,
      before: { parentId: node.parent_id, path: node.path },
      after: { parentId: parent.id, path: moved.path },
    });
    return repo.toOrg(moved);
  });
}

export async function setOrgStatus(
  ctx: AppContext,
  actor: Actor,
  id: number,
  status: 'active' | 'inactive',
): Promise<Org> {
  require(actor, 'org.write');
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const node = await mustFind(sdb, id);
    if (id === actor.scope.orgId) throw new AppError('ORG_ROOT_IMMUTABLE');
    if (node.status === status) return repo.toOrg(node);
    if (status === 'inactive') {
      const n = await repo.countActiveUsersIn(sdb, node.path);
      if (n > 0) throw new AppError('ORG_HAS_ACTIVE_USERS', { activeUsers: n });
    } else if (node.parent_id !== null) {
      const parent = await mustFind(sdb, node.parent_id);
      if (parent.status !== 'active') throw new AppError('ORG_INACTIVE', { id: parent.id });
    }
    const now = ctx.clock.now().toISOString();
    // Deactivation covers the whole subtree; reactivation brings back only this node.
    if (status === 'inactive') await repo.setStatusSubtree(trx, node.path, status, now);
    else await repo.update(trx, id, { status, updated_at: now });
    await appendAudit(trx, ctx.clock, actor, {
      action: status === 'inactive' ? 'org.deactivate' : 'org.activate',
      entityType: 'org',
      entityId: id,
      orgPath: node.path,
      chain: node.province_code,
      before: { status: node.status },
      after: { status },
    });
    return repo.toOrg({ ...node, status, updated_at: now });
  });
}
