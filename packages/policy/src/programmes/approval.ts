/**
 * Approval by amount as data (DOMAIN.md "Money"): an ordered list of levels, each reached from an amount on,
 * with its boundary inclusive or not, so a node can adjust the numbers and the boundaries without code.
 * `approvalLevelFor(amountFen, chain)` returns the deciding level (the highest reached) and its countersigners.
 *
 * The same shape carries seed 004 篇一's escalation of medical relief (local → 省总 → 全总) and seed 000 第三篇
 * 第二十六条's expenditure chain (组长 → 领导组 → 委员会); their defaults live with their templates.
 */
import { z } from 'zod';
import type { Bilingual } from '../household.js';
import { formatYuan } from '../money.js';
import type { Escalation, EscalationLevel, ProgrammeStep } from './types.js';
import { yuan } from './types.js';

const fen = z.number().int().min(0).max(99_999_999_999);

export const ApprovalLevelSchema = z.object({
  id: z.string().min(1).max(40),
  zh: z.string().min(1).max(60),
  en: z.string().min(1).max(120),
  /** The amount (分) from which this level decides. */
  fromFen: fen,
  /** true: the amount fromFen itself needs this level (以上 / 含); false: only amounts above it (超过). */
  fromInclusive: z.boolean(),
  /** Ids of lower levels that still sign a decision of this level (e.g. 组长签字). */
  countersign: z.array(z.string().min(1).max(40)).max(10).default([]),
  /** This level belongs to the organisation node that computes (false: a higher union, e.g. 省总, must approve). */
  local: z.boolean().default(true),
});
export type ApprovalLevel = z.output<typeof ApprovalLevelSchema>;

export const ApprovalChainSchema = z
  .array(ApprovalLevelSchema)
  .min(1)
  .max(10)
  .superRefine((levels, ctx) => {
    const first = levels[0];
    if (first && (first.fromFen !== 0 || !first.fromInclusive)) {
      ctx.addIssue({ code: 'custom', message: 'the first level must start at 0 inclusive (every amount has a level)' });
    }
    const ids = new Set<string>();
    levels.forEach((l, i) => {
      if (ids.has(l.id)) ctx.addIssue({ code: 'custom', message: `duplicate level id ${l.id}`, path: [i, 'id'] });
      ids.add(l.id);
      const prev = levels[i - 1];
      if (prev && !startsAfter(l, prev)) {
        ctx.addIssue({ code: 'custom', message: `level ${l.id} must start above ${prev.id}`, path: [i, 'fromFen'] });
      }
      for (const c of l.countersign) {
        if (!levels.slice(0, i).some((x) => x.id === c)) {
          ctx.addIssue({ code: 'custom', message: `countersign ${c} is not a lower level`, path: [i, 'countersign'] });
        }
      }
    });
  });
export type ApprovalChain = z.output<typeof ApprovalChainSchema>;

/** Level b starts strictly after level a: from a higher amount, or from the same amount that a includes and b does not. */
function startsAfter(b: ApprovalLevel, a: ApprovalLevel): boolean {
  if (b.fromFen > a.fromFen) return true;
  return b.fromFen === a.fromFen && a.fromInclusive && !b.fromInclusive;
}

export function reaches(amountFen: number, level: ApprovalLevel): boolean {
  return level.fromInclusive ? amountFen >= level.fromFen : amountFen > level.fromFen;
}

export interface ApprovalDecision {
  level: ApprovalLevel;
  /** The deciding level first, then its countersigners. */
  required: EscalationLevel[];
  beyondLocal: boolean;
  step: ProgrammeStep;
}

const boundText = (l: ApprovalLevel): Bilingual =>
  l.fromInclusive
    ? { zh: `${yuan(l.fromFen)}以上（含）`, en: `from ${formatYuan(l.fromFen)} inclusive` }
    : { zh: `超过${yuan(l.fromFen)}`, en: `above ${formatYuan(l.fromFen)}` };

const notReached = (l: ApprovalLevel): Bilingual =>
  l.fromInclusive
    ? { zh: `未达${yuan(l.fromFen)}`, en: `below ${formatYuan(l.fromFen)}` }
    : { zh: `未超过${yuan(l.fromFen)}`, en: `not above ${formatYuan(l.fromFen)}` };

