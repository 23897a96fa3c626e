/**
 * Which policy version is in force for an organisation node on a date (ARCHITECTURE.md convention 8: policies
 * per organisation node, per effective date; DOMAIN.md: "the 低保 line, the multiples and amounts are data: per
 * organisation node, per year, with an effective date").
 *
 * Semantics:
 * - `chain` runs from the node up to the root, nearest first; each entry lists that node's own versions.
 * - At each node, the entries with effectiveFrom ≤ date are considered and the latest effectiveFrom wins
 *   (same date: the higher `version`, a correction issued later; a version beats a revert marker).
 * - The nearest node with a version in force wins, even when an ancestor has a newer version: a locality that
 *   sets its own 低保 line keeps it until it issues a new one. Before a node's first version takes effect, the
 *   node inherits from its parent.
 * - A node returns to inheriting by publishing a revert marker `{ effectiveFrom, revert: true }`: from that
 *   date its older versions no longer apply and the search continues with the parent.
 * - Nothing in force anywhere up the chain: POLICY_NOT_FOUND.
 * The answer carries the trail of nodes looked at, for the clerk and the auditor.
 */
import type { Bilingual } from './household.js';

export interface Versioned {
  policyId: string;
  version: number;
  effectiveFrom: string;
}

/** From this date the node stops overriding and inherits from its parent again. */
export interface PolicyRevert {
  effectiveFrom: string;
  revert: true;
}

export interface NodePolicies<P extends Versioned> {
  nodeId: string | number;
  versions: readonly (P | PolicyRevert)[];
}

export type ResolvedPolicy<P extends Versioned> =
  | { ok: true; policy: P; nodeId: string | number; inherited: boolean; trail: Bilingual[] }
  | { ok: false; code: 'POLICY_NOT_FOUND'; zh: string; en: string; trail: Bilingual[] };

const isRevert = (v: Versioned | PolicyRevert): v is PolicyRevert => 'revert' in v && v.revert === true;

/** The entry in force at one node on a date, or null when none has started. */
function inForce<P extends Versioned>(versions: readonly (P | PolicyRevert)[], date: string): P | PolicyRevert | null {
  let best: P | PolicyRevert | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > date) continue;
    if (best === null || v.effectiveFrom > best.effectiveFrom) {
      best = v;
      continue;
    }
    if (v.effectiveFrom < best.effectiveFrom || isRevert(v)) continue;
    if (isRevert(best) || v.version > best.version) best = v;
  }
  return best;
}

export function resolvePolicy<P extends Versioned>(chain: readonly NodePolicies<P>[], date: string): ResolvedPolicy<P> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`date must be YYYY-MM-DD: ${date}`);
  const trail: Bilingual[] = [];
  for (const [depth, node] of chain.entries()) {
    const v = inForce(node.versions, date);
    if (v === null) {
      trail.push({
        zh: `节点${node.nodeId}在${date}没有生效的政策，沿用上级`,
        en: `node ${node.nodeId} has no version in force on ${date}: inherits from its parent`,
      });
      continue;
    }
    if (isRevert(v)) {
      trail.push({
        zh: `节点${node.nodeId}自${v.effectiveFrom}起恢复沿用上级政策`,
        en: `node ${node.nodeId} inherits from its parent again since ${v.effectiveFrom}`,
      });
      continue;
    }
    trail.push({
      zh: `采用节点${node.nodeId}的政策${v.policyId}第${v.version}版（${v.effectiveFrom}起生效）`,
      en: `uses node ${node.nodeId}'s policy ${v.policyId} version ${v.version} (in force since ${v.effectiveFrom})`,
    });
    return { ok: true, policy: v, nodeId: node.nodeId, inherited: depth > 0, trail };
  }
  return {
    ok: false,
    code: 'POLICY_NOT_FOUND',
    zh: `${date}没有适用的帮扶认定政策`,
    en: `No eligibility policy is in force on ${date}`,
    trail,
  };
}
