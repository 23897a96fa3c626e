import { type ExpressionBuilder, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { type ScopedDb, subtreeEnd } from '../../platform/db/scoped.js';

/**
 * The rights desk's analysis: every figure is one set-based query over the chosen node's path range (the index on
 * `(org_path, received_on)`), with conditional sums for the period and the one before it, grouped in SQL — no row
 * is read into JavaScript. Orders count in the period they were received (`received_on`); closings, the on-time
 * rate, wages recovered and the callbacks' satisfaction in the period they were closed (`closed_on`).
 */
export interface Range {
  from: string;
  to: string;
}

type Eb = ExpressionBuilder<Database, 'work_order'>;
const col = (name: string) => sql.ref(`work_order.${name}`);
const within = (column: string, r: Range) => sql<boolean>`${col(column)} >= ${r.from} and ${col(column)} <= ${r.to}`;
const countIf = (cond: RawBuilder<boolean>) => sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`;
const sumIf = (cond: RawBuilder<boolean>, column: string) =>
  sql<number>`coalesce(sum(case when ${cond} then ${col(column)} else 0 end), 0)`;
const hasCategory = (code: string) => sql<boolean>`${col('categories')} like ${`%,${code},%`}`;

/** Orders of the subtree touching the window [prev.from, cur.to] by receipt or closing. */
function window(sdb: ScopedDb, path: string, span: Range) {
  return sdb
    .selectFrom('work_order')
    .where('work_order.org_path', '>=', path)
    .where('work_order.org_path', '<', subtreeEnd(path))
    .where((eb: Eb) =>
      eb.or([
        eb.and([eb('work_order.received_on', '>=', span.from), eb('work_order.received_on', '<=', span.to)]),
        eb.and([eb('work_order.closed_on', '>=', span.from), eb('work_order.closed_on', '<=', span.to)]),
      ]),
    );
}

/** The figures of one group of orders, for the period (`cur`) and the previous one (`prev`). */
function figures(cur: Range, prev: Range) {
  const closedIn = (r: Range) => within('closed_on', r);
  const and = (a: RawBuilder<boolean>, b: RawBuilder<boolean>) => sql<boolean>`(${a}) and (${b})`;
  return [
    countIf(within('received_on', cur)).as('received'),
    countIf(within('received_on', prev)).as('received_prev'),
    countIf(and(within('received_on', cur), sql`${col('collective')} = 1`)).as('collective'),
    sumIf(and(within('received_on', cur), sql`${col('collective')} = 1`), 'head_count').as('collective_people'),
    countIf(and(within('received_on', cur), sql`${col('repeat_of')} is not null`)).as('repeats'),
    countIf(closedIn(cur)).as('closed'),
    countIf(closedIn(prev)).as('closed_prev'),
    countIf(and(closedIn(cur), sql`${col('on_time')} = 1`)).as('on_time'),
    countIf(and(closedIn(prev), sql`${col('on_time')} = 1`)).as('on_time_prev'),
    sumIf(closedIn(cur), 'wages_recovered_fen').as('wages_fen'),
    sumIf(closedIn(prev), 'wages_recovered_fen').as('wages_fen_prev'),
    countIf(and(closedIn(cur), sql`${col('satisfaction')} = 'satisfied'`)).as('satisfied'),
    countIf(and(closedIn(cur), sql`${col('satisfaction')} = 'basically'`)).as('basically'),
    countIf(and(closedIn(cur), sql`${col('satisfaction')} = 'unsatisfied'`)).as('unsatisfied'),
  ] as const;
}
export type Figures = Record<
  | 'received'
  | 'received_prev'
  | 'collective'
  | 'collective_people'
  | 'repeats'
  | 'closed'
  | 'closed_prev'
  | 'on_time'
  | 'on_time_prev'
  | 'wages_fen'
  | 'wages_fen_prev'
  | 'satisfied'
  | 'basically'
  | 'unsatisfied',
  number
>;

/** A node without orders in the window. */
export const NO_ORDERS: Figures = {
  received: 0,
  received_prev: 0,
  collective: 0,
  collective_people: 0,
  repeats: 0,
  closed: 0,
  closed_prev: 0,
  on_time: 0,
  on_time_prev: 0,
  wages_fen: 0,
  wages_fen_prev: 0,
  satisfied: 0,
  basically: 0,
  unsatisfied: 0,
};

const span = (cur: Range, prev: Range): Range => ({ from: prev.from < cur.from ? prev.from : cur.from, to: cur.to });

export async function totals(sdb: ScopedDb, path: string, cur: Range, prev: Range): Promise<Figures> {
  const r = await window(sdb, path, span(cur, prev))
    .select([...figures(cur, prev)])
    .executeTakeFirstOrThrow();
  return r as unknown as Figures;
}

/** Orders open now in the subtree, and those of them past their deadline. */
export async function openNow(sdb: ScopedDb, path: string, openStatuses: readonly string[], today: string) {
  const r = await sdb
    .selectFrom('work_order')
    .where('work_order.org_path', '>=', path)
    .where('work_order.org_path', '<', subtreeEnd(path))
    .where('work_order.status', 'in', [...openStatuses])
    .select([sql<number>`count(*)`.as('open'), countIf(sql`${col('due_on')} < ${today}`).as('overdue')])
    .executeTakeFirstOrThrow();
  return { open: Number(r.open), overdue: Number(r.overdue) };
}

/**
 * Per child of the node, each rolled up over its whole subtree by the path range (a join on
 * `org_path >= c.path and org_path < c.path || '~'`), and the node's own orders (`org_id` = the node).
 */
export async function byChild(sdb: ScopedDb, node: { id: number; path: string }, cur: Range, prev: Range) {
  const children = await window(sdb, node.path, span(cur, prev))
    .innerJoin('org_node as c', (j) =>
      j.onRef('work_order.org_path', '>=', 'c.path').on(sql<boolean>`${col('org_path')} < ${sql.ref('c.path')} || '~'`),
    )
    .where('c.parent_id', '=', node.id)
    .select(['c.id as org_id', ...figures(cur, prev)])
    .groupBy('c.id')
    .execute();
  const own = await window(sdb, node.path, span(cur, prev))
    .where('work_order.org_id', '=', node.id)
    .select([...figures(cur, prev)])
    .executeTakeFirstOrThrow();
  return {
    children: children as unknown as (Figures & { org_id: number })[],
    own: own as unknown as Figures,
  };
}

/** The node's children (every one, with or without orders), in 音序. */
export function childrenOf(sdb: ScopedDb, id: number) {
  return sdb
    .selectFrom('org_node')
    .select(['id', 'name', 'path'])
    .where('parent_id', '=', id)
    .orderBy('sort_key')
    .orderBy('id')
    .execute();
}

/** Orders received per category (an order counts under each category it names), this period and the previous. */
export async function byCategory(sdb: ScopedDb, path: string, codes: readonly string[], cur: Range, prev: Range) {
  const r = await window(sdb, path, span(cur, prev))
    .select(
      codes.flatMap((c, i) => [
        countIf(sql`(${within('received_on', cur)}) and (${hasCategory(c)})`).as(`c${i}`),
        countIf(sql`(${within('received_on', prev)}) and (${hasCategory(c)})`).as(`p${i}`),
      ]),
    )
    .executeTakeFirstOrThrow();
  const row = r as unknown as Record<string, number>;
  return codes.map((code, i) => ({ code, count: Number(row[`c${i}`]), prev: Number(row[`p${i}`]) }));
}

export async function byChannel(sdb: ScopedDb, path: string, cur: Range, prev: Range) {
  const rows = await window(sdb, path, span(cur, prev))
    .select([
      'work_order.channel',
      countIf(within('received_on', cur)).as('count'),
      countIf(within('received_on', prev)).as('prev'),
    ])
    .groupBy('work_order.channel')
    .execute();
  return rows.map((r) => ({ code: r.channel, count: Number(r.count), prev: Number(r.prev) }));
}

/**
 * Employers named most more often than in the previous period (热点: rising fastest), confidential complainants left
 * out — a count by employer would point at them.
 */
export async function risingEmployers(sdb: ScopedDb, path: string, cur: Range, prev: Range, limit: number) {
  const c = countIf(within('received_on', cur));
  const p = countIf(within('received_on', prev));
  const rows = await window(sdb, path, span(cur, prev))
    .where('work_order.employer', 'is not', null)
    .where('work_order.confidential', '=', 0)
    .select(['work_order.employer', c.as('count'), p.as('prev')])
    .groupBy('work_order.employer')
    .having(sql<boolean>`${c} > ${p}`)
    .orderBy(sql`${c} - ${p}`, 'desc')
    .orderBy(c, 'desc')
    .orderBy('work_order.employer')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ employer: r.employer as string, count: Number(r.count), prev: Number(r.prev) }));
}

/** Per month (YYYY-MM) over a range: orders received, and closings with their on-time count and wages. */
export async function monthly(sdb: ScopedDb, path: string, r: Range) {
  const month = (column: string) => sql<string>`substr(${col(column)}, 1, 7)`;
  const scoped = () =>
    sdb
      .selectFrom('work_order')
      .where('work_order.org_path', '>=', path)
      .where('work_order.org_path', '<', subtreeEnd(path));
  const [received, closed] = await Promise.all([
    scoped()
      .where('work_order.received_on', '>=', r.from)
      .where('work_order.received_on', '<=', r.to)
      .select([month('received_on').as('month'), sql<number>`count(*)`.as('n')])
      .groupBy(month('received_on'))
      .execute(),
    scoped()
      .where('work_order.closed_on', '>=', r.from)
      .where('work_order.closed_on', '<=', r.to)
      .select([
        month('closed_on').as('month'),
        sql<number>`count(*)`.as('n'),
        countIf(sql`${col('on_time')} = 1`).as('on_time'),
        sql<number>`coalesce(sum(${col('wages_recovered_fen')}), 0)`.as('wages_fen'),
      ])
      .groupBy(month('closed_on'))
      .execute(),
  ]);
  return {
    received: received.map((x) => ({ month: x.month, n: Number(x.n) })),
    closed: closed.map((x) => ({
      month: x.month,
      n: Number(x.n),
      onTime: Number(x.on_time),
      wagesFen: Number(x.wages_fen),
    })),
  };
}
