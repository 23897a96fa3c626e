import type { ServiceDeskSettings } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './servicedesk.repository.js';
import { DEFAULT_SERVICE_DESK_SETTINGS } from './servicedesk.rules.js';

/** The deadlines in force at a node: its own, else the nearest ancestor's, else the defaults. */
export async function deskSettingsAt(
  db: Db,
  orgPath: string,
): Promise<ServiceDeskSettings & { definedAt: number | null }> {
  const ids = orgPath.split('/').filter(Boolean).map(Number);
  const rows = await repo.settingsOnPath(db, ids);
  for (const id of ids.reverse()) {
    const r = rows.find((x) => Number(x.org_id) === id);
    if (r)
      return {
        generalDays: r.general_days,
        difficultDays: r.difficult_days,
        complexDays: r.complex_days,
        dueSoonDays: r.due_soon_days,
        repeatWindowDays: r.repeat_window_days,
        definedAt: id,
      };
  }
  return { ...DEFAULT_SERVICE_DESK_SETTINGS, definedAt: null };
}

export async function getDeskSettings(ctx: AppContext, actor: Actor, orgId: number) {
  require(actor, 'servicedesk.read');
  const org = await orgRepo.findActiveOrThrow(new ScopedDb(ctx.db, actor.scope), orgId);
  return deskSettingsAt(ctx.db, org.path);
}

/** The node's leaders set its deadlines; the subtree inherits them. Orders already registered keep their due date. */
export async function putDeskSettings(ctx: AppContext, actor: Actor, orgId: number, s: ServiceDeskSettings) {
  require(actor, 'servicedesk.supervise');
  return transaction(ctx, async (trx) => {
    const org = await orgRepo.findActiveOrThrow(new ScopedDb(trx, actor.scope), orgId);
    const before = await deskSettingsAt(trx, org.path);
    await repo.upsertSettings(trx, org.id, s, ctx.clock.now().toISOString());
    await appendAudit(trx, ctx.clock, actor, {
      action: 'servicedesk.settings',
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
