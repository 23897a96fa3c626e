import type { ArchiveSettings } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './archive.settings.repository.js';

/** Seed 000 第四篇: a 7-day notice; at least one review a year (《困难职工档案管理办法》). */
export const DEFAULT_SETTINGS: ArchiveSettings = { noticeDays: 7, reviewMonths: 12, renoticeGradeChange: false };

/** The settings in force at a node: its own, else the nearest ancestor's, else the defaults. */
export async function settingsAt(db: Db, orgPath: string): Promise<ArchiveSettings & { definedAt: number | null }> {
  const ids = orgPath.split('/').filter(Boolean).map(Number);
  const rows = await repo.settingsOnPath(db, ids);
  for (const id of ids.reverse()) {
    const r = rows.find((x) => Number(x.org_id) === id);
    if (r)
      return {
        noticeDays: r.notice_days,
        reviewMonths: r.review_months,
        renoticeGradeChange: r.renotice_grade_change === 1,
        definedAt: id,
      };
  }
  return { ...DEFAULT_SETTINGS, definedAt: null };
}

export async function getSettings(ctx: AppContext, actor: Actor, orgId: number) {
  require(actor, 'archive.read');
  const org = await orgRepo.findActiveOrThrow(new ScopedDb(ctx.db, actor.scope), orgId);
  return settingsAt(ctx.db, org.path);
}

/**
 * A centre administrator sets its node's notice days, review interval and whether a grade change by a change
 * request is noticed again; the subtree inherits them.
 */
export async function putSettings(ctx: AppContext, actor: Actor, orgId: number, s: ArchiveSettings) {
  require(actor, 'policy.write');
  return transaction(ctx, async (trx) => {
    const org = await orgRepo.findActiveOrThrow(new ScopedDb(trx, actor.scope), orgId);
    const before = await settingsAt(trx, org.path);
    const now = ctx.clock.now().toISOString();
    await repo.upsertSettings(trx, org.id, s, now);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'archive.settings',
      entityType: 'org',
      entityId: org.id,
      orgPath: org.path,
      chain: org.province_code,
      before,
      after: s,
    });
    return { ...s, definedAt: org.id };
  });
}
