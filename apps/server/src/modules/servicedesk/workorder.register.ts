import { ACTIVE_FILE_STATUSES, type CallerQuerySchema, type WorkOrderInput } from '@bangfu/contracts';
import { parseResidentId } from '@bangfu/policy';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { nextFileNo } from '../archive/archive.repository.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { plusDays } from './servicedesk.calendar.js';
import * as deskRepo from './servicedesk.repository.js';
import { categoriesColumn, deadlineFor, maskPhone } from './servicedesk.rules.js';
import { deskSettingsAt } from './servicedesk.settings.js';
import { summaries } from './workorder.read.js';
import * as repo from './workorder.repository.js';
import { maySeePerson, toSummary } from './workorder.view.js';

/** Order numbers: 'GD44-2026-0000012' — per province and year, from the shared counter (like file numbers). */
const ORDER_PREFIX = 'GD';

function idOf(ctx: AppContext, raw: string | undefined) {
  if (!raw) return null;
  const r = parseResidentId(raw, ctx.clock.today());
  if (!r.ok) throw new AppError('WORK_ORDER_INVALID_ID', { field: 'idNumber', reason: r.code, zh: r.zh, en: r.en });
  return r;
}

/**
 * 来访登记制: every letter, visit, call and message is registered on arrival, at the registering person's node, and
 * they own it (首问责任制) until it is handed on. Personal fields are encrypted with a blind index and a mask; the
 * person's file is linked when found in scope (picked, or by the ID); the same person (ID or phone) on the same
 * matter within the node's window is linked to the earlier order (重复访); the deadline is counted in working days.
 */
export async function registerOrder(ctx: AppContext, actor: Actor, input: WorkOrderInput) {
  require(actor, 'servicedesk.write');
  const id = idOf(ctx, input.idNumber);
  const now = ctx.clock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000)
    throw new AppError('WORK_ORDER_BAD_DATE', {
      field: 'receivedAt',
      what: '收到时间晚于现在',
      whatEn: 'received in the future',
    });
  const receivedOn = chinaDate(receivedAt);
  const idBidx = id ? ctx.crypto.blindIndex(id.id18, 'id') : null;
  const phoneBidx = input.phone ? ctx.crypto.blindIndex(input.phone, 'phone') : null;
  const orderId = await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const org = await orgRepo.findActiveOrThrow(sdb, actor.scope.orgId);
    let household: { id: number } | undefined;
    if (input.householdId !== undefined) {
      household = await deskRepo.householdBrief(sdb, input.householdId);
      if (!household) throw new AppError('ARCHIVE_NOT_FOUND', { id: input.householdId, field: 'householdId' });
    } else if (idBidx) household = await deskRepo.householdByIdBidx(sdb, idBidx, ACTIVE_FILE_STATUSES);
    const settings = await deskSettingsAt(trx, org.path);
    const due = deadlineFor(receivedOn, input.urgency, input.difficulty, settings);
    const repeatOf = await repo.repeatOf(sdb, {
      idBidx,
      phoneBidx,
      categories: input.categories,
      since: plusDays(receivedOn, -settings.repeatWindowDays),
    });
    const orderNo = await nextFileNo(trx, `${ORDER_PREFIX}${org.province_code}`, Number(ctx.clock.today().slice(0, 4)));
    const at = now.toISOString();
    const placed = { org_id: Number(org.id), org_path: org.path, province_code: org.province_code };
    const newId = await repo.insertWorkOrder(trx, {
      ...placed,
      order_no: orderNo,
      channel: input.channel,
      received_at: receivedAt.toISOString(),
      received_on: receivedOn,
      person_name: input.personName ?? null,
      confidential: input.confidential ? 1 : 0,
      id_enc: id ? ctx.crypto.encrypt(id.id18) : null,
      id_bidx: idBidx,
      id_mask: id ? id.masked : null,
      phone_enc: ctx.crypto.encryptNullable(input.phone),
      phone_bidx: phoneBidx,
      phone_mask: input.phone ? maskPhone(input.phone) : null,
      employer: input.employer ?? null,
      household_id: household ? Number(household.id) : null,
      categories: categoriesColumn(input.categories),
      main_category: input.categories[0] as string,
      content: input.content,
      collective: input.collective ? 1 : 0,
      head_count: input.headCount ?? null,
      representatives: input.representatives ?? null,
      urgency: input.urgency,
      difficulty: input.difficulty,
      status: 'open',
      owner_user_id: actor.userId,
      owner_name: actor.displayName,
      registered_org_id: Number(org.id),
      registered_by: actor.userId,
      registered_by_name: actor.displayName,
      sent_from_org_id: null,
      sent_by_user_id: null,
      sent_by_name: null,
      return_reason: null,
      outside_body: null,
      outside_name: null,
      outside_ref: null,
      due_on: due.date,
      due_days: due.days,
      due_provisional: due.provisional ? 1 : 0,
      ext_status: null,
      ext_days: null,
      ext_reason: null,
      ext_requested_by: null,
      ext_requested_by_name: null,
      ext_decided_by_name: null,
      ext_decided_at: null,
      ext_note: null,
      reply_method: null,
      reply: null,
      result: null,
      wages_recovered_fen: 0,
      closed_at: null,
      closed_on: null,
      closed_by_name: null,
      on_time: null,
      satisfaction: null,
      callback_at: null,
      callback_by_name: null,
      callback_note: null,
      reopen_count: 0,
      repeat_of: repeatOf,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    await repo.insertAction(trx, {
      ...placed,
      work_order_id: newId,
      at,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      actor_org_id: Number(org.id),
      actor_org_name: org.name,
      action: 'register',
      from_status: null,
      to_status: 'open',
      to_org_id: null,
      to_org_name: null,
      to_user_id: actor.userId,
      to_user_name: actor.displayName,
      note: null,
      data_json: JSON.stringify({ dueOn: due.date, repeatOf }),
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'work_order.register',
      entityType: 'work_order',
      entityId: newId,
      orgPath: org.path,
      chain: org.province_code,
      after: {
        orderNo,
        channel: input.channel,
        categories: input.categories,
        confidential: input.confidential,
        collective: input.collective,
        dueOn: due.date,
        repeatOf,
      },
    });
    return newId;
  });
  const o = await repo.findById(new ScopedDb(ctx.db, actor.scope), orderId);
  if (!o) throw new AppError('WORK_ORDER_NOT_FOUND', { id: orderId });
  // The registering person owns it and typed the person in: no reveal to audit.
  return toSummary(o, true, ctx.clock.today());
}

