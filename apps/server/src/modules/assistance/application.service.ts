import type { ApplicationInputSchema } from '@bangfu/contracts';
import { applicationStatuses, fileStatuses, programmes } from '@bangfu/contracts';
import { formatYuan } from '@bangfu/policy';
import type { z } from 'zod';
import { type AuditEvent, appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as archiveRepo from '../archive/archive.repository.js';
import { mustFindFile } from '../archive/archive.service.js';
import { approvalTarget, assertMayDecide, recordStep } from '../disbursement/approval-target.js';
import * as batchRepo from '../disbursement/batch.repository.js';
import { toGrant } from '../disbursement/batch.service.js';
import { fundAt } from '../funds/funds.repository.js';
import { assertWithinBudget } from '../funds/funds.service.js';
import { assertFundServes } from '../funds/ledger.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { ruleAt } from '../programmes/programmes.service.js';
import { programmeOf, runnerFor, templateById } from '../programmes/programmes.templates.js';
import * as repo from './assistance.repository.js';
import { ruleInputs, sourcesStep } from './system-inputs.js';

type Input = z.infer<typeof ApplicationInputSchema>;
const statusZh = (s: string) => applicationStatuses.zh[s as keyof typeof applicationStatuses.zh] ?? s;
const programmeZh = (p: string) => programmes.zh[p as keyof typeof programmes.zh] ?? p;

/** The grant an application holds (proposed at once, or approved when its amount is set at decision). */
function grantRow(
  file: Pick<
    archiveRepo.HouseholdRow,
    'id' | 'org_id' | 'org_path' | 'province_code' | 'name' | 'id_mask' | 'bank_enc'
  >,
  app: { id: number; programme: string; period: string; method: string },
  amountFen: number,
  status: 'proposed' | 'approved',
  x: { explanation: string; now: string; fiscalYear: number },
) {
  return {
    household_id: Number(file.id),
    org_id: Number(file.org_id),
    org_path: file.org_path,
    province_code: file.province_code,
    batch_id: null,
    application_id: app.id,
    programme: app.programme,
    period: app.period,
    amount_fen: amountFen,
    explanation_json: x.explanation,
    status,
    method: app.method,
    recipient_name: file.name,
    id_mask: file.id_mask,
    bank_enc: app.method === 'bank' ? file.bank_enc : null,
    bank_mask: null,
    paid_at: null,
    failure_reason: null,
    signature_json: null,
    ledger_entry_id: null,
    created_at: x.now,
    updated_at: x.now,
    fiscal_year: x.fiscalYear,
  };
}

async function mustFindApplication(sdb: ScopedDb, id: number) {
  const a = await repo.findApplication(sdb, id);
  if (!a) throw new AppError('APPLICATION_NOT_FOUND', { id });
  return a;
}

/**
 * An individual application (医疗救助, 大病, 天灾人祸) or a campaign entry (送温暖, 金秋助学) for one household,
 * made at the proposer's node: computed with the rule the node has adopted (its explanation kept), routed to the
 * level and node its amount or the rule's escalation requires, and holding its place under the one-per-period
 * rule at once (a proposed grant), so the same household cannot be proposed twice.
 */
export async function createApplication(ctx: AppContext, actor: Actor, input: Input) {
  require(actor, 'assistance.propose');
  const today = ctx.clock.today();
  const id = await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const node = await orgRepo.findActiveOrThrow(sdb, actor.scope.orgId);
    const file = await mustFindFile(sdb, input.householdId);
    if (file.status !== 'filed' && file.status !== 'relieved')
      throw new AppError('ARCHIVE_BAD_TRANSITION', {
        status: fileStatuses.zh[file.status as keyof typeof fileStatuses.zh] ?? file.status,
      });
    const campaign = input.campaignId ? await repo.campaignCovering(trx, input.campaignId, node.path) : null;
    if (input.campaignId && !campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { id: input.campaignId });
    if (campaign && (campaign.status !== 'open' || today < campaign.starts_on || today > campaign.ends_on))
      throw new AppError('CAMPAIGN_CLOSED', {
        title: campaign.title,
        startsOn: campaign.starts_on,
        endsOn: campaign.ends_on,
      });
    const templateId = campaign?.template_id ?? input.templateId;
    if (!templateId) throw new AppError('PROGRAMME_TEMPLATE_UNKNOWN', {});
    const template = templateById(templateId);
    const programme = campaign?.programme ?? programmeOf(template);
    if (!programme) throw new AppError('PROGRAMME_TEMPLATE_UNKNOWN', { templateId });
    let member: { seq: number; name: string } | null = null;
    if (programme === 'education') {
      const members = await archiveRepo.members(sdb, file.id);
      const m = members.find((x) => x.seq === input.memberSeq);
      if (!m) throw new AppError('APPLICATION_MEMBER_REQUIRED', {});
      member = { seq: m.seq, name: m.name };
    }
    const period = campaign
      ? `${campaign.campaign_key}${member ? `#${member.seq}` : ''}`
      : (input.period ?? today.slice(0, 4));
    const fiscalYear = campaign
      ? Number(campaign.starts_on.slice(0, 4))
      : /^\d{4}/.test(period)
        ? Number(period.slice(0, 4))
        : Number(today.slice(0, 4));
    if (input.fundId !== undefined) {
      // The fund must reach the paying node (its own, or allocated to it) and serve the programme.
      const fund = await fundAt(sdb, input.fundId, node.id);
      if (!fund) throw new AppError('FUND_NOT_FOUND', { id: input.fundId });
      assertFundServes(fund, programme);
    }
    const held = await batchRepo.liveGrants(trx, [file.id], programme, period);
    const waiting = await repo.pendingWithoutGrant(trx, file.id, programme, period);
    if (held.length || waiting) throw new AppError('GRANT_DUPLICATE', { period, programme: programmeZh(programme) });
    const rule = await ruleAt(trx, node.path, template.id, today);
    if (!rule)
      throw new AppError('PROGRAMME_NO_RULE', { org: node.name, date: today, programme: programmeZh(programme) });
    // What the system knows (grade, 低保, this year's grants) comes from the file and the grants, not the applicant.
    const gathered = await ruleInputs(trx, template, file, programme, fiscalYear, input.inputs);
    const result = runnerFor(template.id, rule.params, rule)(gathered.inputs);
    result.explanation.sources = gathered.sources;
    result.explanation.steps.unshift(sourcesStep(template.id, gathered.sources, gathered.inputs));
    // Eligibility-only rules (篇十二) carry no amount: the deciding union sets it when approving.
    const amountLater = template.amountAtDecision === true;
    if (!result.eligible || (!amountLater && result.amountFen <= 0))
      throw new AppError('APPLICATION_NOT_ELIGIBLE', {
        reason: result.explanation.summary.zh,
        reasonEn: result.explanation.summary.en,
        explanation: result.explanation,
      });
    // Escalated above the node (medical > 20,000 to the province, > 50,000 to the national union): the higher
    // union decides the whole requestable amount, not the part the node could pay alone.
    const amountFen = amountLater
      ? 0
      : result.escalation?.beyondLocal
        ? Math.max(result.escalation.amountFen, result.amountFen)
        : result.amountFen;
    // An amount set at decision is set by the campaign's organiser (the deciding union), else by the node.
    const decider = amountLater && campaign ? { id: Number(campaign.org_id), path: campaign.org_path } : node;
    const target = await approvalTarget(trx, decider, amountFen, today, result.escalation);
    const now = ctx.clock.now().toISOString();
    const explanation = JSON.stringify(result.explanation);
    const appId = await repo.insertApplication(trx, {
      org_id: node.id,
      org_path: node.path,
      province_code: node.province_code,
      household_id: file.id,
      programme,
      period,
      template_id: template.id,
      inputs_json: JSON.stringify(result.explanation.inputs),
      requested_fen: null,
      amount_fen: amountFen,
      explanation_json: explanation,
      status: 'pending_approval',
      required_level: target.level,
      required_org_id: target.orgId,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: now,
      updated_at: now,
      campaign_id: campaign ? Number(campaign.id) : null,
      member_seq: member?.seq ?? null,
      method: input.method,
      fund_id: input.fundId ?? null,
    });
    if (!amountLater)
      await batchRepo.insertGrants(trx, [
        grantRow(file, { id: appId, programme, period, method: input.method }, amountFen, 'proposed', {
          explanation,
          now,
          fiscalYear,
        }),
      ]);
    await recordStep(
      trx,
      actor,
      {
        type: 'application',
        id: appId,
        org: { org_id: node.id, org_path: node.path, province_code: node.province_code },
      },
      {
        level: target.level,
        decision: 'submit',
        comment: [target.step.zh, input.note].filter(Boolean).join('；'),
        at: now,
      },
    );
    await appendAudit(trx, ctx.clock, actor, {
      action: 'application.create',
      entityType: 'assistance_application',
      entityId: appId,
      orgPath: node.path,
      chain: node.province_code,
      after: { householdId: file.id, programme, period, amountFen, level: target.level },
    });
    return appId;
  });
  return getApplication(ctx, actor, id);
}

