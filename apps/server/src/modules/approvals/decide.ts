import type { MeetingInput } from '@bangfu/contracts';
import { type AuditEvent, appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { openObjectionCount } from '../notice/notice.repository.js';
import { assertWithinBudget } from './budget.js';
import { type Decidable, recordStep, type SubjectType } from './duties.js';
import { recordMeeting, type Seat, seat } from './seating.js';

export interface Decision {
  decision: 'approve' | 'reject';
  comment?: string;
  /** Eligibility-only rules (篇十二): the amount the deciding union sets when approving, 分. */
  amountFen?: number;
  /** A collective body's meeting (领导组, 委员会): one for the whole subject, passed to `decide`. */
  meeting?: MeetingInput;
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
  /**
   * The level this decision is taken at when it is not the stored one: an amount set at decision (篇十二) is
   * decided by the level that amount reaches.
   */
  levelFor?(trx: Db, d: Decision): Promise<string | null>;
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
 * accounts → audit head — and reads the items it decides. `ref` names it for a collective body's meeting record.
 */
export interface Subject {
  ref: { type: 'batch' | 'application' | 'campaign'; id: number };
  open(trx: Db, sdb: ScopedDb): Promise<DecisionItem[]>;
}

async function decideOne(
  ctx: AppContext,
  trx: Db,
  sdb: ScopedDb,
  actor: Actor,
  item: DecisionItem,
  level: string,
  meetingId: number | null,
) {
  const { row, decision: d } = item;
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
    { level: outcome.level ?? level, decision: d.decision, comment: d.comment ?? null, at: now, meetingId },
  );
  return {
    action: `${item.type}.${d.decision}`,
    entityType: item.entityType,
    entityId: Number(row.id),
    orgPath: row.org_path,
    chain: row.province_code,
    after: { decision: d.decision, comment: d.comment ?? null, meetingId, ...outcome.after },
  } satisfies AuditEvent;
}

/**
 * Decide a subject — a batch, an application, a campaign — in ONE transaction, all or nothing: every item is
 * checked (pending; then the `DecisionRule` its level calls for, `seating.ts`: maker-checker and the deciding
 * node always, then one approver, the group leader's signature, or a collective body's meeting judged by its
 * quorum), moved by a conditional update, its grants with it, the budget checked, the step kept in the history
 * (naming the meeting); the meeting and its votes are recorded and the audit entries appended last. A refusal of
 * any item (a budget that runs out part-way through a campaign, a quorum that does not hold) refuses the whole
 * subject. Returns how many were decided.
 */
export async function decide(ctx: AppContext, actor: Actor, subject: Subject, meeting?: MeetingInput): Promise<number> {
  require(actor, 'payment.approve');
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const items = await subject.open(trx, sdb);
    // 名单公示: an objection raised during the notice and not yet verified holds the decision (lock: subject first).
    const objections = await openObjectionCount(sdb, subject.ref.type, subject.ref.id);
    if (objections > 0) throw new AppError('MONEY_OBJECTION_OPEN', { count: objections });
    for (const item of items) if (item.row.status !== 'pending_approval') throw item.badStatus(item.row.status);
    const seats: Seat[] = [];
    for (const item of items)
      seats.push({
        row: item.row,
        makers: item.makers,
        level: (await item.levelFor?.(trx, item.decision)) ?? item.row.required_level ?? '',
      });
    const decision = items[0]?.decision.decision ?? 'reject';
    const sitting = await seat(ctx, sdb, actor, seats, decision, meeting);
    const now = ctx.clock.now().toISOString();
    const recorded = sitting ? await recordMeeting(trx, actor, sitting, subject.ref, decision, now) : null;
    const events: AuditEvent[] = [];
    for (const [i, item] of items.entries())
      events.push(await decideOne(ctx, trx, sdb, actor, item, seats[i]?.level ?? '', recorded?.id ?? null));
    if (recorded) events.push(recorded.audit);
    for (const e of events) await appendAudit(trx, ctx.clock, actor, e);
    return items.length;
  });
}
