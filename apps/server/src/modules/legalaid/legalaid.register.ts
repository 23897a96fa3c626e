import { ACTIVE_FILE_STATUSES, LEGAL_AID_DECISION_DAYS, type LegalAidInput } from '@bangfu/contracts';
import { parseResidentId } from '@bangfu/policy';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { nextFileNo } from '../archive/archive.repository.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { plusDays } from '../servicedesk/servicedesk.calendar.js';
import * as deskRepo from '../servicedesk/servicedesk.repository.js';
import { maskPhone } from '../servicedesk/servicedesk.rules.js';
import * as repo from './legalaid.repository.js';

/** Application numbers: 'FY44-2026-0000012' — per province and year, from the shared counter. */
const APP_PREFIX = 'FY';

/**
 * 本人提出法律援助的申请和理由 (seed 000 第十八条): registered at the registrant's node with the person (ID encrypted with
 * a blind index and a mask, phone encrypted and masked), linked to their file (picked, or found in scope by the ID)
 * and to the work order it came in on (in scope); the legal-aid group's decision is due 15 days after the day it came
 * in.
 */
export async function registerApplication(ctx: AppContext, actor: Actor, input: LegalAidInput) {
  require(actor, 'legalaid.write');
  const today = ctx.clock.today();
  let id: { id18: string; masked: string } | null = null;
  if (input.idNumber) {
    const r = parseResidentId(input.idNumber, today);
    if (!r.ok) throw new AppError('LEGAL_AID_INVALID_ID', { field: 'idNumber', reason: r.code, zh: r.zh, en: r.en });
    id = r;
  }
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today)
    throw new AppError('LEGAL_AID_BAD_DATE', {
      field: 'receivedOn',
      what: '收到日期晚于今天',
      whatEn: 'received after today',
    });
  const idBidx = id ? ctx.crypto.blindIndex(id.id18, 'id') : null;
  const newId = await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const org = await orgRepo.findActiveOrThrow(sdb, actor.scope.orgId);
    let household: { id: number } | undefined;
    if (input.householdId !== undefined) {
      household = await deskRepo.householdBrief(sdb, input.householdId);
      if (!household) throw new AppError('ARCHIVE_NOT_FOUND', { id: input.householdId, field: 'householdId' });
    } else if (idBidx) household = await deskRepo.householdByIdBidx(sdb, idBidx, ACTIVE_FILE_STATUSES);
    if (input.workOrderId !== undefined && !(await repo.workOrderBrief(sdb, input.workOrderId)))
      throw new AppError('WORK_ORDER_NOT_FOUND', { id: input.workOrderId, field: 'workOrderId' });
    const appNo = await nextFileNo(trx, `${APP_PREFIX}${org.province_code}`, Number(today.slice(0, 4)));
    const dueOn = plusDays(receivedOn, LEGAL_AID_DECISION_DAYS);
    const at = ctx.clock.now().toISOString();
    const placed = { org_id: Number(org.id), org_path: org.path, province_code: org.province_code };
    const appId = await repo.insertApplication(trx, {
      ...placed,
      app_no: appNo,
      person_name: input.personName,
      id_enc: id ? ctx.crypto.encrypt(id.id18) : null,
      id_bidx: idBidx,
      id_mask: id ? id.masked : null,
      phone_enc: ctx.crypto.encryptNullable(input.phone),
      phone_mask: input.phone ? maskPhone(input.phone) : null,
      employer: input.employer || null,
      household_id: household ? Number(household.id) : null,
      work_order_id: input.workOrderId ?? null,
      dispute_kind: input.disputeKind,
      reasons: input.reasons,
      claim_fen: input.claimFen ?? null,
      received_on: receivedOn,
      due_on: dueOn,
      status: 'pending',
      registered_by: actor.userId,
      registered_by_name: actor.displayName,
      decided_by: null,
      decided_by_name: null,
      decided_at: null,
      decided_on: null,
      opinion: null,
      decided_on_time: null,
      case_kind: null,
      lawyer_id: null,
      lawyer_name: null,
      department: null,
      assigned_at: null,
      assigned_by_name: null,
      med_employer: null,
      med_employer_rep: null,
      med_mediator: null,
      med_other_parties: null,
      med_recorded_at: null,
      agr_terms: null,
      agr_amount_fen: null,
      agr_signed_on: null,
      agr_recorded_by_name: null,
      outcome: null,
      outcome_note: null,
      recovered_fen: 0,
      closed_on: null,
      closed_by_name: null,
      withdraw_reason: null,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    const after = {
      appNo,
      disputeKind: input.disputeKind,
      receivedOn,
      dueOn,
      householdId: household ? Number(household.id) : null,
      workOrderId: input.workOrderId ?? null,
    };
    await repo.insertStep(trx, {
      ...placed,
      application_id: appId,
      entry: 'history',
      action: 'register',
      step_kind: null,
      step_on: null,
      what: null,
      result: null,
      result_at: null,
      at,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      data_json: JSON.stringify({ to: 'pending', dueOn }),
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'legal_aid.register',
      entityType: 'legal_aid_application',
      entityId: appId,
      orgPath: org.path,
      chain: org.province_code,
      after: { ...after, idMasked: id?.masked ?? null, phone: input.phone ? maskPhone(input.phone) : null },
    });
    return appId;
  });
  return { id: newId };
}
