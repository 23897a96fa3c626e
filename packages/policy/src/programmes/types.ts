/**
 * The shape every programme rule shares (DOMAIN.md "Assistance" and "Money"): a template is a pure function of
 * (params, input) named after its source, with the seed's numbers as default params. A computation returns the
 * amount in integer 分, whether the household qualifies, and an explanation a clerk can check by hand and an
 * auditor can replay: rule, source, inputs, every step (rates, roundings with unit and mode, caps, thresholds),
 * and which version of the params was used. Nothing here reads a clock, a database or a global: the server can
 * re-run a rule over thousands of files with changed params ("what if").
 */
import type { z } from 'zod';
import type { Bilingual } from '../household.js';
import { formatYuan } from '../money.js';
import { describeRounding, percentLabel, type Rounding, rateThenRound, roundToUnitFen } from './rounding.js';

export type ProgrammeKind =
  | 'living'
  | 'medical'
  | 'qualification'
  | 'enterprise_illness'
  | 'disaster'
  | 'mutual_medical'
  | 'rehabilitation'
  | 'winter'
  | 'holiday'
  | 'education'
  | 'approval';

export interface ProgrammeSource {
  /** Seed file number, e.g. '004'. */
  seed: string;
  /** The part of the seed, e.g. '篇一', '第三篇 第三十条'. */
  part: string;
  /** Line(s) of the seed file (1-based). */
  lines: string;
  /** The sentence implemented, in the seed's words. */
  quote: string;
}

export type StepKind =
  | 'input'
  | 'eligibility'
  | 'threshold'
  | 'rate'
  | 'rounding'
  | 'cap'
  | 'range'
  | 'tier'
  | 'stacking'
  | 'split'
  | 'escalation'
  | 'note'
  | 'result';

export interface ProgrammeStep extends Bilingual {
  /** Dotted rule id, e.g. 'seed004.p1.medical.deep.rounding'. */
  rule: string;
  kind: StepKind;
  /** The figures of the step (分, basis points, flags), for display and replay. */
  data: Record<string, number | string | boolean | null>;
}

export interface EscalationLevel extends Bilingual {
  id: string;
}

/** Who must decide: the highest body the rule sends the case to, and every sign-off it involves. */
export interface Escalation {
  /** The deciding level's id (e.g. 'province', 'committee'). */
  level: string;
  label: Bilingual;
  /** The deciding level followed by any level that countersigns (e.g. the group leader signs the group's decision). */
  required: EscalationLevel[];
  /** The amount this approval is about (may exceed the result when a raised standard is requested). */
  amountFen: number;
  /** True when a level outside the organisation node that computes must approve (e.g. 省总, 全总). */
  beyondLocal: boolean;
  reason: Bilingual;
}

export interface ParamsVersion {
  /** The adopted copy's version; null when the template's defaults were used directly. */
  version: number | null;
  effectiveFrom: string | null;
  nodeId: string | number | null;
}

export interface ComputeContext {
  paramsVersion?: Partial<ParamsVersion>;
}

export interface ProgrammeExplanation<P = unknown> {
  rule: { id: string; name: Bilingual; kind: ProgrammeKind };
  source: ProgrammeSource;
  params: ParamsVersion & { values: P };
  inputs: unknown;
  steps: ProgrammeStep[];
  /** Facts the rule needs that staff must confirm (not recorded, so assumed). */
  confirmations: Bilingual[];
  warnings: Bilingual[];
  summary: Bilingual;
  /** Where each input came from (档案 / 本系统发放记录 / 申请人填写), added by the server that gathered them. */
  sources?: { field: string; source: string; zh: string; en: string }[];
}

export interface ProgrammeResult<D = null, P = unknown> {
  templateId: string;
  eligible: boolean;
  /** Integer 分, 0 when not eligible. */
  amountFen: number;
  escalation: Escalation | null;
  /** Template-specific structured output (instalments, tiers, criteria, …). */
  detail: D;
  explanation: ProgrammeExplanation<P>;
}

export interface ProgrammeMeta {
  id: string;
  name: Bilingual;
  kind: ProgrammeKind;
  source: ProgrammeSource;
  /**
   * The rule decides eligibility only (seed 004 篇十二: the district sets the amounts after balancing): an eligible
   * result carries no amount; the deciding union sets it when approving, within `maxAmountFen` if the params have one.
   */
  amountAtDecision?: boolean;
}

export interface ProgrammeTemplate<PS extends z.ZodType = z.ZodType, IS extends z.ZodType = z.ZodType, D = unknown>
  extends ProgrammeMeta {
  /** The params with the seed's numbers as defaults: paramsSchema.parse({}) gives the template as written. */
  paramsSchema: PS;
  inputSchema: IS;
  defaults: z.output<PS>;
  compute(params: z.output<PS>, input: z.output<IS>, ctx?: ComputeContext): ProgrammeResult<D, z.output<PS>>;
}

export const yuan = (fen: number): string => `${formatYuan(fen)}元`;

/** Collects the steps of one computation; helpers compute and record in one call. */
export class Trace {
  readonly steps: ProgrammeStep[] = [];
  readonly confirmations: Bilingual[] = [];
  readonly warnings: Bilingual[] = [];

  constructor(readonly ruleId: string) {}

  add(rule: string, kind: StepKind, zh: string, en: string, data: ProgrammeStep['data'] = {}): void {
    this.steps.push({ rule: `${this.ruleId}.${rule}`, kind, zh, en, data });
  }

