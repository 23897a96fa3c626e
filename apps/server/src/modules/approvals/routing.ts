import { approvalLevelFor, stricter } from '@bangfu/policy';
import type { Db } from '../../platform/db/connect.js';
import { approvalChainAt } from '../programmes/programmes.service.js';
import { ancestorsForRouting } from './approvals.repository.js';

/**
 * Who must decide an amount at a node: the stricter of the level of the node's approval chain (seed 000 第三篇 by
 * default) the amount reaches and the level the rule names when that level is one of the chain's (seed 000 第三十条
 * 「報幫扶中心委員會審批」: the committee whatever the amount), at the node itself; an escalation a rule names
 * beyond the node (province, national union) moves the decision to that ancestor.
 */
export async function approvalTarget(
  db: Db,
  node: { id: number; path: string },
  amountFen: number,
  date: string,
  escalation?: { level: string; beyondLocal: boolean } | null,
) {
  const { chain, version } = await approvalChainAt(db, node.path, date);
  const decision = approvalLevelFor(amountFen, chain);
  let orgId = node.id;
  let level = decision.level.id;
  let label = decision.level.zh;
  let step = decision.step;
  const named = escalation ? chain.find((l) => l.id === escalation.level) : undefined;
  if (named && stricter(chain, named, decision.level) === named && named.id !== decision.level.id) {
    level = named.id;
    label = named.zh;
    step = {
      ...decision.step,
      zh: `${decision.step.zh}；本项规定由${named.zh}决定，从严`,
      en: `${decision.step.en}; the rule names ${named.en}, the stricter, so it decides`,
      data: { ...decision.step.data, level: named.id, byAmount: decision.level.id },
    };
  }
  if (escalation?.beyondLocal && (escalation.level === 'province' || escalation.level === 'national')) {
    const ids = node.path.split('/').filter(Boolean).map(Number);
    // The ancestors are read to route the decision upward, whoever asks (not a listing of the tree).
    const ancestors = await ancestorsForRouting(db, ids);
    const wanted = escalation.level === 'national' ? 'national' : 'province';
    const target = ancestors.find((a) => a.type === wanted);
    if (target) orgId = Number(target.id);
    level = escalation.level;
    label = escalation.level === 'national' ? '全国总工会' : '省总工会';
  }
  return { orgId, level, label, chainVersion: version, step };
}
