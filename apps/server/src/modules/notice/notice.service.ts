import type { MoneyNotice, NoticeSubjectType, ObjectionInputSchema, OpenNoticeSchema } from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { lockRow } from '../../platform/db/row-lock.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { settingsAt } from '../archive/archive.settings.js';
import { addDays } from '../goods/goods.rules.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './notice.repository.js';
import { loadSubject, maskIdLast4, maskName, type NoticeSubject, unitNames } from './notice.subjects.js';

const stateOf = (n: repo.NoticeRow, today: string) =>
  today < n.starts_on ? 'scheduled' : today > n.ends_on ? 'ended' : 'running';

/** 名单公示: the subject's notice (period and state by the server's calendar), masked recipients, objections. */
export async function getNotice(
  ctx: AppContext,
  actor: Actor,
  type: NoticeSubjectType,
  id: number,
): Promise<MoneyNotice> {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const s = await loadSubject(sdb, type, id);
  const n = await repo.findNotice(sdb, type, id);
  const recipients = await s.recipients();
  const units = await unitNames(sdb, [...new Set(recipients.map((r) => r.orgId))]);
  const org = await orgRepo.findById(sdb, Number(s.node.org_id));
  const objections = n ? await repo.objectionsOf(sdb, Number(n.id)) : [];
  return {
    subjectType: type,
    subjectId: id,
    title: s.title,
    orgName: org?.name ?? '',
    programme: s.programme,
    notice: n
      ? {
          id: Number(n.id),
          startsOn: n.starts_on,
          days: n.days,
          endsOn: n.ends_on,
          state: stateOf(n, ctx.clock.today()),
          openedByName: n.opened_by_name,
        }
      : null,
    defaultDays: (await settingsAt(ctx.db, s.node.org_path)).noticeDays,
    totalFen: recipients.reduce((t, r) => t + r.amountFen, 0),
    rows: recipients.map((r, i) => ({
      seq: i + 1,
      name: maskName(r.name),
      idMasked: maskIdLast4(r.idMask),
      unit: units.get(r.orgId) ?? '',
      amountFen: r.amountFen,
    })),
    objections: objections.map((o) => ({
      id: Number(o.id),
      raisedBy: o.raised_by,
      text: o.text,
      raisedOn: o.raised_on,
      recordedByName: o.recorded_by_name,
      status: o.status as 'open' | 'verified',
      finding: o.finding,
      verifiedByName: o.verified_by_name,
      verifiedAt: o.verified_at,
    })),
  };
}

/** Every step: the proposing right, one transaction, the subject's row locked first (then the notice). */
async function step<T>(
  ctx: AppContext,
  actor: Actor,
  type: NoticeSubjectType,
  id: number,
  fn: (trx: Db, sdb: ScopedDb, s: NoticeSubject, now: string) => Promise<T>,
) {
  require(actor, 'assistance.propose');
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const s = await loadSubject(sdb, type, id);
    await lockRow(trx, s.table, id);
    return fn(trx, sdb, s, ctx.clock.now().toISOString());
  });
}

const audit = (s: NoticeSubject, action: string, entityId: number, after: Record<string, unknown>) => ({
  action,
  entityType: 'money_notice',
  entityId,
  orgPath: s.node.org_path,
  chain: s.node.province_code,
  after: { subjectType: s.type, subjectId: s.id, ...after },
});

/** Open the notice from a day (default today) for its days (default the node's archive notice days). One per subject. */
export function openNotice(
  ctx: AppContext,
  actor: Actor,
  type: NoticeSubjectType,
  id: number,
  input: z.infer<typeof OpenNoticeSchema>,
) {
  return step(ctx, actor, type, id, async (trx, sdb, s, now) => {
    const existing = await repo.findNotice(sdb, type, id);
    if (existing) throw new AppError('MONEY_NOTICE_EXISTS', { startsOn: existing.starts_on, days: existing.days });
    const startsOn = input.startsOn ?? ctx.clock.today();
    const days = input.days ?? (await settingsAt(trx, s.node.org_path)).noticeDays;
    const row = {
      org_id: Number(s.node.org_id),
      org_path: s.node.org_path,
      province_code: s.node.province_code,
      subject_type: type,
      subject_id: id,
      starts_on: startsOn,
      days,
      ends_on: addDays(startsOn, days - 1),
      opened_by: actor.userId,
      opened_by_name: actor.displayName,
      opened_at: now,
    };
    const noticeId = await repo.insertNotice(trx, row);
    await appendAudit(trx, ctx.clock, actor, audit(s, 'money_notice.open', noticeId, { startsOn, days }));
    return { id: noticeId, startsOn, days, endsOn: row.ends_on };
  });
}

/** Record an objection raised during the notice (on a day of it, not later than today): it blocks the decision. */
export function recordObjection(
  ctx: AppContext,
  actor: Actor,
  type: NoticeSubjectType,
  id: number,
  input: z.infer<typeof ObjectionInputSchema>,
) {
  return step(ctx, actor, type, id, async (trx, sdb, s, now) => {
    const n = await repo.findNotice(sdb, type, id);
    const today = ctx.clock.today();
    const raisedOn = input.raisedOn ?? today;
    if (!n || raisedOn < n.starts_on || raisedOn > n.ends_on || raisedOn > today || today < n.starts_on)
      throw new AppError('MONEY_NOTICE_NOT_OPEN', { startsOn: n?.starts_on ?? '—', endsOn: n?.ends_on ?? '—' });
    await repo.lockNotice(trx, Number(n.id));
    const objectionId = await repo.insertObjection(trx, {
      org_id: Number(n.org_id),
      org_path: n.org_path,
      province_code: n.province_code,
      notice_id: Number(n.id),
      raised_by: input.raisedBy,
      text: input.text,
      raised_on: raisedOn,
      recorded_by: actor.userId,
      recorded_by_name: actor.displayName,
      recorded_at: now,
      status: 'open',
      finding: null,
      verified_by: null,
      verified_by_name: null,
      verified_at: null,
    });
    await appendAudit(
      trx,
      ctx.clock,
      actor,
      audit(s, 'money_notice.objection', Number(n.id), { objectionId, raisedBy: input.raisedBy, raisedOn }),
    );
    return { id: objectionId };
  });
}

/** Verify an objection with the finding (核实情况): once; the decision may then go ahead. */
export function verifyObjection(
  ctx: AppContext,
  actor: Actor,
  type: NoticeSubjectType,
  id: number,
  objectionId: number,
  finding: string,
) {
  return step(ctx, actor, type, id, async (trx, sdb, s, now) => {
    const n = await repo.findNotice(sdb, type, id);
    const o = await repo.findObjection(sdb, objectionId);
    if (!n || !o || Number(o.notice_id) !== Number(n.id)) throw new AppError('MONEY_OBJECTION_NOT_FOUND', {});
    await repo.lockNotice(trx, Number(n.id));
    const done = await repo.verifyObjection(trx, objectionId, {
      finding,
      verified_by: actor.userId,
      verified_by_name: actor.displayName,
      verified_at: now,
    });
    if (!done) throw new AppError('MONEY_OBJECTION_BAD_STATUS', {});
    await appendAudit(trx, ctx.clock, actor, audit(s, 'money_notice.verify', Number(n.id), { objectionId, finding }));
    return { id: objectionId, status: 'verified' as const };
  });
}
