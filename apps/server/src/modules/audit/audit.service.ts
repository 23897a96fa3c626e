import type { AuditQuery, AuditVerifyResult } from '@bangfu/contracts';
import { entryHash, GENESIS_HASH } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import * as repo from './audit.repository.js';

export async function queryAudit(ctx: AppContext, actor: Actor, q: AuditQuery) {
  require(actor, 'audit.read');
  const { items, total } = await repo.query(new ScopedDb(ctx.db, actor.scope), q);
  return { items, total, limit: q.limit, offset: q.offset };
}

/**
 * Walk every chain from its first entry: sequence numbers must be contiguous, each entry must point at the
 * previous one's hash, each stored hash must match its recomputed hash, and the chain must end at the head.
 * A changed field, a deleted entry (middle or tail) or an inserted entry all show up as problems.
 */
export async function verifyAudit(db: Db, pageSize = 5000): Promise<AuditVerifyResult> {
  const result: AuditVerifyResult = { ok: true, chains: [] };
  for (const head of await repo.chains(db)) {
    const problems: { seq: number | null; problem: string }[] = [];
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let count = 0;
    let after = 0;
    for (;;) {
      const page = await repo.chainPage(db, head.chain, after, pageSize);
      for (const row of page) {
        const seq = Number(row.seq);
        if (seq !== expectedSeq) problems.push({ seq, problem: `expected seq ${expectedSeq}: entries missing` });
        if (row.prev_hash !== prevHash) problems.push({ seq, problem: 'prev_hash does not match the previous entry' });
        const { id: _id, hash, ...fields } = row;
        if (entryHash(fields) !== hash)
          problems.push({ seq, problem: 'hash does not match the content: entry altered' });
        prevHash = hash;
        expectedSeq = seq + 1;
        count++;
      }
      if (page.length < pageSize) break;
      after = Number(page[page.length - 1]?.seq);
    }
    if (head.seq === null) problems.push({ seq: null, problem: 'chain has no head record' });
    else if (head.seq !== expectedSeq - 1 || head.hash !== prevHash)
      problems.push({
        seq: head.seq,
        problem: `chain ends at seq ${expectedSeq - 1} but its head says ${head.seq}: entries deleted`,
      });
    if (problems.length) result.ok = false;
    result.chains.push({ chain: head.chain, entries: count, headHash: head.hash, problems: problems.slice(0, 100) });
  }
  return result;
}
