/**
 * An eligibility policy is plain data (ARCHITECTURE.md convention 8): one version of one locality's rules, with
 * the date it takes effect. Money is integer 分, multiples are basis points (20000 = 2×), so no floating point
 * ever touches an amount. The sources of the defaults:
 * - 深度困难 below the local 低保 line, 相对困难 below twice it, 意外致困 by the year's hardship costs, and the
 *   exclusions: the national rule as DOMAIN.md records it (Hebei 2021, "below it → 深度困难; below twice it →
 *   相对困难").
 * - 意外致困 threshold 24,000 元: seed 004 篇一 line 14, "認定標準為年度內致困費用(損失)在2.4萬元以上". 以上
 *   includes the amount itself (民法典 art. 1259), so a loss of exactly 24,000 元 qualifies.
 * - The older vocabulary 特困 / 困難 with its own lines, e.g. seed 003 line 4: "困难职工(人均280元以下)…
 *   特困职工(人均245元以下)".
 */
import { percentOf } from './money.js';

export type Vocabulary = 'current' | 'legacy';
export type ProposedGrade = 'deep' | 'relative' | 'accident' | 'tekun' | 'kunnan';
export type ExclusionCode =
  | 'vehicle'
  | 'multipleHomes'
  | 'controllingShareholder'
  | 'privateSchoolOrAbroad'
  | 'nonCooperation';
/**
 * How a per-capita income is compared with an income line. 'below' (the default) is strict: income equal to
 * the line is not below it (低于). 'atOrBelow' is for localities whose text says 以下 / 以内 / (含), which by
 * 民法典 art. 1259 include the amount itself — seed 003's "人均280元以下" read literally is one of them.
 */
export type IncomeBoundary = 'below' | 'atOrBelow';

export interface EligibilityPolicy {
  policyId: string;
  /** Positive integer, increasing within a policyId. */
  version: number;
  /** 'YYYY-MM-DD', the first day this version applies. */
  effectiveFrom: string;
  vocabulary: Vocabulary;
  /** The local 低保 line, per person per month, 分. Required (> 0) in the current vocabulary. */
  dibaoLineFen: number;
  /** The 相对困难 line as a multiple of the 低保 line, in basis points (20000 = 2×). */
  relativeMultipleBp: number;
  /** 意外致困: the year's hardship costs or losses at or above this, 分 (2,400,000 = 24,000 元). */
  accidentThresholdFen: number;
  /** 特困 / 困难 lines, per person per month, 分. Required in the legacy vocabulary. */
  legacyLines: { tekunFen: number; kunnanFen: number } | null;
  incomeBoundary: IncomeBoundary;
  /** Which exclusions this locality applies. */
  exclusions: Record<ExclusionCode, boolean>;
  /** The local per-capita housing area (m²) for the two-or-more-homes exclusion, when configured. */
  housingAreaPerCapitaM2: number | null;
  /** Where the numbers come from (document, article), shown to clerks. */
  source?: string;
  /**
   * Whose policy it is, for people: the adopting union's name ("武江区总工会"), filled in when the policy is read
   * for use (never stored: a union may be renamed). Explanations name it instead of the id ("org-4").
   */
  name?: string;
}

export const ALL_EXCLUSIONS: Record<ExclusionCode, boolean> = {
  vehicle: true,
  multipleHomes: true,
  controllingShareholder: true,
  privateSchoolOrAbroad: true,
  nonCooperation: true,
};

export const DEFAULT_RELATIVE_MULTIPLE_BP = 20_000;
/** Seed 004 篇一: 年度內致困費用(損失)在2.4萬元以上. */
export const DEFAULT_ACCIDENT_THRESHOLD_FEN = 2_400_000;

type Required = Pick<EligibilityPolicy, 'policyId' | 'version' | 'effectiveFrom'>;

/** A policy with the national defaults filled in: current vocabulary, 2×, 24,000 元, all exclusions on. */
export function eligibilityPolicy(p: Required & Partial<EligibilityPolicy>): EligibilityPolicy {
  return {
    vocabulary: 'current',
    dibaoLineFen: 0,
    relativeMultipleBp: DEFAULT_RELATIVE_MULTIPLE_BP,
    accidentThresholdFen: DEFAULT_ACCIDENT_THRESHOLD_FEN,
    legacyLines: null,
    incomeBoundary: 'below',
    housingAreaPerCapitaM2: null,
    ...p,
    exclusions: { ...ALL_EXCLUSIONS, ...p.exclusions },
  };
}

/** A line multiplied by basis points, rounded half up to the 分: 780 元 × 15000 → 1,170 元 (seed 004 篇十二). */
export function lineMultipleFen(lineFen: number, multipleBp: number): number {
  return percentOf(lineFen, multipleBp);
}

export interface PolicyProblem {
  field: string;
  zh: string;
  en: string;
}

const isFen = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** What is wrong with a policy (empty when it can be used). */
export function checkPolicy(p: EligibilityPolicy): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const bad = (field: string, zh: string, en: string) => out.push({ field, zh, en });
  if (!p.policyId) bad('policyId', '政策编号不能为空', 'policyId is empty');
  if (!Number.isSafeInteger(p.version) || p.version < 1)
    bad('version', '版本号应为正整数', 'version must be a positive integer');
  if (!ISO_DAY.test(p.effectiveFrom))
    bad('effectiveFrom', '生效日期应为YYYY-MM-DD', 'effectiveFrom must be YYYY-MM-DD');
  if (!isFen(p.dibaoLineFen) || (p.vocabulary === 'current' && p.dibaoLineFen === 0)) {
    bad('dibaoLineFen', '低保标准应为正的整数分', 'the 低保 line must be a positive integer of 分');
  }
  if (!Number.isSafeInteger(p.relativeMultipleBp) || p.relativeMultipleBp < 10_000) {
    bad('relativeMultipleBp', '相对困难倍数不应低于1倍', 'the relative multiple must be at least 10000 bp (1×)');
  }
  if (!isFen(p.accidentThresholdFen) || p.accidentThresholdFen === 0) {
    bad(
      'accidentThresholdFen',
      '意外致困认定金额应为正的整数分',
      'the accident threshold must be a positive integer of 分',
    );
  }
  if (p.vocabulary === 'legacy') {
    const l = p.legacyLines;
    if (!l || !isFen(l.tekunFen) || !isFen(l.kunnanFen) || l.tekunFen === 0) {
      bad(
        'legacyLines',
        '旧口径须设特困、困难标准（正的整数分）',
        'the legacy vocabulary needs 特困 and 困难 lines (positive 分)',
      );
    } else if (l.tekunFen > l.kunnanFen) {
      bad('legacyLines', '特困标准不应高于困难标准', 'the 特困 line must not be above the 困难 line');
    }
  }
  if (p.vocabulary !== 'current' && p.vocabulary !== 'legacy') bad('vocabulary', '口径无效', 'unknown vocabulary');
  if (p.incomeBoundary !== 'below' && p.incomeBoundary !== 'atOrBelow') {
    bad('incomeBoundary', '收入比较方式无效', 'unknown income boundary');
  }
  if (p.housingAreaPerCapitaM2 !== null && !(p.housingAreaPerCapitaM2 > 0)) {
    bad('housingAreaPerCapitaM2', '人均住房面积应为正数', 'the per-capita housing area must be positive');
  }
  return out;
}