/** The level that must decide an amount, by the chain: the highest level the amount reaches. */
export function approvalLevelFor(amountFen: number, chain: ApprovalChain, rule = 'approval'): ApprovalDecision {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0)
    throw new RangeError(`amount must be integer 分 ≥ 0: ${amountFen}`);
  let level = chain[0];
  if (!level) throw new RangeError('empty approval chain');
  for (const l of chain) if (reaches(amountFen, l)) level = l;
  const by = new Map(chain.map((l) => [l.id, l]));
  const required: EscalationLevel[] = [level, ...level.countersign.map((id) => by.get(id)!)].map((l) => ({
    id: l.id,
    zh: l.zh,
    en: l.en,
  }));
  const next = chain[chain.indexOf(level) + 1];
  const b = boundText(level);
  const counter = required.slice(1);
  const step: ProgrammeStep = {
    rule,
    kind: 'escalation',
    zh: `金额${yuan(amountFen)}（${b.zh}${next ? `，${notReached(next).zh}` : ''}）由${level.zh}决定${counter.length ? `，${counter.map((c) => c.zh).join('、')}签字` : ''}`,
    en: `Amount ${formatYuan(amountFen)} (${b.en}${next ? `; ${notReached(next).en}` : ''}) is decided by ${level.en}${counter.length ? `, signed by ${counter.map((c) => c.en).join(', ')}` : ''}`,
    data: { amountFen, level: level.id, fromFen: level.fromFen, fromInclusive: level.fromInclusive },
  };
  return { level, required, beyondLocal: !level.local, step };
}

export function toEscalation(d: ApprovalDecision, amountFen: number, reason: Bilingual): Escalation {
  return {
    level: d.level.id,
    label: { zh: d.level.zh, en: d.level.en },
    required: d.required,
    amountFen,
    beyondLocal: d.beyondLocal,
    reason,
  };
}

/** The stricter of two decisions on the same chain (the later level in the chain). */
export function stricter(chain: ApprovalChain, a: ApprovalLevel, b: ApprovalLevel): ApprovalLevel {
  return chain.findIndex((l) => l.id === a.id) >= chain.findIndex((l) => l.id === b.id) ? a : b;
}

/**
 * A decision by amount combined with a route a rule requires whatever the amount (e.g. seed 000 第三十条:
 * "由困難幫扶領導組研究,報幫扶中心委員會審批"): the stricter of the two decides; every level of the route and the
 * deciding level's countersigners are required.
 */
export function approvalWithRoute(
  amountFen: number,
  chain: ApprovalChain,
  route: readonly string[],
  rule = 'approval',
): ApprovalDecision {
  const byAmount = approvalLevelFor(amountFen, chain, rule);
  if (route.length === 0) return byAmount;
  const by = new Map(chain.map((l) => [l.id, l]));
  const routeLevels = route.map((id) => {
    const l = by.get(id);
    if (!l) throw new RangeError(`route level ${id} is not in the chain`);
    return l;
  });
  const level = routeLevels.reduce((acc, l) => stricter(chain, acc, l), byAmount.level);
  const ids = [level.id, ...level.countersign, ...route].filter((id, i, all) => all.indexOf(id) === i);
  const required = ids.map((id) => by.get(id)!).map((l) => ({ id: l.id, zh: l.zh, en: l.en }));
  const routeZh = routeLevels.map((l) => l.zh).join('→');
  const routeEn = routeLevels.map((l) => l.en).join(' → ');
  return {
    level,
    required,
    beyondLocal: required.some((r) => !by.get(r.id)!.local),
    step: {
      ...byAmount.step,
      zh: `${byAmount.step.zh}；本项规定须经${routeZh}，由${level.zh}决定`,
      en: `${byAmount.step.en}; this rule requires ${routeEn}, so ${level.en} decides`,
      data: { ...byAmount.step.data, level: level.id, byAmount: byAmount.level.id, route: route.join('>') },
    },
  };
}