/**
 * The caller's earlier orders (by phone or ID, in scope) and their file, for the registration screen: an exact
 * search by personal data, audited. Confidential orders the operator may not see are left out.
 */
export async function callerHistory(ctx: AppContext, actor: Actor, q: z.infer<typeof CallerQuerySchema>) {
  require(actor, 'servicedesk.write');
  const id = idOf(ctx, q.idNumber);
  const idBidx = id ? ctx.crypto.blindIndex(id.id18, 'id') : null;
  const phoneBidx = q.phone ? ctx.crypto.blindIndex(q.phone, 'phone') : null;
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const rows = await repo.byPerson(sdb, { idBidx, phoneBidx });
  const supervisors = await repo.supervisorsOf(
    sdb,
    rows.map((r) => Number(r.id)),
  );
  const seen = rows.filter((r) => maySeePerson(actor, r, supervisors.get(Number(r.id)) ?? []));
  const h = idBidx ? await deskRepo.householdByIdBidx(sdb, idBidx, ACTIVE_FILE_STATUSES) : undefined;
  await transaction(ctx, (trx) =>
    appendAudit(trx, ctx.clock, actor, {
      action: 'work_order.search_caller',
      entityType: 'work_order',
      orgPath: actor.scope.path,
      chain: actor.scope.provinceCode,
      after: { idMasked: id?.masked ?? null, phoneMasked: q.phone ? maskPhone(q.phone) : null, found: seen.length },
    }),
  );
  return {
    household: h ? { id: Number(h.id), fileNo: h.file_no, name: h.name } : null,
    items: await summaries(ctx, actor, sdb, seen, 'caller'),
  };
}
