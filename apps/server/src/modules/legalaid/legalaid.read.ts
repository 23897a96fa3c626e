import type { LegalAidListQuerySchema } from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as deskRepo from '../servicedesk/servicedesk.repository.js';
import { toLawyer } from './lawyers.js';
import * as lawyerRepo from './lawyers.repository.js';
import { mustFindApplication } from './legalaid.flow.js';
import * as repo from './legalaid.repository.js';
import { ancestorIds } from './legalaid.steps.js';
import { toDetail, toSummary } from './legalaid.view.js';

export async function getApplication(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'legalaid.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const a = await mustFindApplication(sdb, id);
  const [steps, attachments, h, wo] = await Promise.all([
    repo.stepsOf(sdb, id),
    repo.attachmentsOf(sdb, id),
    a.household_id === null ? undefined : deskRepo.householdBrief(sdb, Number(a.household_id)),
    a.work_order_id === null ? undefined : repo.workOrderBrief(sdb, Number(a.work_order_id)),
  ]);
  return toDetail(a, ctx.clock.today(), {
    steps,
    attachments,
    household: h ? { id: Number(h.id), fileNo: h.file_no, name: h.name, status: h.status } : null,
    workOrder: wo ? { id: Number(wo.id), orderNo: wo.order_no, status: wo.status } : null,
  });
}

/** A subtree's applications (default the caller's node): by status, kind, number or name; overdue = undecided past 15 days. */
export async function listApplications(ctx: AppContext, actor: Actor, q: z.infer<typeof LegalAidListQuerySchema>) {
  require(actor, 'legalaid.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findById(sdb, q.orgId ?? actor.scope.orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND', { id: q.orgId });
  const today = ctx.clock.today();
  const { rows, total } = await repo.list(
    sdb,
    {
      path: org.path,
      status: q.status,
      caseKind: q.caseKind,
      overdueOn: q.view === 'overdue' ? today : undefined,
      q: q.q,
      workOrderId: q.workOrderId,
    },
    q,
  );
  return { total, limit: q.limit, offset: q.offset, items: rows.map((r) => toSummary(r, today)) };
}

/** The full ID number and phone, to contact the applicant: audited. */
export async function revealApplicant(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'legalaid.write');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const a = await mustFindApplication(sdb, id);
  const s = await repo.personSecrets(sdb, id);
  await transaction(ctx, (trx) =>
    appendAudit(trx, ctx.clock, actor, {
      action: 'legal_aid.read_personal',
      entityType: 'legal_aid_application',
      entityId: id,
      orgPath: a.org_path,
      chain: a.province_code,
      after: { appNo: a.app_no, fields: ['idNumber', 'phone'] },
    }),
  );
  return {
    id,
    name: a.person_name,
    idNumber: ctx.crypto.decryptNullable(s?.id_enc),
    phone: ctx.crypto.decryptNullable(s?.phone_enc),
  };
}

/** The lawyers a case may go to: the rosters of its union and of every union above it, available ones first. */
export async function lawyersFor(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'legalaid.write');
  const a = await mustFindApplication(new ScopedDb(ctx.db, actor.scope), id);
  const today = ctx.clock.today();
  const rows = await lawyerRepo.lawyersOnPath(ctx.db, ancestorIds(a.org_path));
  const items = rows.map((r) => toLawyer(r, today));
  return { items: [...items.filter((l) => l.available), ...items.filter((l) => !l.available)] };
}
