import type { Db } from '../../platform/db/connect.js';
import type { ScopedDb } from '../../platform/db/scoped.js';
import type { Payer } from './grant.pay.js';
import type { GrantRow } from './grants.repository.js';

/**
 * What a grant's owner (a batch, an application — later a loan or a claim) contributes when one of its grants is
 * paid, failed, re-paid or voided. Its module builds it after locking the owner's row (first in the lock order).
 */
export interface GrantOwner {
  /** Who pays: the node, the fund (an application without one takes the fund named at payment), the programme. */
  payer(fundId?: number): Payer;
  /** Who proposed, submitted or approved it: none of them pays, re-pays or voids its grants. */
  involved: (number | null)[];
  /** The node whose year budget a re-payment counts against again. */
  node: { org_id: number; org_path: string };
  /** The ledger memo of a payment of this grant. */
  memo(g: GrantRow): string;
  /** The owner's status follows its grants (a batch closes when none awaits payment; an application shows the grant's). */
  follow(trx: Db, sdb: ScopedDb, now: string): Promise<void>;
}
