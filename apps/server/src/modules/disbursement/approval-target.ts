import { approvalLevelFor, stricter } from '@bangfu/policy';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/connect.js';
import { type ScopedDb, systemSelect } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { approvalChainAt } from '../programmes/programmes.service.js';
import { insertApproval } from './batch.repository.js';

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
    const ancestors = await systemSelect(db, 'org_node', 'approval-routing')
      .select(['id', 'type'])
      .where('id', 'in', ids)
      .execute();
    const wanted = escalation.level === 'national' ? 'national' : 'province';
    const target = ancestors.find((a) => a.type === wanted);
    if (target) orgId = Number(target.id);
    level = escalation.level;
    label = escalation.level === 'national' ? '全国总工会' : '省总工会';
  }
  return { orgId, level, label, chainVersion: version, step };
}

/**
 * Maker-checker and the deciding node: whoever created, computed or submitted the subject (the proposer, and
 * `others`: the submitters, a campaign's organiser) never decides it; the decision belongs to the node the amount
 * requires.
 */
export async function assertMayDecide(
  sdb: ScopedDb,
  actor: Actor,
  subject: { created_by: number | null; required_org_id: number | null; required_level: string | null },
  others: (number | null)[] = [],
) {
  const makers = [subject.created_by, ...others].filter((x): x is number => x !== null).map(Number);
  if (actor.userId !== null && makers.includes(actor.userId)) throw new AppError('MAKER_CHECKER', {});
  if (!actor.system && subject.required_org_id !== null && Number(subject.required_org_id) !== actor.scope.orgId) {
    // The deciding node may be above the caller (a province): its name is shown, nothing else of it.
    const org = await systemSelect(sdb.db, 'org_node', 'approval-routing')
      .select('name')
      .where('id', '=', Number(subject.required_org_id))
      .executeTakeFirst();
    throw new AppError('APPROVAL_WRONG_NODE', {
      org: org?.name ?? String(subject.required_org_id),
      level: subject.required_level ?? '',
    });
  }
}

/** Separation of duties for money: whoever proposed, submitted or approved an item does not also pay it. */
export function assertIndependentPayer(actor: Actor, involved: (number | null)[]) {
  if (actor.userId === null) return;
  if (involved.some((x) => x !== null && Number(x) === actor.userId)) throw new AppError('PAYER_NOT_INDEPENDENT', {});
}

/** One step of an approval's history (submit, approve, reject, comment), kept with its subject. */
export function recordStep(
  trx: Db,
  actor: Actor,
  subject: {
    type: 'batch' | 'application';
    id: number;
    org: { org_id: number; org_path: string; province_code: string };
  },
  step: { level: string; decision: string; comment: string | null; at: string },
) {
  return insertApproval(trx, {
    org_id: Number(subject.org.org_id),
    org_path: subject.org.org_path,
    province_code: subject.org.province_code,
    subject_type: subject.type,
    subject_id: subject.id,
    level: step.level,
    decision: step.decision,
    comment: step.comment,
    actor_id: actor.userId,
    actor_name: actor.displayName,
    at: step.at,
  });
}
