import type { ApplicationInputSchema } from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { type Decision, decide } from '../approvals/decide.js';
import { historyOf, recordStep } from '../approvals/duties.js';
import { refusePayment } from '../approvals/refusal.js';
import { approvalTarget } from '../approvals/routing.js';
import * as archiveRepo from '../archive/archive.repository.js';
import { mustFindFile } from '../archive/archive.service.js';
import { fundAt } from '../funds/funds.repository.js';
import { assertFundServes } from '../funds/ledger.js';
import { assertInArchive, buildGrant, grantRecipient } from '../grants/grant.build.js';
import { proposeGrants } from '../grants/grant.lifecycle.js';
import { toGrant } from '../grants/grant.present.js';
import * as grantRepo from '../grants/grants.repository.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { ruleAt } from '../programmes/programmes.service.js';
import { programmeOf, runnerFor, templateById } from '../programmes/programmes.templates.js';
import { applicationRefusable, applicationSubject, mustFindApplication, programmeZh } from './application.subject.js';
import * as repo from './assistance.repository.js';
import { ruleInputs, sourcesStep } from './system-inputs.js';

type Input = z.infer<typeof ApplicationInputSchema>;

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
    assertInArchive(file);
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
    const held = await grantRepo.liveGrants(trx, [file.id], programme, period);
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
    // The grant holds the household's place at once; an amount set at decision holds it by the pending entry.
    if (amountLater) grantRecipient(ctx.crypto, file, input.method);
    else
      await proposeGrants(trx, [
        buildGrant(ctx.crypto, file, {
          owner: { applicationId: appId },
          programme,
          period,
          fiscalYear,
          amountFen,
          method: input.method,
          explanation,
          status: 'proposed',
          now,
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
    grantRepo.grantOfApplication(sdb, id),
    historyOf(sdb, 'application', id),
  ]);
  return {
    ...toApplication(a),
    explanation: JSON.parse(a.explanation_json) as unknown,
    inputs: JSON.parse(a.inputs_json) as unknown,
    grant: grant ? toGrant(grant) : null,
    approvals,
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

/**
 * Approve or reject an application (maker-checker; at the node and level its amount or escalation requires),
 * through approvals' one `decide`.
 */
export async function decideApplication(ctx: AppContext, actor: Actor, id: number, d: Decision) {
  require(actor, 'payment.approve');
  await decide(ctx, actor, applicationSubject(ctx, id, d), d.meeting);
  return getApplication(ctx, actor, id);
}

/**
 * Finance refuses to pay an approved application (seed 000: 財務人員有權拒絕支付), with a reason: back to its
 * approvers (pending approval, its grant proposed again), through approvals' `refusePayment`.
 */
export async function refuseApplicationPayment(ctx: AppContext, actor: Actor, id: number, reason: string) {
  await refusePayment(ctx, actor, (trx, sdb) => applicationRefusable(trx, sdb, id), reason);
  return getApplication(ctx, actor, id);
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
