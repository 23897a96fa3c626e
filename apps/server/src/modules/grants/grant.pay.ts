import { grantStatuses } from '@bangfu/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { fundAt } from '../funds/funds.repository.js';
import { assertFundServes, postEntry } from '../funds/ledger.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './grants.repository.js';

export type Signature = { signedName: string; signedOn: string; cadre: string; photoAttachmentId?: number };

export const grantStatusZh = (s: string) => grantStatuses.zh[s as keyof typeof grantStatuses.zh] ?? s;

/** Who pays: the node, its fund, the programme, and what the ledger entry refers to. */
export interface Payer {
  orgId: number;
  fundId: number | null;
  programme: string;
  ref: { type: 'batch' | 'application'; id: number };
}

/**
 * Pay grants from the payer's fund at the payer's node: one ledger entry, a debit to the programme's expense
 * per grant (each line names its grant, so every 元 traces to its recipient) and one credit to the special
 * account. The ledger refuses an overdraft; a restricted fund pays only its programme. The grants move
 * approved → paid first (a grant another transaction paid or failed does not move, and nothing is posted), and
 * their households' 最近帮扶 date is set.
 */
export async function payGrants(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  payer: Payer,
  grants: repo.GrantRow[],
  memo: string,
) {
  if (grants.length === 0) return null;
  if (payer.fundId === null) throw new AppError('GRANT_FUND_REQUIRED', {});
  const sdb = new ScopedDb(trx, actor.scope);
  const node = await orgRepo.findActiveOrThrow(sdb, payer.orgId);
  const fund = await fundAt(sdb, payer.fundId, node.id);
  if (!fund) throw new AppError('FUND_NOT_FOUND', { id: payer.fundId });
  assertFundServes(fund, payer.programme);
  const total = grants.reduce((s, g) => s + Number(g.amount_fen), 0);
  const now = ctx.clock.now().toISOString();
  const ids = grants.map((g) => Number(g.id));
  const moved = await repo.moveGrants(trx, ids, 'approved', { status: 'paid', paid_at: now, updated_at: now });
  if (moved !== ids.length) throw new AppError('GRANT_BAD_STATUS', { status: grantStatusZh('paid') });
  const entryId = await postEntry(trx, ctx.clock, actor, {
    node,
    kind: 'payment',
    memo,
    ref: payer.ref,
    lines: [
      ...grants.map((g) => ({
        node,
        fund,
        kind: 'expense' as const,
        programme: payer.programme,
        debitFen: Number(g.amount_fen),
        grantId: Number(g.id),
      })),
      { node, fund, kind: 'cash' as const, creditFen: total },
    ],
  });
  await repo.setGrants(trx, ids, { ledger_entry_id: entryId });
  await repo.markAssisted(
    trx,
    grants.map((g) => Number(g.household_id)),
    now,
  );
  return { entryId, totalFen: total };
}

/** A payment that did not go through (the bank's refusal, nobody came): approved → failed, with the reason. */
export async function failGrants(trx: Db, ids: number[], reason: string, now: string) {
  const moved = await repo.moveGrants(trx, ids, 'approved', {
    status: 'failed',
    failure_reason: reason,
    updated_at: now,
  });
  if (moved !== ids.length) throw new AppError('GRANT_BAD_STATUS', { status: grantStatusZh('failed') });
}

/** Cash is paid only against the recipient's own signature (不得代领). */
export function checkSignature(g: repo.GrantRow, signature?: Signature) {
  if (g.method !== 'cash') return null;
  if (!signature) throw new AppError('GRANT_SIGNATURE_REQUIRED', {});
  if (signature.signedName.replace(/\s/g, '') !== g.recipient_name.replace(/\s/g, ''))
    throw new AppError('GRANT_PROXY_REFUSED', { name: g.recipient_name });
  return JSON.stringify(signature);
}
