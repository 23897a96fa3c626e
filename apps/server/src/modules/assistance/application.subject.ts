import { applicationStatuses, programmes } from '@bangfu/contracts';
import { formatYuan } from '@bangfu/policy';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import type { Decision, DecisionItem, Subject } from '../approvals/decide.js';
import { involvedIn, submitters } from '../approvals/duties.js';
import type { Refusable } from '../approvals/refusal.js';
import { approvalTarget } from '../approvals/routing.js';
import type { Seat } from '../approvals/seating.js';
import { mustFindFile } from '../archive/archive.service.js';
import { buildGrant } from '../grants/grant.build.js';
import { decideGrants, proposeGrants, returnGrants } from '../grants/grant.lifecycle.js';
import * as grantRepo from '../grants/grants.repository.js';
import type { GrantOwner } from '../grants/owner.js';
import * as repo from './assistance.repository.js';

export const applicationStatusZh = (s: string) => applicationStatuses.zh[s as keyof typeof applicationStatuses.zh] ?? s;
export const programmeZh = (p: string) => programmes.zh[p as keyof typeof programmes.zh] ?? p;

export async function mustFindApplication(sdb: ScopedDb, id: number) {
  const a = await repo.findApplication(sdb, id);
  if (!a) throw new AppError('APPLICATION_NOT_FOUND', { id });
  return a;
}

const duplicate = (a: repo.ApplicationRow) =>
  new AppError('GRANT_DUPLICATE', { period: a.period, programme: programmeZh(a.programme) });

/**
 * An application (alone, or a campaign's entry) as approvals decides it, read after its row was locked. Approved,
 * its proposed grant is approved — or, for an eligibility-only rule (篇十二), the grant is built now with the amount
 * the deciding union sets within the rule's cap, at the level that amount reaches; rejected, its grant is void.
 */
async function applicationItem(
  ctx: AppContext,
  sdb: ScopedDb,
  a: repo.ApplicationRow,
  decision: Decision,
  campaign: repo.CampaignRow | null,
): Promise<DecisionItem> {
  const id = Number(a.id);
  const explanation = JSON.parse(a.explanation_json) as { params?: { values?: { maxAmountFen?: number | null } } };
  const cap = explanation.params?.values?.maxAmountFen ?? null;
  const setsAmount = Number(a.amount_fen) === 0;
  const fiscalYear = campaign ? Number(campaign.starts_on.slice(0, 4)) : Number(a.period.slice(0, 4));
  // The level an amount set at decision reaches, at the deciding union (the campaign's organiser, or the node).
  const targetFor = (trx: Db, amountFen: number) =>
    approvalTarget(
      trx,
      { id: Number(a.required_org_id ?? a.org_id), path: (campaign ?? a).org_path },
      amountFen,
      ctx.clock.today(),
    );
  const validAmount = (d: Decision) =>
    d.amountFen !== undefined && d.amountFen > 0 && (cap === null || d.amountFen <= cap);
  return {
    type: 'application',
    entityType: 'assistance_application',
    row: a,
    // Maker-checker: the proposer, whoever submitted it and, for a campaign entry, the campaign's organiser.
    makers: [campaign?.created_by ?? null, ...(await submitters(sdb, 'application', id))],
    decision,
    badStatus: (status) => new AppError('APPLICATION_BAD_STATUS', { status: applicationStatusZh(status) }),
    async levelFor(trx, d) {
      if (!setsAmount || d.decision !== 'approve' || !validAmount(d)) return null;
      return (await targetFor(trx, d.amountFen as number)).level;
    },
    check(d) {
      if (d.amountFen !== undefined && !setsAmount) throw new AppError('APPLICATION_AMOUNT_FIXED', {});
      if (setsAmount && d.decision === 'approve') {
        if (!validAmount(d))
          throw new AppError('APPLICATION_AMOUNT_REQUIRED', { cap: cap === null ? '—' : `${formatYuan(cap)}元` });
      }
    },
    move: (trx, to, now) => repo.moveApplication(trx, id, 'pending_approval', to, now),
    async follow(trx, tsdb, d, now) {
      const approve = d.decision === 'approve';
      if (setsAmount) {
        if (!approve) return { after: { amountFen: 0, setAtDecision: true } };
        const amountFen = d.amountFen as number;
        const target = await targetFor(trx, amountFen);
        await repo.setApplicationAmount(trx, id, amountFen, target.level);
        const file = await mustFindFile(tsdb, Number(a.household_id));
        if ((await grantRepo.liveGrants(trx, [file.id], a.programme, a.period)).length) throw duplicate(a);
        await proposeGrants(trx, [
          buildGrant(ctx.crypto, file, {
            owner: { applicationId: id },
            programme: a.programme,
            period: a.period,
            fiscalYear,
            amountFen,
            method: a.method ?? 'bank',
            explanation: a.explanation_json,
            status: 'approved',
            now,
          }),
        ]);
        return {
          level: target.level,
          claim: { programme: a.programme, year: fiscalYear, amountFen },
          after: { amountFen, setAtDecision: true },
        };
      }
      const grant = await grantRepo.grantOfApplication(tsdb, id);
      if (grant) {
        if ((await decideGrants(trx, { grantIds: [Number(grant.id)] }, approve, now)) !== 1)
          throw new AppError('APPLICATION_BAD_STATUS', {
            status: applicationStatusZh(approve ? 'approved' : 'rejected'),
          });
      }
      const amountFen = Number(a.amount_fen);
      return {
        claim: approve && grant ? { programme: a.programme, year: Number(grant.fiscal_year), amountFen } : null,
        after: { amountFen, setAtDecision: false },
      };
    },
  };
}