export async function getApplication(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const a = await mustFindApplication(sdb, id);
  const [grant, approvals] = await Promise.all([
    repo.grantOfApplication(sdb, id),
    batchRepo.approvalsOf(sdb, 'application', id),
  ]);
  return {
    ...toApplication(a),
    explanation: JSON.parse(a.explanation_json) as unknown,
    inputs: JSON.parse(a.inputs_json) as unknown,
    grant: grant ? toGrant(grant as batchRepo.GrantRow) : null,
    approvals: approvals.map((x) => ({
      level: x.level,
      decision: x.decision,
      comment: x.comment,
      by: x.actor_name,
      at: x.at,
    })),
  };
}

function toApplication(a: repo.ApplicationRow & { household_name?: string; household_id_mask?: string }) {
  return {
    id: Number(a.id),
    orgId: Number(a.org_id),
    householdId: Number(a.household_id),
    householdName: a.household_name,
    idMasked: a.household_id_mask,
    programme: a.programme,
    period: a.period,
    templateId: a.template_id,
    campaignId: a.campaign_id === null ? null : Number(a.campaign_id),
    memberSeq: a.member_seq,
    amountFen: Number(a.amount_fen),
    status: a.status,
    method: a.method,
    fundId: a.fund_id === null ? null : Number(a.fund_id),
    requiredLevel: a.required_level,
    requiredOrgId: a.required_org_id === null ? null : Number(a.required_org_id),
    createdBy: a.created_by_name,
    createdAt: a.created_at,
  };
}

