import {
  OPEN_WORK_ORDER_STATUSES,
  type ServiceDeskStatsQuerySchema,
  workOrderCategories,
  workOrderChannels,
} from '@bangfu/contracts';
import type { z } from 'zod';
import { type Actor, require } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './servicedesk.stats.repository.js';
import { monthsOf, type Period, periodOf, previousOf, rateBp, trendOf } from './servicedesk.stats.rules.js';

/** How many rising categories and employers the hot-topic lists show. */
const HOT_CATEGORIES = 5;
const HOT_EMPLOYERS = 10;

const zh = (list: { zh: object }, code: string) => (list.zh as Record<string, string>)[code] ?? code;

/** One group's figures as the page and the workbook show them: counts, the period before, the rates in ‱. */
function shaped(f: repo.Figures) {
  const n = (k: keyof repo.Figures) => Number(f[k]);
  const callbacks = n('satisfied') + n('basically') + n('unsatisfied');
  return {
    received: n('received'),
    receivedPrev: n('received_prev'),
    collective: n('collective'),
    collectivePeople: n('collective_people'),
    repeats: n('repeats'),
    closed: n('closed'),
    closedPrev: n('closed_prev'),
    closedOnTime: n('on_time'),
    /** 按期办结率: closed on time ÷ closed, in basis points. */
    onTimeRateBp: rateBp(n('on_time'), n('closed')),
    onTimeRateBpPrev: rateBp(n('on_time_prev'), n('closed_prev')),
    wagesRecoveredFen: n('wages_fen'),
    wagesRecoveredFenPrev: n('wages_fen_prev'),
    callbacks,
    satisfied: n('satisfied'),
    basically: n('basically'),
    unsatisfied: n('unsatisfied'),
    /** Shares among the callbacks (满意 / 基本满意 / 不满意), and 满意率 = (满意 + 基本满意) ÷ callbacks. */
    satisfiedShareBp: rateBp(n('satisfied'), callbacks),
    basicallyShareBp: rateBp(n('basically'), callbacks),
    unsatisfiedShareBp: rateBp(n('unsatisfied'), callbacks),
    satisfactionRateBp: rateBp(n('satisfied') + n('basically'), callbacks),
  };
}

const rising = <T extends { count: number; prev: number }>(rows: T[]) =>
  rows.map((r) => ({ ...r, rise: r.count - r.prev, riseBp: r.prev === 0 ? null : rateBp(r.count - r.prev, r.prev) }));

const periodOut = (p: Period) => ({ kind: p.kind, from: p.from, to: p.to, label: p.label });

/**
 * The rights desk's analysis of a node's subtree (default the caller's node) for a month, quarter or year: counts by
 * category, channel and child node (each child rolled up over its subtree) with the previous period beside them, the
 * trend over the last 12 months / 8 quarters / 5 years, 按期办结率, the callbacks' satisfaction, wages recovered, and
 * the hot topics — categories and employers rising fastest against the previous period.
 */
export async function serviceDeskStats(ctx: AppContext, actor: Actor, q: z.infer<typeof ServiceDeskStatsQuerySchema>) {
  require(actor, 'servicedesk.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findById(sdb, q.orgId ?? actor.scope.orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND', { id: q.orgId });
  const today = ctx.clock.today();
  const cur = periodOf(q.period, q.date ?? today);
  const prev = previousOf(cur);
  const trend = trendOf(cur);
  const node = { id: Number(org.id), path: org.path };
  const [totals, now, nodes, children, categories, channels, employers, monthly] = await Promise.all([
    repo.totals(sdb, org.path, cur, prev),
    repo.openNow(sdb, org.path, OPEN_WORK_ORDER_STATUSES, today),
    repo.byChild(sdb, node, cur, prev),
    repo.childrenOf(sdb, node.id),
    repo.byCategory(sdb, org.path, workOrderCategories.codes, cur, prev),
    repo.byChannel(sdb, org.path, cur, prev),
    repo.risingEmployers(sdb, org.path, cur, prev, HOT_EMPLOYERS),
    repo.monthly(sdb, org.path, { from: (trend[0] as Period).from, to: cur.to }),
  ]);
  const figuresOf = new Map(nodes.children.map((c) => [Number(c.org_id), c]));
  const byCategory = rising(categories).map((c) => ({ ...c, label: zh(workOrderCategories, c.code) }));
  const channelCounts = new Map(channels.map((c) => [c.code, c]));
  const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    org: { id: node.id, name: org.name },
    period: periodOut(cur),
    previous: periodOut(prev),
    totals: { ...shaped(totals), openNow: now.open, overdueNow: now.overdue },
    byCategory,
    byChannel: workOrderChannels.codes.map((code) => ({
      code,
      label: zh(workOrderChannels, code),
      count: channelCounts.get(code)?.count ?? 0,
      prev: channelCounts.get(code)?.prev ?? 0,
    })),
    byNode: [
      { org: { id: node.id, name: org.name }, own: true, ...shaped(nodes.own) },
      ...children.map((c) => {
        const f = figuresOf.get(Number(c.id));
        return {
          org: { id: Number(c.id), name: c.name },
          own: false,
          ...shaped(f ?? repo.NO_ORDERS),
        };
      }),
    ],
    trend: trend.map((p) => {
      const months = new Set(monthsOf(p));
      const rec = monthly.received.filter((m) => months.has(m.month));
      const clo = monthly.closed.filter((m) => months.has(m.month));
      const closed = sum(clo, (m) => m.n);
      const onTime = sum(clo, (m) => m.onTime);
      return {
        ...periodOut(p),
        received: sum(rec, (m) => m.n),
        closed,
        closedOnTime: onTime,
        onTimeRateBp: rateBp(onTime, closed),
        wagesRecoveredFen: sum(clo, (m) => m.wagesFen),
      };
    }),
    hot: {
      categories: byCategory
        .filter((c) => c.rise > 0)
        .sort((a, b) => b.rise - a.rise || b.count - a.count)
        .slice(0, HOT_CATEGORIES),
      employers: rising(employers),
    },
  };
}
export type ServiceDeskStats = Awaited<ReturnType<typeof serviceDeskStats>>;
