import type { ApprovalChain } from '@bangfu/policy';
import { resolvePolicy, SEED000_APPROVAL_CHAIN } from '@bangfu/policy';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './programmes.repository.js';
import { APPROVAL_KIND, allTemplates, programmeOf, templateById } from './programmes.templates.js';

export interface ResolvedRule {
  templateId: string;
  params: unknown;
  version: number;
  effectiveFrom: string;
  nodeId: number;
  inherited: boolean;
}

/** The template catalogue: id, name, source, the programme it pays and the seed's numbers as defaults. */
export function listTemplates(actor: Actor) {
  require(actor, 'programme.read');
  return allTemplates().map((t) => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    programme: programmeOf(t),
    source: t.source,
    defaults: t.defaults,
  }));
}

/** The version of a template in force at a node on a date (own or inherited, nearest node wins), or null. */
export async function ruleAt(db: Db, orgPath: string, templateId: string, date: string): Promise<ResolvedRule | null> {
  const { ids, rows } = await repo.rulesOnPath(db, orgPath, templateId);
  const chain = [...ids].reverse().map((nodeId) => ({
    nodeId,
    versions: rows
      .filter((r) => Number(r.org_id) === nodeId)
      .map((r) => ({ policyId: templateId, version: r.version, effectiveFrom: r.effective_from, row: r })),
  }));
  const res = resolvePolicy(chain, date);
  if (!res.ok) return null;
  return {
    templateId,
    params: JSON.parse(res.policy.row.params_json) as unknown,
    version: res.policy.version,
    effectiveFrom: res.policy.effectiveFrom,
    nodeId: Number(res.nodeId),
    inherited: res.inherited,
  };
}

/** The approval chain by amount in force at a node: an adopted approval template, else seed 000's chain. */
export async function approvalChainAt(
  db: Db,
  orgPath: string,
  date: string,
): Promise<{ chain: ApprovalChain; version: number | null }> {
  for (const t of allTemplates().filter((x) => x.kind === APPROVAL_KIND)) {
    const r = await ruleAt(db, orgPath, t.id, date);
    if (r) return { chain: (r.params as { chain: ApprovalChain }).chain, version: r.version };
  }
  return { chain: SEED000_APPROVAL_CHAIN, version: null };
}

/** A node adopts a template with its own numbers, from an effective date (a new version; audited). */
export async function adoptRule(
  ctx: AppContext,
  actor: Actor,
  input: { orgId: number; templateId: string; effectiveFrom: string; params: unknown; note?: string },
) {
  require(actor, 'programme.write');
  const t = templateById(input.templateId);
  const parsed = t.paramsSchema.safeParse(input.params ?? {});
  if (!parsed.success)
    throw new AppError('PROGRAMME_PARAMS_INVALID', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  return transaction(ctx, async (trx) => {
    const org = await orgRepo.findActiveOrThrow(new ScopedDb(trx, actor.scope), input.orgId);
    const version = await repo.nextVersion(trx, org.id, t.id);
    const row = {
      org_id: org.id,
      org_path: org.path,
      province_code: org.province_code,
      template_id: t.id,
      programme: programmeOf(t) ?? t.kind,
      version,
      effective_from: input.effectiveFrom,
      params_json: JSON.stringify(parsed.data),
      note: input.note ?? null,
      created_by: actor.userId,
      created_at: ctx.clock.now().toISOString(),
    };
    await repo.insertRule(trx, row);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'programme.adopt',
      entityType: 'programme_rule',
      entityId: `${org.id}/${t.id}/${version}`,
      orgPath: org.path,
      chain: org.province_code,
      after: { templateId: t.id, version, effectiveFrom: input.effectiveFrom, params: parsed.data },
    });
    return { orgId: org.id, templateId: t.id, version, effectiveFrom: input.effectiveFrom, params: parsed.data };
  });
}

/** Every template as it stands at a node on a date: the version in force (own or inherited) and the node's own versions. */
export async function rulesAt(ctx: AppContext, actor: Actor, orgId: number, date?: string) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findActiveOrThrow(sdb, orgId);
  const day = date ?? ctx.clock.today();
  const own = await repo.rulesOf(sdb, org.id);
  const items = [];
  for (const t of allTemplates())
    items.push({
      templateId: t.id,
      name: t.name,
      programme: programmeOf(t),
      inForce: await ruleAt(ctx.db, org.path, t.id, day),
      own: own
        .filter((r) => r.template_id === t.id)
        .map((r) => ({
          version: r.version,
          effectiveFrom: r.effective_from,
          params: JSON.parse(r.params_json) as unknown,
          note: r.note,
          createdAt: r.created_at,
        })),
    });
  return { orgId: org.id, date: day, items };
}