export async function listApplications(
  ctx: AppContext,
  actor: Actor,
  q: { orgId?: number; status?: string; campaignId?: number; programme?: string; limit: number; offset: number },
) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findActiveOrThrow(sdb, q.orgId ?? actor.scope.orgId);
  const { rows, total } = await repo.listApplications(sdb, { ...q, path: org.path });
  return { items: rows.map((r) => toApplication(r as never)), total, limit: q.limit, offset: q.offset };
}

/** Approve or reject an application (maker-checker; at the node and level its amount or escalation requires). */
export async function decideApplication(
  ctx: AppContext,
  actor: Actor,
  id: number,
  d: { decision: 'approve' | 'reject'; comment?: string; amountFen?: number },
) {
  require(actor, 'payment.approve');
  await transaction(ctx, async (trx) => {
    await repo.lockApplications(trx, [id]);
    const event = await decideLocked(ctx, trx, actor, id, d);
    await appendAudit(trx, ctx.clock, actor, event);
  });
  return getApplication(ctx, actor, id);
}

/**
 * The decision itself, inside the caller's transaction with the application row already locked: the status moves
 * only from pending_approval (a second decision finds it decided), the grant with it. Returns the audit entry for
 * the caller to append last (the audit chain's head is the last lock a transaction takes).
 */
