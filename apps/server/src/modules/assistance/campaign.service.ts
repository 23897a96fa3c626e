import type { CampaignInputSchema } from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { type Decision, decide } from '../approvals/decide.js';
import { nextFileNo } from '../archive/archive.repository.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { programmeOf, templateById } from '../programmes/programmes.templates.js';
import { campaignSubject } from './application.subject.js';
import * as repo from './assistance.repository.js';

/**
 * Campaigns (送温暖 holiday visits, 金秋助学): organised by a node for its subtree between two dates with one rule
 * template. Every union below adds its households (or children) as entries; the campaign key is the grants'
 * period, so the database refuses a household twice in one campaign anywhere in the tree (不重复慰问).
 */
export async function createCampaign(ctx: AppContext, actor: Actor, input: z.infer<typeof CampaignInputSchema>) {
  require(actor, 'programme.write');
  const t = templateById(input.templateId);
  if (programmeOf(t) !== input.programme) throw new AppError('PROGRAMME_TEMPLATE_UNKNOWN', { templateId: t.id });
  if (input.endsOn < input.startsOn)
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'endsOn', message: 'endsOn < startsOn' }] });
  return transaction(ctx, async (trx) => {
    const org = await orgRepo.findActiveOrThrow(new ScopedDb(trx, actor.scope), input.orgId);
    const row = {
      org_id: org.id,
      org_path: org.path,
      province_code: org.province_code,
      campaign_key: await nextFileNo(trx, `CP${org.province_code}`, Number(input.startsOn.slice(0, 4))),
      programme: input.programme,
      template_id: t.id,
      title: input.title,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      status: 'open',
      note: input.note ?? null,
      created_by: actor.userId,
      created_at: ctx.clock.now().toISOString(),
    };
    const id = await repo.insertCampaign(trx, row);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: id,
      orgPath: org.path,
      chain: org.province_code,
      after: row,
    });
    return toCampaign({ id, ...row });
  });
}

const toCampaign = (c: repo.CampaignRow) => ({
  id: Number(c.id),
  key: c.campaign_key,
  orgId: Number(c.org_id),
  programme: c.programme,
  templateId: c.template_id,
  title: c.title,
  startsOn: c.starts_on,
  endsOn: c.ends_on,
  status: c.status,
  note: c.note,
});

/** The campaigns a node takes part in (organised above it or by it) and those organised below it. */
export async function listCampaigns(ctx: AppContext, actor: Actor, orgId?: number) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findActiveOrThrow(sdb, orgId ?? actor.scope.orgId);
  return { items: (await repo.campaignsFor(ctx.db, sdb, org.path)).map(toCampaign) };
}

/** A campaign with the caller's subtree's entries counted by status, with their amounts. */
export async function getCampaign(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const c = await repo.campaignCovering(ctx.db, id, actor.scope.path);
  const below = c ?? (await repo.findCampaign(sdb, id));
  if (!below) throw new AppError('CAMPAIGN_NOT_FOUND', { id });
  const stats = await repo.campaignStats(sdb, id, actor.scope.path);
  return {
    ...toCampaign(below as repo.CampaignRow),
    entries: stats.map((s) => ({ status: s.status, count: Number(s.n), amountFen: Number(s.amount ?? 0) })),
  };
}

export async function closeCampaign(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'programme.write');
  await transaction(ctx, async (trx) => {
    const c = await repo.findCampaign(new ScopedDb(trx, actor.scope), id);
    if (!c) throw new AppError('CAMPAIGN_NOT_FOUND', { id });
    await repo.setCampaignStatus(trx, id, 'closed');
    await appendAudit(trx, ctx.clock, actor, {
      action: 'campaign.close',
      entityType: 'campaign',
      entityId: id,
      orgPath: c.org_path,
      chain: c.province_code,
      after: { status: 'closed' },
    });
  });
  return getCampaign(ctx, actor, id);
}

/**
 * Decide every entry of a campaign waiting at the approver's node, all or nothing, through approvals' one `decide`
 * (each entry still maker-checked, budget-checked and audited): a refusal of any entry — a budget that runs out
 * part-way — refuses the whole decision. Entries of an eligibility-only rule take their amount from the decision
 * (`amountsFen` by entry id, else `amountFen` for all).
 */
export async function decideCampaign(
  ctx: AppContext,
  actor: Actor,
  id: number,
  d: Decision & { amountsFen?: Record<string, number> },
) {
  require(actor, 'payment.approve');
  const decided = await decide(ctx, actor, campaignSubject(ctx, actor, id, d), d.meeting);
  return { decided, campaign: await getCampaign(ctx, actor, id) };
}