/** One application, decided alone. */
export function applicationSubject(ctx: AppContext, id: number, decision: Decision): Subject {
  return {
    ref: { type: 'application', id },
    async open(trx, sdb) {
      await repo.lockApplications(trx, [id]);
      const a = await mustFindApplication(sdb, id);
      const campaign =
        a.campaign_id === null ? null : await repo.campaignCovering(trx, Number(a.campaign_id), a.org_path);
      return [await applicationItem(ctx, sdb, a, decision, campaign ?? null)];
    },
  };
}

/**
 * Every entry of a campaign waiting at the approver's node, decided together: the campaign row is locked first
 * (a second decision at the same time then finds nothing left), then the entries in id order. Entries of an
 * eligibility-only rule take their amount from the decision (`amountsFen` by entry id, else `amountFen` for all).
 */
export function campaignSubject(
  ctx: AppContext,
  actor: Actor,
  id: number,
  d: Decision & { amountsFen?: Record<string, number> },
): Subject {
  return {
    ref: { type: 'campaign', id },
    async open(trx, sdb) {
      const c = (await repo.campaignCovering(trx, id, actor.scope.path)) ?? (await repo.findCampaign(sdb, id));
      if (!c) throw new AppError('CAMPAIGN_NOT_FOUND', { id });
      await repo.lockCampaign(trx, id);
      const { rows } = await repo.listApplications(sdb, {
        path: actor.scope.path,
        campaignId: id,
        awaiting: { orgId: actor.scope.orgId, userId: actor.userId },
        limit: 10_000,
        offset: 0,
      });
      if (rows.length === 0) throw new AppError('CAMPAIGN_NOTHING_PENDING', { title: c.title });
      const ids = rows.map((r) => Number(r.id)).sort((x, y) => x - y);
      await repo.lockApplications(trx, ids);
      const items: DecisionItem[] = [];
      for (const appId of ids) {
        const a = await mustFindApplication(sdb, appId);
        const amountFen = Number(a.amount_fen) === 0 ? (d.amountsFen?.[String(appId)] ?? d.amountFen) : undefined;
        items.push(await applicationItem(ctx, sdb, a, { decision: d.decision, comment: d.comment, amountFen }, c));
      }
      return items;
    },
  };
}

