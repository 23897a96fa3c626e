import type { LawyerInputSchema, LawyerListQuerySchema, LawyerPatchSchema } from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { maskPhone } from '../servicedesk/servicedesk.rules.js';
import * as repo from './lawyers.repository.js';

/**
 * The roster of a union's contracted lawyers (律师名册): name, firm, licence number, phone (encrypted, masked in
 * lists, the full number an audited read), contract period and whether they are active. A case is assigned only to
 * a lawyer active and under contract on the day (`unavailability`).
 */

export function unavailability(l: { active: number; contract_from: string; contract_to: string }, on: string) {
  if (l.active !== 1) return { why: '已停用', whyEn: 'deactivated' };
  if (on < l.contract_from)
    return { why: `聘用合同自${l.contract_from}起`, whyEn: `contract starts on ${l.contract_from}` };
  if (on > l.contract_to)
    return { why: `聘用合同已于${l.contract_to}到期`, whyEn: `contract ended on ${l.contract_to}` };
  return null;
}

export function toLawyer(l: repo.LawyerRow, today: string) {
  const u = unavailability(l, today);
  return {
    id: Number(l.id),
    org: { id: Number(l.org_id), name: l.org_name },
    name: l.name,
    firm: l.firm,
    licenceNo: l.licence_no,
    phoneMasked: l.phone_mask,
    contractFrom: l.contract_from,
    contractTo: l.contract_to,
    active: l.active === 1,
    available: u === null,
    unavailable: u,
    note: l.note,
    version: l.version,
  };
}

async function mustFindLawyer(sdb: ScopedDb, id: number) {
  const l = await repo.findLawyer(sdb, id);
  if (!l) throw new AppError('LEGAL_LAWYER_NOT_FOUND', { id });
  return l;
}

export async function listLawyers(ctx: AppContext, actor: Actor, q: z.infer<typeof LawyerListQuerySchema>) {
  require(actor, 'legalaid.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findById(sdb, q.orgId ?? actor.scope.orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND', { id: q.orgId });
  const today = ctx.clock.today();
  const rows = await repo.lawyersUnder(sdb, org.path, q.view === 'available' ? today : undefined);
  return { items: rows.map((r) => toLawyer(r, today)) };
}

export async function createLawyer(ctx: AppContext, actor: Actor, input: z.infer<typeof LawyerInputSchema>) {
  require(actor, 'legalaid.write');
  const id = await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const org = await orgRepo.findActiveOrThrow(sdb, input.orgId);
    if (await repo.licenceAt(sdb, Number(org.id), input.licenceNo))
      throw new AppError('LEGAL_LAWYER_DUPLICATE', { licenceNo: input.licenceNo, org: org.name, field: 'licenceNo' });
    const now = ctx.clock.now().toISOString();
    const newId = await repo.insertLawyer(trx, {
      org_id: Number(org.id),
      org_path: org.path,
      province_code: org.province_code,
      name: input.name,
      firm: input.firm,
      licence_no: input.licenceNo,
      phone_enc: ctx.crypto.encrypt(input.phone),
      phone_mask: maskPhone(input.phone),
      contract_from: input.contractFrom,
      contract_to: input.contractTo,
      active: 1,
      note: input.note ?? null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'legal_lawyer.create',
      entityType: 'legal_lawyer',
      entityId: newId,
      orgPath: org.path,
      chain: org.province_code,
      after: {
        name: input.name,
        firm: input.firm,
        licenceNo: input.licenceNo,
        phone: maskPhone(input.phone),
        contractFrom: input.contractFrom,
        contractTo: input.contractTo,
      },
    });
    return newId;
  });
  return toLawyer(await mustFindLawyer(new ScopedDb(ctx.db, actor.scope), id), ctx.clock.today());
}

/** Edit a lawyer (contract renewed, deactivated …) from the version the form was read at. */
export async function updateLawyer(ctx: AppContext, actor: Actor, id: number, p: z.infer<typeof LawyerPatchSchema>) {
  require(actor, 'legalaid.write');
  await transaction(ctx, async (trx) => {
    await repo.lockLawyer(trx, id);
    const sdb = new ScopedDb(trx, actor.scope);
    const l = await mustFindLawyer(sdb, id);
    if (l.version !== p.version) throw new AppError('LEGAL_LAWYER_CHANGED', { version: l.version });
    const from = p.contractFrom ?? l.contract_from;
    const to = p.contractTo ?? l.contract_to;
    if (to < from) throw new AppError('VALIDATION_FAILED', { field: 'contractTo', issues: [{ path: ['contractTo'] }] });
    if (p.licenceNo && p.licenceNo !== l.licence_no && (await repo.licenceAt(sdb, Number(l.org_id), p.licenceNo, id)))
      throw new AppError('LEGAL_LAWYER_DUPLICATE', { licenceNo: p.licenceNo, org: l.org_name, field: 'licenceNo' });
    const patch: repo.LawyerPatch = {
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.firm !== undefined ? { firm: p.firm } : {}),
      ...(p.licenceNo !== undefined ? { licence_no: p.licenceNo } : {}),
      ...(p.phone !== undefined ? { phone_enc: ctx.crypto.encrypt(p.phone), phone_mask: maskPhone(p.phone) } : {}),
      ...(p.contractFrom !== undefined ? { contract_from: p.contractFrom } : {}),
      ...(p.contractTo !== undefined ? { contract_to: p.contractTo } : {}),
      ...(p.active !== undefined ? { active: p.active ? 1 : 0 } : {}),
      ...(p.note !== undefined ? { note: p.note || null } : {}),
      updated_at: ctx.clock.now().toISOString(),
    };
    if (!(await repo.updateLawyerIf(trx, id, l.version, patch)))
      throw new AppError('LEGAL_LAWYER_CHANGED', { version: l.version });
    const { version: _v, ...changed } = p;
    await appendAudit(trx, ctx.clock, actor, {
      action: 'legal_lawyer.update',
      entityType: 'legal_lawyer',
      entityId: id,
      orgPath: l.org_path,
      chain: l.province_code,
      before: { active: l.active === 1, contractFrom: l.contract_from, contractTo: l.contract_to, phone: l.phone_mask },
      after: { ...changed, ...(p.phone !== undefined ? { phone: maskPhone(p.phone) } : {}) },
    });
  });
  return toLawyer(await mustFindLawyer(new ScopedDb(ctx.db, actor.scope), id), ctx.clock.today());
}

/** The lawyer's full phone, to call them: audited. */
export async function revealLawyerPhone(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'legalaid.write');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const l = await mustFindLawyer(sdb, id);
  const s = await repo.lawyerPhone(sdb, id);
  await transaction(ctx, (trx) =>
    appendAudit(trx, ctx.clock, actor, {
      action: 'legal_lawyer.read_personal',
      entityType: 'legal_lawyer',
      entityId: id,
      orgPath: l.org_path,
      chain: l.province_code,
      after: { fields: ['phone'] },
    }),
  );
  return { id, name: l.name, phone: ctx.crypto.decryptNullable(s?.phone_enc) };
}