export async function decideLocked(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  id: number,
  d: { decision: 'approve' | 'reject'; comment?: string; amountFen?: number },
): Promise<AuditEvent> {
  const sdb = new ScopedDb(trx, actor.scope);
  const a = await mustFindApplication(sdb, id);
  if (a.status !== 'pending_approval') throw new AppError('APPLICATION_BAD_STATUS', { status: statusZh(a.status) });
  // Maker-checker: the proposer, whoever submitted it and, for a campaign entry, the campaign's organiser.
  const campaign = a.campaign_id === null ? null : await repo.campaignCovering(trx, Number(a.campaign_id), a.org_path);
  const makers = [campaign?.created_by ?? null, ...(await batchRepo.stepActors(sdb, 'application', id, ['submit']))];
  await assertMayDecide(sdb, actor, a, makers);
  const now = ctx.clock.now().toISOString();
  const to = d.decision === 'approve' ? 'approved' : 'rejected';
  // Eligibility-only entries (篇十二) hold no amount until the deciding union sets it here, within the rule's cap.
  const explanation = JSON.parse(a.explanation_json) as { params?: { values?: { maxAmountFen?: number | null } } };
  const setsAmount = Number(a.amount_fen) === 0;
  let amountFen = Number(a.amount_fen);
  let level = a.required_level ?? '';
  if (d.amountFen !== undefined && !setsAmount) throw new AppError('APPLICATION_AMOUNT_FIXED', {});
  if (setsAmount && d.decision === 'approve') {
    const cap = explanation.params?.values?.maxAmountFen ?? null;
    if (d.amountFen === undefined || d.amountFen <= 0 || (cap !== null && d.amountFen > cap))
      throw new AppError('APPLICATION_AMOUNT_REQUIRED', { cap: cap === null ? '—' : `${formatYuan(cap)}元` });
    amountFen = d.amountFen;
    const deciding = campaign ?? a;
    const target = await approvalTarget(
      trx,
      { id: Number(a.required_org_id ?? a.org_id), path: deciding.org_path },
      amountFen,
      ctx.clock.today(),
    );
    level = target.level;
  }
  if (!(await batchRepo.moveApplication(trx, id, 'pending_approval', to, now)))
    throw new AppError('APPLICATION_BAD_STATUS', { status: statusZh(to) });
  if (setsAmount && d.decision === 'approve') {
    await repo.setApplicationAmount(trx, id, amountFen, level);
    const file = await mustFindFile(sdb, Number(a.household_id));
    if ((await batchRepo.liveGrants(trx, [file.id], a.programme, a.period)).length)
      throw new AppError('GRANT_DUPLICATE', { period: a.period, programme: programmeZh(a.programme) });
    const fiscalYear = campaign ? Number(campaign.starts_on.slice(0, 4)) : Number(a.period.slice(0, 4));
    await assertWithinBudget(sdb, a, a.programme, fiscalYear, amountFen);
    await batchRepo.insertGrants(trx, [
      grantRow(
        file,
        { id, programme: a.programme, period: a.period, method: a.method ?? 'bank' },
        amountFen,
        'approved',
        {
          explanation: a.explanation_json,
          now,
          fiscalYear,
        },
      ),
    ]);
  }
  const grant = setsAmount ? null : await repo.grantOfApplication(sdb, id);
  if (d.decision === 'approve' && grant)
    await assertWithinBudget(sdb, a, a.programme, Number(grant.fiscal_year), Number(a.amount_fen));
  if (grant) {
    const moved = await batchRepo.moveGrants(trx, [Number(grant.id)], 'proposed', {
      status: d.decision === 'approve' ? 'approved' : 'void',
      updated_at: now,
    });
    if (moved !== 1) throw new AppError('APPLICATION_BAD_STATUS', { status: statusZh(to) });
  }
  await recordStep(
    trx,
    actor,
    { type: 'application', id: id, org: a },
    { level, decision: d.decision, comment: d.comment ?? null, at: now },
  );
  return {
    action: `application.${d.decision}`,
    entityType: 'assistance_application',
    entityId: id,
    orgPath: a.org_path,
    chain: a.province_code,
    after: { decision: d.decision, comment: d.comment ?? null, amountFen, setAtDecision: setsAmount },
  };
}

/** Applications waiting for the approver's decision at their node (not their own). */
export async function pendingApplicationsFor(ctx: AppContext, actor: Actor) {
  require(actor, 'payment.approve');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const { rows } = await repo.listApplications(sdb, {
    path: actor.scope.path,
    awaiting: { orgId: actor.scope.orgId, userId: actor.userId },
    limit: 500,
    offset: 0,
  });
  return rows.map((r) => toApplication(r as never));
}