/** The application locked as the owner of its grant's payment; its status follows the grant. */
export async function applicationOwner(
  trx: Db,
  sdb: ScopedDb,
  id: number,
): Promise<GrantOwner & { application: repo.ApplicationRow }> {
  await repo.lockApplications(trx, [id]);
  const a = await mustFindApplication(sdb, id);
  const campaign = a.campaign_id === null ? null : await repo.campaignCovering(trx, Number(a.campaign_id), a.org_path);
  return {
    application: a,
    payer: (fundId) => ({
      orgId: Number(a.org_id),
      fundId: fundId ?? (a.fund_id === null ? null : Number(a.fund_id)),
      programme: a.programme,
      ref: { type: 'application', id },
    }),
    involved: await involvedIn(sdb, 'application', a, [campaign?.created_by ?? null]),
    node: a,
    memo: (g) => `${programmeZh(g.programme)} ${g.recipient_name}`,
    async follow(t, s, now) {
      const g = await grantRepo.grantOfApplication(s, id);
      if (g) await repo.followGrant(t, id, g.status, now);
    },
  };
}

/** An application's maker-checker: its proposer (on the row), its submitters and a campaign entry's organiser. */
async function seatOf(sdb: ScopedDb, a: repo.ApplicationRow, campaign: repo.CampaignRow | null): Promise<Seat> {
  const makers = [campaign?.created_by ?? null, ...(await submitters(sdb, 'application', Number(a.id)))];
  return { row: a, makers, level: a.required_level ?? '' };
}

/** An application as its decision would seat it (read, not locked: the decision dialog's roster). */
export async function applicationSeats(sdb: ScopedDb, id: number): Promise<Seat[]> {
  const a = await mustFindApplication(sdb, id);
  const campaign =
    a.campaign_id === null ? null : await repo.campaignCovering(sdb.db, Number(a.campaign_id), a.org_path);
  return [await seatOf(sdb, a, campaign ?? null)];
}

/** A campaign's entries waiting at the caller's node, as their decision would seat them. */
export async function campaignSeats(sdb: ScopedDb, actor: Actor, id: number): Promise<Seat[]> {
  const c = (await repo.campaignCovering(sdb.db, id, actor.scope.path)) ?? (await repo.findCampaign(sdb, id));
  if (!c) throw new AppError('CAMPAIGN_NOT_FOUND', { id });
  const { rows } = await repo.listApplications(sdb, {
    path: actor.scope.path,
    campaignId: id,
    awaiting: { orgId: actor.scope.orgId, userId: actor.userId },
    limit: 10_000,
    offset: 0,
  });
  const seats: Seat[] = [];
  for (const r of rows) seats.push(await seatOf(sdb, r as repo.ApplicationRow, c));
  return seats;
}

/** An approved application as finance refuses its payment: back to pending approval, its grant back to proposed. */
export async function applicationRefusable(trx: Db, sdb: ScopedDb, id: number): Promise<Refusable> {
  await repo.lockApplications(trx, [id]);
  const a = await mustFindApplication(sdb, id);
  const campaign = a.campaign_id === null ? null : await repo.campaignCovering(trx, Number(a.campaign_id), a.org_path);
  return {
    type: 'application',
    entityType: 'assistance_application',
    row: a,
    involved: await involvedIn(sdb, 'application', a, [campaign?.created_by ?? null]),
    badStatus: (status) => new AppError('APPLICATION_BAD_STATUS', { status: applicationStatusZh(status) }),
    async back(t, now) {
      if (!(await repo.moveApplication(t, id, 'approved', 'pending_approval', now))) return false;
      const g = await grantRepo.grantOfApplication(sdb, id);
      if (g && (await returnGrants(t, { grantIds: [Number(g.id)] }, now)) !== 1) return false;
      return true;
    },
  };
}
