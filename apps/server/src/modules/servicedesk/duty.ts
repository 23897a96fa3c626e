import type { DutyShiftInputSchema, DutyShiftQuerySchema } from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { DutyShiftTable } from '../../platform/db/schema-servicedesk.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { plusDays } from './servicedesk.calendar.js';
import * as repo from './servicedesk.repository.js';
import { DESK_ROLES } from './workorder.flow.js';

/** The hotline's 24-hour duty roster (seed 000 第五篇 "中心坚持24小时值班制度"): shifts per node, handover notes. */
const MAX_SHIFT_MS = 48 * 3_600_000;

/** Beijing midnight of a date, as an instant. */
const startOfDay = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();

function toShift(s: Omit<DutyShiftTable, 'id'> & { id: number }, now: string) {
  return {
    id: Number(s.id),
    orgId: Number(s.org_id),
    user: { id: Number(s.user_id), name: s.user_name },
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    onDutyNow: s.starts_at <= now && now < s.ends_at,
    note: s.note,
    handoverNote: s.handover_note,
    handoverAt: s.handover_at,
    createdBy: s.created_by_name,
  };
}

async function mustFind(sdb: ScopedDb, id: number) {
  const s = await repo.findShift(sdb, id);
  if (!s || s.cancelled_at) throw new AppError('DUTY_SHIFT_NOT_FOUND', { id });
  return s;
}

export async function createShift(ctx: AppContext, actor: Actor, input: z.infer<typeof DutyShiftInputSchema>) {
  require(actor, 'servicedesk.write');
  const starts = new Date(input.startsAt);
  const ends = new Date(input.endsAt);
  if (!(ends > starts) || ends.getTime() - starts.getTime() > MAX_SHIFT_MS) throw new AppError('DUTY_SHIFT_BAD_TIMES');
  const now = ctx.clock.now().toISOString();
  const row = await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const org = await orgRepo.findActiveOrThrow(sdb, input.orgId);
    const [user] = await repo.deskStaffAt(sdb, Number(org.id), DESK_ROLES, input.userId);
    if (!user) throw new AppError('WORK_ORDER_BAD_COLLEAGUE', { name: `#${input.userId}`, field: 'userId' });
    const shift = {
      org_id: Number(org.id),
      org_path: org.path,
      province_code: org.province_code,
      user_id: Number(user.id),
      user_name: user.display_name,
      starts_at: starts.toISOString(),
      ends_at: ends.toISOString(),
      note: input.note ?? null,
      handover_note: null,
      handover_at: null,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: now,
      cancelled_at: null,
    };
    const id = await repo.insertShift(trx, shift);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'duty_shift.create',
      entityType: 'duty_shift',
      entityId: id,
      orgPath: org.path,
      chain: org.province_code,
      after: { user: user.display_name, startsAt: shift.starts_at, endsAt: shift.ends_at },
    });
    return { ...shift, id };
  });
  return toShift(row, now);
}

/** The roster of a node between two dates (default: yesterday to two weeks ahead). */
export async function listShifts(ctx: AppContext, actor: Actor, q: z.infer<typeof DutyShiftQuerySchema>) {
  require(actor, 'servicedesk.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findById(sdb, q.orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND', { id: q.orgId });
  const today = ctx.clock.today();
  const from = startOfDay(q.from ?? plusDays(today, -1));
  const to = startOfDay(plusDays(q.to ?? plusDays(today, 14), 1));
  const now = ctx.clock.now().toISOString();
  return { items: (await repo.shiftsAt(sdb, Number(org.id), from, to)).map((s) => toShift(s, now)) };
}

/** Who is on duty now at a node, and the last handover note (what the person on duty reads first). */
export async function onDutyNow(ctx: AppContext, actor: Actor, orgId: number) {
  require(actor, 'servicedesk.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findById(sdb, orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND', { id: orgId });
  const now = ctx.clock.now();
  const at = now.toISOString();
  const current = await repo.shiftsAt(sdb, Number(org.id), at, new Date(now.getTime() + 1).toISOString());
  const previous = await repo.previousShift(sdb, Number(org.id), at);
  return {
    now: at,
    onDuty: current.map((s) => toShift(s, at)),
    lastHandover: previous ? toShift(previous, at) : null,
  };
}

/** The person on duty writes the handover note of their shift. */
export async function writeHandover(ctx: AppContext, actor: Actor, id: number, note: string) {
  require(actor, 'servicedesk.write');
  const now = ctx.clock.now().toISOString();
  return transaction(ctx, async (trx) => {
    const s = await mustFind(new ScopedDb(trx, actor.scope), id);
    if (Number(s.user_id) !== actor.userId) throw new AppError('DUTY_SHIFT_NOT_YOURS', { user: s.user_name });
    if (!(await repo.updateShiftIf(trx, id, { notCancelled: true }, { handover_note: note, handover_at: now })))
      throw new AppError('DUTY_SHIFT_NOT_FOUND', { id });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'duty_shift.handover',
      entityType: 'duty_shift',
      entityId: id,
      orgPath: s.org_path,
      chain: s.province_code,
      after: { note },
    });
    return toShift({ ...s, handover_note: note, handover_at: now }, now);
  });
}

/** A shift not yet begun may be taken off the roster. */
export async function cancelShift(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'servicedesk.write');
  const now = ctx.clock.now().toISOString();
  return transaction(ctx, async (trx) => {
    const s = await mustFind(new ScopedDb(trx, actor.scope), id);
    if (!(await repo.updateShiftIf(trx, id, { notCancelled: true, startsAfter: now }, { cancelled_at: now })))
      throw new AppError('DUTY_SHIFT_STARTED');
    await appendAudit(trx, ctx.clock, actor, {
      action: 'duty_shift.cancel',
      entityType: 'duty_shift',
      entityId: id,
      orgPath: s.org_path,
      chain: s.province_code,
      before: { user: s.user_name, startsAt: s.starts_at, endsAt: s.ends_at },
    });
    return { id, cancelled: true };
  });
}

/** Staff at a node who handle service-desk work: for 交办 and the roster. */
export async function deskColleagues(ctx: AppContext, actor: Actor, orgId: number) {
  require(actor, 'servicedesk.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findById(sdb, orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND', { id: orgId });
  const rows = await repo.deskStaffAt(sdb, Number(org.id), DESK_ROLES);
  return { items: rows.map((u) => ({ id: Number(u.id), name: u.display_name })) };
}
