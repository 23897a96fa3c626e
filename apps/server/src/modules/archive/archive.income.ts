import { fileStatuses } from '@bangfu/contracts';
import { exitProposal, type IncomeMonth, monthAboveLine } from '@bangfu/policy';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { policyAt } from '../policy/policy.service.js';
import * as incomes from './archive.income.repository.js';
import * as repo from './archive.repository.js';
import { mustFindFile } from './archive.service.js';

/** Files whose income is followed month by month: those in the archive (在档, 解困). */
const FOLLOWED = ['filed', 'relieved'];

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

type Row = Awaited<ReturnType<typeof incomes.monthsOf>>[number];
const toMonth = (r: Row): IncomeMonth => ({
  month: r.month,
  householdIncomeFen: Number(r.household_income_fen),
  householdSize: r.household_size,
  dibaoLineFen: r.dibao_line_fen === null ? null : Number(r.dibao_line_fen),
});
const toItem = (r: Row) => ({
  ...toMonth(r),
  perCapitaFen: Number(r.per_capita_fen),
  aboveLine: r.above_line === 1,
  note: r.note,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by_name,
});

/** The monthly income records of a file, newest first, with the 脱困 proposal they make. */
export async function listIncomes(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'archive.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  await mustFindFile(sdb, id);
  const rows = await incomes.monthsOf(sdb, id);
  return { items: rows.map(toItem), outOfHardship: exitProposal(rows.map(toMonth)) };
}

/**
 * Record (or correct) the household's income of one month. The 低保 line is the one in force at the file's
 * node on the month's last day; household size is the file's at the time of recording. When the records
 * reach 6 consecutive months above the line, 脱困 is proposed (the file enters the exit_proposed queue and its
 * history shows the proposal); a later month below the line withdraws it. Staff still decide the 脱困 itself.
 */
export async function recordIncome(
  ctx: AppContext,
  actor: Actor,
  id: number,
  month: string,
  input: { householdIncomeFen: number; note?: string },
) {
  require(actor, 'archive.write');
  const now = ctx.clock.now();
  // The month on the Beijing calendar: at 01:00 on 1 March in China, March is the current month.
  if (month > ctx.clock.today().slice(0, 7)) throw new AppError('ARCHIVE_INCOME_FUTURE_MONTH', { month });
  await transaction(ctx, async (trx) => {
    // One record of a file at a time: a second record of the same month waits, then corrects the first.
    await repo.lockHousehold(trx, ctx.dialect, id);
    const sdb = new ScopedDb(trx, actor.scope);
    const file = await mustFindFile(sdb, id);
    if (!FOLLOWED.includes(file.status))
      throw new AppError('ARCHIVE_BAD_TRANSITION', {
        status: fileStatuses.zh[file.status as keyof typeof fileStatuses.zh],
      });
    const before = await incomes.monthsOf(sdb, id);
    const existing = before.find((r) => r.month === month) ?? null;
    const resolved = await policyAt(trx, file.org_path, lastDayOf(month));
    const line = resolved.ok ? resolved.policy.dibaoLineFen : null;
    const size = file.household_size;
    const record: IncomeMonth = {
      month,
      householdIncomeFen: input.householdIncomeFen,
      householdSize: size,
      dibaoLineFen: line,
    };
    const stamp = now.toISOString();
    await incomes.upsertMonth(
      trx,
      {
        household_id: id,
        org_id: Number(file.org_id),
        org_path: file.org_path,
        province_code: file.province_code,
        month,
        household_income_fen: input.householdIncomeFen,
        household_size: size,
        per_capita_fen: size > 0 ? Math.floor(input.householdIncomeFen / size) : 0,
        dibao_line_fen: line,
        above_line: monthAboveLine(record) ? 1 : 0,
        note: input.note ?? null,
        recorded_by: actor.userId,
        recorded_by_name: actor.displayName,
        recorded_at: stamp,
      },
      existing ? Number(existing.id) : null,
    );
    const after = [...before.filter((r) => r.month !== month).map(toMonth), record];
    const proposal = exitProposal(after);
    const since = proposal.proposed ? proposal.since : null;
    await incomes.setIncomeState(trx, id, { exit_proposed_since: since, updated_at: stamp });
    if ((file.exit_proposed_since ?? null) !== since) {
      await repo.insertEvent(trx, {
        household_id: id,
        org_id: Number(file.org_id),
        org_path: file.org_path,
        province_code: file.province_code,
        at: stamp,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        action: since ? 'exit_proposed' : 'exit_proposal_withdrawn',
        from_status: file.status,
        to_status: file.status,
        note: proposal.explanation.zh,
        data_json: JSON.stringify({ since, consecutiveMonthsAbove: proposal.consecutiveMonthsAbove }),
      });
    }
    await appendAudit(trx, ctx.clock, actor, {
      action: 'archive.income.record',
      entityType: 'household',
      entityId: id,
      orgPath: file.org_path,
      chain: file.province_code,
      before: existing ? toItem(existing) : null,
      after: { month, householdIncomeFen: input.householdIncomeFen, dibaoLineFen: line, note: input.note ?? null },
    });
  });
  return listIncomes(ctx, actor, id);
}
