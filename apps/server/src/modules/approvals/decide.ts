import { type AuditEvent, appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import type { AppError } from '../../platform/errors.js';
import { assertWithinBudget } from './budget.js';
import { assertMayDecide, type Decidable, recordStep, type SubjectType } from './duties.js';

export interface Decision {
  decision: 'approve' | 'reject';
  comment?: string;
  /** Eligibility-only rules (篇十二): the amount the deciding union sets when approving, 分. */
  amountFen?: number;
}

/** What an approval commits against the year's budget at the item's node. */
export interface BudgetClaim {
  programme: string;
  year: number;
  amountFen: number;
}

/** What the item's grants did on the decision: the level it was decided at if the decision moved it, the budget claim, audit details. */
export interface Outcome {
  level?: string;
  claim?: BudgetClaim | null;
  after: Record<string, unknown>;
}

/**
 * One thing decided: a batch, or an application (alone, or as a campaign's entry). Its owner module builds it
 * (disbursement/batch.subject.ts, assistance/application.subject.ts) from the row it locked.
 */
export interface DecisionItem {
  type: SubjectType;
  /** Audit entity type of the row. */
  entityType: string;
  row: Decidable;
  /** Besides its creator, who made it (the submitters, a campaign's organiser): none of them decides it. */
  makers: (number | null)[];
  /** This item's decision (a campaign gives each entry its own amount). */
  decision: Decision;
  /** The refusal when it is not pending, or another transaction decided it first. */
  badStatus(status: string): AppError;
  /** Checks of the decision itself before anything moves (an amount that may not, or must, be set). */
  check?(d: Decision): void;
  /** The item's own status, moved only from pending_approval: false when another transaction got there first. */
  move(trx: Db, to: 'approved' | 'rejected', now: string): Promise<boolean>;
  /** Its grants follow: approved (or proposed now with the amount set) and what they claim, or void on a rejection. */
  follow(trx: Db, sdb: ScopedDb, d: Decision, now: string): Promise<Outcome>;
}

/**
 * A subject of approval: one batch, one application, or a campaign (every entry waiting at the approver's node,
 * together). `open` locks the subject's rows — first in the lock order subject → grants → budget → ledger
 * accounts → audit head — and reads the items it decides.
 */
export interface Subject {
  open(trx: Db, sdb: ScopedDb): Promise<DecisionItem[]>;
}

/**
 * Who may decide an item, and at which level. Today one approver at the node and level the amount requires, never
 * one of its makers; the approval bodies of seed 000 (领导组, 委员会: members present, votes, quorum) will be rules
 * of their own, chosen by `ruleFor` from the item's level.
 */
export interface DecisionRule {
  admit(sdb: ScopedDb, actor: Actor, item: DecisionItem): Promise<{ level: string }>;
}

export const oneApprover: DecisionRule = {
  async admit(sdb, actor, item) {
    await assertMayDecide(sdb, actor, item.row, item.makers);
    return { level: item.row.required_level ?? '' };
  },
};

export function ruleFor(_item: DecisionItem): DecisionRule {
  return oneApprover;
}

async function decideOne(ctx: AppContext, trx: Db, sdb: ScopedDb, actor: Actor, item: DecisionItem) {
  const { row, decision: d } = item;
  if (row.status !== 'pending_approval') throw item.badStatus(row.status);
  const { level } = await ruleFor(item).admit(sdb, actor, item);
  item.check?.(d);
  const now = ctx.clock.now().toISOString();
  const to = d.decision === 'approve' ? 'approved' : 'rejected';
  if (!(await item.move(trx, to, now))) throw item.badStatus(to);
  const outcome = await item.follow(trx, sdb, d, now);
  if (d.decision === 'approve' && outcome.claim)
    await assertWithinBudget(sdb, row, outcome.claim.programme, outcome.claim.year, outcome.claim.amountFen);
  await recordStep(
    trx,
    actor,
    { type: item.type, id: Number(row.id), org: row },
    { level: outcome.level ?? level, decision: d.decision, comment: d.comment ?? null, at: now },
  );
  return {
    action: `${item.type}.${d.decision}`,
    entityType: item.entityType,
    entityId: Number(row.id),
    orgPath: row.org_path,
    chain: row.province_code,
    after: { decision: d.decision, comment: d.comment ?? null, ...outcome.after },
  } satisfies AuditEvent;
}

/**
 * Decide a subject — a batch, an application, a campaign — in ONE transaction, all or nothing: every item is
 * checked (pending, maker-checker, the deciding node), moved by a conditional update, its grants with it, the
 * budget checked, the step kept in the history; the audit entries are appended last. A refusal of any item (a
 * budget that runs out part-way through a campaign) refuses the whole subject. Returns how many were decided.
 */
export async function decide(ctx: AppContext, actor: Actor, subject: Subject): Promise<number> {
  require(actor, 'payment.approve');
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const items = await subject.open(trx, sdb);
    const events: AuditEvent[] = [];
    for (const item of items) events.push(await decideOne(ctx, trx, sdb, actor, item));
    for (const e of events) await appendAudit(trx, ctx.clock, actor, e);
    return items.length;
  });
}