  /** amount × rate, rounded once to the rounding's unit. */
  rate(rule: string, label: Bilingual, baseFen: number, rateBp: number, rounding: Rounding): number {
    const out = rateThenRound(baseFen, rateBp, rounding);
    const r = describeRounding(rounding);
    const pct = percentLabel(rateBp);
    this.add(
      rule,
      'rate',
      `${label.zh}${yuan(baseFen)} × ${pct}，${r.zh}，得${yuan(out)}`,
      `${label.en} ${formatYuan(baseFen)} × ${pct}, rounded ${r.en}: ${formatYuan(out)}`,
      { baseFen, rateBp, unitFen: rounding.unitFen, mode: rounding.mode, resultFen: out },
    );
    return out;
  }

  round(rule: string, fen: number, rounding: Rounding): number {
    const out = roundToUnitFen(fen, rounding.unitFen, rounding.mode);
    const r = describeRounding(rounding);
    this.add(
      rule,
      'rounding',
      `${yuan(fen)}${r.zh}，得${yuan(out)}`,
      `${formatYuan(fen)} rounded ${r.en}: ${formatYuan(out)}`,
      {
        beforeFen: fen,
        unitFen: rounding.unitFen,
        mode: rounding.mode,
        afterFen: out,
      },
    );
    return out;
  }

  /** min(fen, capFen), recorded whether or not the cap bites. */
  cap(rule: string, label: Bilingual, fen: number, capFen: number): number {
    const applied = fen > capFen;
    const out = applied ? capFen : fen;
    this.add(
      rule,
      'cap',
      applied
        ? `${yuan(fen)}超过${label.zh}${yuan(capFen)}，按${yuan(capFen)}`
        : `${yuan(fen)}未超过${label.zh}${yuan(capFen)}`,
      applied
        ? `${formatYuan(fen)} is above ${label.en} ${formatYuan(capFen)}: capped to ${formatYuan(capFen)}`
        : `${formatYuan(fen)} is within ${label.en} ${formatYuan(capFen)}`,
      { beforeFen: fen, capFen, applied, afterFen: out },
    );
    return out;
  }

  /** Compare a figure with a threshold; `crossed` is the qualifying side. */
  threshold(rule: string, label: Bilingual, actualFen: number, comparison: Comparison, valueFen: number): boolean {
    const crossed = compare(actualFen, comparison, valueFen);
    const c = COMPARISON_TEXT[comparison];
    this.add(
      rule,
      'threshold',
      `${label.zh}：${yuan(actualFen)}${crossed ? '' : '不'}${c.zh}${yuan(valueFen)}`,
      `${label.en}: ${formatYuan(actualFen)} is ${crossed ? '' : 'not '}${c.en} ${formatYuan(valueFen)}`,
      { actualFen, comparison, valueFen, crossed },
    );
    return crossed;
  }

  confirm(zh: string, en: string): void {
    this.confirmations.push({ zh, en });
  }

  warn(zh: string, en: string): void {
    this.warnings.push({ zh, en });
  }
}

export type Comparison = '<' | '<=' | '>' | '>=';
const COMPARISON_TEXT: Record<Comparison, Bilingual> = {
  '<': { zh: '低于', en: 'below' },
  '<=': { zh: '不高于', en: 'at or below' },
  '>': { zh: '超过', en: 'above' },
  '>=': { zh: '达到', en: 'at or above' },
};

export function compare(a: number, c: Comparison, b: number): boolean {
  return c === '<' ? a < b : c === '<=' ? a <= b : c === '>' ? a > b : a >= b;
}

/** Assemble a result; a result that is not eligible always pays 0. */
export function finish<D, P>(
  meta: ProgrammeMeta,
  params: P,
  ctx: ComputeContext | undefined,
  t: Trace,
  out: {
    eligible: boolean;
    amountFen: number;
    inputs: unknown;
    summary: Bilingual;
    detail: D;
    escalation?: Escalation | null;
  },
): ProgrammeResult<D, P> {
  const amountFen = out.eligible ? out.amountFen : 0;
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new RangeError(`${meta.id}: bad amount ${amountFen}`);
  const v = ctx?.paramsVersion;
  t.add('result', 'result', out.summary.zh, out.summary.en, { eligible: out.eligible, amountFen });
  return {
    templateId: meta.id,
    eligible: out.eligible,
    amountFen,
    escalation: out.escalation ?? null,
    detail: out.detail,
    explanation: {
      rule: { id: meta.id, name: meta.name, kind: meta.kind },
      source: meta.source,
      params: {
        version: v?.version ?? null,
        effectiveFrom: v?.effectiveFrom ?? null,
        nodeId: v?.nodeId ?? null,
        values: params,
      },
      inputs: out.inputs,
      steps: t.steps,
      confirmations: t.confirmations,
      warnings: t.warnings,
      summary: out.summary,
    },
  };
}

/** A template with its defaults taken from its params schema (the seed's numbers). */
export function defineTemplate<PS extends z.ZodType, IS extends z.ZodType, D>(
  t: Omit<ProgrammeTemplate<PS, IS, D>, 'defaults'>,
): ProgrammeTemplate<PS, IS, D> {
  return { ...t, defaults: t.paramsSchema.parse({}) as z.output<PS> };
}
