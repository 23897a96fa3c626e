/**
 * A node's adopted copy of a template: template id + adjusted params + effective date, versioned like the
 * eligibility policies (policy-resolve.ts, ARCHITECTURE.md convention 8). The version in force on a date is
 * resolved along the organisation path with the same rules: nearest node wins, the latest effectiveFrom ≤ date
 * at that node (same date: the higher version), a revert marker hands the node back to its parent.
 */
import type { Bilingual } from '../household.js';
import { type NodePolicies, type PolicyRevert, resolvePolicy } from '../policy-resolve.js';
import { getProgrammeTemplate, ProgrammeInputError } from './registry.js';
import type { ParamsVersion, ProgrammeResult, ProgrammeTemplate } from './types.js';

export interface AdoptedProgramme<P = unknown> {
  /** The template id (doubles as resolvePolicy's policyId). */
  policyId: string;
  templateId: string;
  /** Positive integer, increasing within one node and template. */
  version: number;
  /** 'YYYY-MM-DD', the first day these params apply. */
  effectiveFrom: string;
  /** The params, complete (as adoptTemplate returns them) or partial (missing keys take the seed's defaults). */
  params: P;
  note?: string;
}

/** From this date the node stops overriding this template and inherits from its parent again. */
export interface ProgrammeRevert extends PolicyRevert {
  templateId: string;
}

export interface NodeProgrammes {
  nodeId: string | number;
  /** Every template's versions at this node; resolution filters by template id. */
  versions: readonly (AdoptedProgramme | ProgrammeRevert)[];
}

export type ResolvedProgramme =
  | {
      ok: true;
      template: ProgrammeTemplate;
      adopted: AdoptedProgramme;
      /** The params parsed through the template's schema (defaults filled in). */
      params: unknown;
      paramsVersion: ParamsVersion;
      inherited: boolean;
      trail: Bilingual[];
    }
  | { ok: false; code: 'PROGRAMME_NOT_ADOPTED'; zh: string; en: string; trail: Bilingual[] };

function templateOrThrow(templateId: string): ProgrammeTemplate {
  const t = getProgrammeTemplate(templateId);
  if (!t) {
    throw new ProgrammeInputError('PROGRAMME_TEMPLATE_UNKNOWN', {
      zh: `未知的帮扶项目模板：${templateId}`,
      en: `Unknown programme template: ${templateId}`,
    });
  }
  return t;
}

/** A node adopts a template: its adjustments over the seed's defaults, validated, complete. */
export function adoptTemplate(
  templateId: string,
  a: { version: number; effectiveFrom: string; params?: unknown; note?: string },
): AdoptedProgramme {
  const t = templateOrThrow(templateId);
  if (!Number.isSafeInteger(a.version) || a.version < 1) throw new RangeError(`version must be ≥ 1: ${a.version}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.effectiveFrom)) throw new RangeError(`effectiveFrom must be YYYY-MM-DD`);
  const parsed = t.paramsSchema.safeParse(a.params ?? {});
  if (!parsed.success) {
    throw new ProgrammeInputError(
      'PROGRAMME_PARAMS_INVALID',
      { zh: `${templateId}的参数无效`, en: `Invalid params for ${templateId}` },
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  return {
    policyId: templateId,
    templateId,
    version: a.version,
    effectiveFrom: a.effectiveFrom,
    params: parsed.data,
    ...(a.note ? { note: a.note } : {}),
  };
}

const isRevert = (v: AdoptedProgramme | ProgrammeRevert): v is ProgrammeRevert => 'revert' in v && v.revert === true;

/** The params of a template in force for a node on a date; `chain` runs from the node up to the root. */
export function resolveProgramme(
  chain: readonly NodeProgrammes[],
  templateId: string,
  date: string,
): ResolvedProgramme {
  const template = templateOrThrow(templateId);
  const filtered: NodePolicies<AdoptedProgramme>[] = chain.map((n) => ({
    nodeId: n.nodeId,
    versions: n.versions
      .filter((v) => v.templateId === templateId)
      .map((v) => (isRevert(v) ? { effectiveFrom: v.effectiveFrom, revert: true as const } : v)),
  }));
  const r = resolvePolicy(filtered, date);
  if (!r.ok) {
    return {
      ok: false,
      code: 'PROGRAMME_NOT_ADOPTED',
      zh: `${date}没有节点采用帮扶项目模板${templateId}`,
      en: `No node on the path has adopted ${templateId} in force on ${date}`,
      trail: r.trail,
    };
  }
  const parsed = template.paramsSchema.safeParse(r.policy.params ?? {});
  if (!parsed.success) {
    throw new ProgrammeInputError(
      'PROGRAMME_PARAMS_INVALID',
      { zh: `节点${r.nodeId}的${templateId}参数无效`, en: `Node ${r.nodeId} has invalid params for ${templateId}` },
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  return {
    ok: true,
    template,
    adopted: r.policy,
    params: parsed.data,
    paramsVersion: { version: r.policy.version, effectiveFrom: r.policy.effectiveFrom, nodeId: r.nodeId },
    inherited: r.inherited,
    trail: r.trail,
  };
}

/** Resolve and compute in one go; the input is validated through the template's inputSchema. */
export function computeAdopted(
  chain: readonly NodeProgrammes[],
  templateId: string,
  date: string,
  rawInput: unknown,
): (ResolvedProgramme & { ok: false }) | { ok: true; result: ProgrammeResult<unknown>; trail: Bilingual[] } {
  const r = resolveProgramme(chain, templateId, date);
  if (!r.ok) return r;
  const input = r.template.inputSchema.safeParse(rawInput);
  if (!input.success) {
    throw new ProgrammeInputError(
      'PROGRAMME_INPUT_INVALID',
      { zh: `${templateId}的输入无效`, en: `Invalid input for ${templateId}` },
      input.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  return {
    ok: true,
    result: r.template.compute(r.params, input.data, { paramsVersion: r.paramsVersion }),
    trail: r.trail,
  };
}
