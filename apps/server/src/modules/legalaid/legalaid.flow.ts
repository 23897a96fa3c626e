import { type LegalAidStep, legalAidActions, legalAidStatuses } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { ScopedDb } from '../../platform/db/scoped.js';
import { caseTransition } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './legalaid.repository.js';

const stepEn: Record<LegalAidStep, string> = {
  register: 'register it',
  attach: 'attach evidence',
  decide: 'decide it',
  assign: 'assign it',
  step: 'record a step',
  step_result: 'record a result',
  mediation: 'record the mediation',
  agreement: 'record the agreement',
  close: 'close it',
  withdraw: 'withdraw it',
};
const zh = (list: { zh: object }, code: string) => (list.zh as Record<string, string>)[code] ?? code;
export const stepDetails = (step: LegalAidStep) => ({ step: zh(legalAidActions, step), stepEn: stepEn[step] });

export async function mustFindApplication(sdb: ScopedDb, id: number) {
  const a = await repo.findById(sdb, id);
  if (!a) throw new AppError('LEGAL_AID_NOT_FOUND', { id });
  return a;
}

export function badStatus(a: { status: string }, step: LegalAidStep) {
  return new AppError('LEGAL_AID_BAD_STATUS', { status: zh(legalAidStatuses, a.status), ...stepDetails(step) });
}

export function mustBeIn(a: repo.ApplicationRow, statuses: readonly string[], step: LegalAidStep) {
  if (!statuses.includes(a.status)) throw badStatus(a, step);
}

export interface Decision {
  patch: repo.ApplicationPatch;
  note?: string | null;
  data?: Record<string, unknown>;
  /** Extra writes in the same transaction (a case step, an attachment, a step's result). */
  also?: (trx: Db) => Promise<void>;
}

/**
 * One step on an application, through the shared `caseTransition` (platform/db/versioned.ts): row lock, scoped
 * re-read, `decide` (throws the refusal), conditional update on status + version (the losers of a race get
 * LEGAL_AID_BAD_STATUS), then the history entry and the audit entry, all in one transaction.
 */
export function transition(
  ctx: AppContext,
  actor: Actor,
  id: number,
  step: LegalAidStep,
  decide: (a: repo.ApplicationRow, sdb: ScopedDb, trx: Db) => Promise<Decision> | Decision,
) {
  return caseTransition(ctx, actor, {
    table: 'legal_aid_application',
    id,
    find: (sdb) => repo.findById(sdb, id),
    notFound: () => new AppError('LEGAL_AID_NOT_FOUND', { id }),
    decide,
    patch: (_a, d, now) => ({ ...d.patch, updated_at: now }),
    conflict: (current) => badStatus(current, step),
    record: async (trx, a, d, { now }) => {
      await d.also?.(trx);
      const toStatus = d.patch.status ?? a.status;
      await repo.insertStep(trx, {
        org_id: Number(a.org_id),
        org_path: a.org_path,
        province_code: a.province_code,
        application_id: id,
        entry: 'history',
        action: step,
        step_kind: null,
        step_on: null,
        what: d.note ?? null,
        result: null,
        result_at: null,
        at: now,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        data_json: JSON.stringify({ from: a.status, to: toStatus, ...(d.data ?? {}) }),
      });
      await appendAudit(trx, ctx.clock, actor, {
        action: `legal_aid.${step}`,
        entityType: 'legal_aid_application',
        entityId: id,
        orgPath: a.org_path,
        chain: a.province_code,
        before: { status: a.status },
        after: { status: toStatus, ...(d.note ? { note: d.note } : {}), ...(d.data ?? {}) },
      });
      return {
        id,
        appNo: a.app_no,
        status: toStatus,
        statusLabel: zh(legalAidStatuses, toStatus),
        version: a.version + 1,
      };
    },
  });
}
