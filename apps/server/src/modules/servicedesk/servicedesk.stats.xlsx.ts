import { PassThrough } from 'node:stream';
import type { ServiceDeskStatsQuerySchema } from '@bangfu/contracts';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Actor } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { type ServiceDeskStats, serviceDeskStats } from './servicedesk.stats.js';

const PCT = '0.00%';
const YUAN = '#,##0.00';
/** Basis points as a fraction Excel shows as a percentage; empty when there was nothing to divide. */
const pct = (bp: number | null) => (bp === null ? null : bp / 10_000);
const yuan = (fen: number) => fen / 100;

type Sheet = ExcelJS.Worksheet;
function header(ws: Sheet, cells: string[], widths: number[]) {
  ws.columns = widths.map((width) => ({ width }));
  const row = ws.addRow(cells);
  row.font = { bold: true };
  row.commit();
}
function line(ws: Sheet, cells: (string | number | null)[], formats: Record<number, string> = {}) {
  const row = ws.addRow(cells);
  for (const [i, fmt] of Object.entries(formats)) row.getCell(Number(i) + 1).numFmt = fmt;
  row.commit();
}

function write(wb: ExcelJS.stream.xlsx.WorkbookWriter, s: ServiceDeskStats) {
  const t = s.totals;
  const overview = wb.addWorksheet('概况');
  header(overview, ['指标', `本期（${s.period.label}）`, `上期（${s.previous.label}）`], [24, 20, 20]);
  line(overview, ['统计单位', s.org.name, null]);
  line(overview, ['统计期间', `${s.period.from} 至 ${s.period.to}`, `${s.previous.from} 至 ${s.previous.to}`]);
  line(overview, ['受理量（件）', t.received, t.receivedPrev]);
  line(overview, ['集体访（件）', t.collective, null]);
  line(overview, ['集体访人数（人次）', t.collectivePeople, null]);
  line(overview, ['重复访（件）', t.repeats, null]);
  line(overview, ['办结量（件）', t.closed, t.closedPrev]);
  line(overview, ['按期办结（件）', t.closedOnTime, null]);
  line(overview, ['按期办结率', pct(t.onTimeRateBp), pct(t.onTimeRateBpPrev)], { 1: PCT, 2: PCT });
  line(overview, ['追回欠薪（元）', yuan(t.wagesRecoveredFen), yuan(t.wagesRecoveredFenPrev)], { 1: YUAN, 2: YUAN });
  line(overview, ['回访（件）', t.callbacks, null]);
  line(overview, ['满意', t.satisfied, null]);
  line(overview, ['基本满意', t.basically, null]);
  line(overview, ['不满意', t.unsatisfied, null]);
  line(overview, ['满意率（满意+基本满意）', pct(t.satisfactionRateBp), null], { 1: PCT });
  line(overview, ['当前在办（件）', t.openNow, null]);
  line(overview, ['当前超期（件）', t.overdueNow, null]);
  overview.commit();

  const counts = (name: string, first: string, rows: { label: string; count: number; prev: number }[]) => {
    const ws = wb.addWorksheet(name);
    header(ws, [first, '本期', '上期', '增减'], [20, 12, 12, 12]);
    for (const r of rows) line(ws, [r.label, r.count, r.prev, r.count - r.prev]);
    ws.commit();
  };
  counts('按类别', '问题类别', s.byCategory);
  counts('按渠道', '受理渠道', s.byChannel);

  const nodes = wb.addWorksheet('按单位');
  header(
    nodes,
    [
      '单位',
      '受理量',
      '上期受理',
      '办结量',
      '按期办结',
      '按期办结率',
      '追回欠薪（元）',
      '满意',
      '基本满意',
      '不满意',
      '满意率',
    ],
    [26, 10, 10, 10, 10, 12, 16, 8, 10, 8, 10],
  );
  for (const n of s.byNode)
    line(
      nodes,
      [
        n.own ? `${n.org.name}（本级）` : n.org.name,
        n.received,
        n.receivedPrev,
        n.closed,
        n.closedOnTime,
        pct(n.onTimeRateBp),
        yuan(n.wagesRecoveredFen),
        n.satisfied,
        n.basically,
        n.unsatisfied,
        pct(n.satisfactionRateBp),
      ],
      { 5: PCT, 6: YUAN, 10: PCT },
    );
  nodes.commit();

  const trend = wb.addWorksheet('趋势');
  header(trend, ['期间', '受理量', '办结量', '按期办结', '按期办结率', '追回欠薪（元）'], [12, 10, 10, 10, 12, 16]);
  for (const p of s.trend)
    line(trend, [p.label, p.received, p.closed, p.closedOnTime, pct(p.onTimeRateBp), yuan(p.wagesRecoveredFen)], {
      4: PCT,
      5: YUAN,
    });
  trend.commit();

  const hot = wb.addWorksheet('热点');
  header(hot, ['热点问题类别', '本期', '上期', '增加'], [30, 10, 10, 10]);
  for (const c of s.hot.categories) line(hot, [c.label, c.count, c.prev, c.rise]);
  line(hot, [null, null, null, null]);
  const sub = hot.addRow(['反映集中的用人单位（不含保密件）', '本期', '上期', '增加']);
  sub.font = { bold: true };
  sub.commit();
  for (const e of s.hot.employers) line(hot, [e.employer, e.count, e.prev, e.rise]);
  hot.commit();
}

/**
 * The analysis as an .xlsx for reporting upward (统计上报), streamed: 概况, 按类别, 按渠道, 按单位, 趋势, 热点. Aggregates
 * only (no person); the download is audited.
 */
export async function serviceDeskStatsWorkbook(
  ctx: AppContext,
  actor: Actor,
  q: z.infer<typeof ServiceDeskStatsQuerySchema>,
) {
  const s = await serviceDeskStats(ctx, actor, q);
  await transaction(ctx, (trx) =>
    appendAudit(trx, ctx.clock, actor, {
      action: 'servicedesk.stats.export',
      entityType: 'org_node',
      entityId: s.org.id,
      orgPath: actor.scope.path,
      chain: actor.scope.provinceCode,
      after: { org: s.org.name, period: s.period.label, received: s.totals.received },
    }),
  );
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  (async () => {
    write(wb, s);
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e as Error));
  return { stream: out, filename: `信访热线统计-${s.org.name}-${s.period.label}.xlsx` };
}
