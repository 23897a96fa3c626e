import { programmes } from '@bangfu/contracts';
import { formatYuan } from '@bangfu/policy';
import type { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { budgetFor, lockBudget } from '../funds/funds.repository.js';
import { committedInYear } from '../grants/grants.repository.js';

/**
 * Approval within the year's budget of the programme at the subject's node, if it set one: what its subtree has
 * paid or has in approval for that year (this proposal included) may not exceed it. The budget row is locked
 * while it is checked (after the subject and its grants, before the ledger), so approvals against the same
 * budget check one after the other, each seeing the others' grants.
 */
export async function assertWithinBudget(
  sdb: ScopedDb,
  node: { org_id: number; org_path: string },
  programme: string,
  year: number,
  amountFen: number,
) {
  const budget = await budgetFor(sdb, Number(node.org_id), programme, year);
  if (!budget) return;
  await lockBudget(sdb.db, Number(budget.id));
  const used = await committedInYear(sdb, node.org_path, programme, year);
  if (used > Number(budget.amount_fen))
    throw new AppError('BUDGET_EXCEEDED', {
      programme: programmes.zh[programme as keyof typeof programmes.zh] ?? programme,
      year,
      budget: formatYuan(Number(budget.amount_fen)),
      used: formatYuan(used - amountFen),
      amount: formatYuan(amountFen),
    });
}
