/**
 * The grade proposal: "the system proposes the grade and shows why". A pure function of the household's figures
 * and one policy version (policy.ts); the answer carries every input, step, threshold, exclusion and the policy
 * version, so a clerk can check it by hand and an auditor can replay it.
 *
 * Current vocabulary (DOMAIN.md, national rule; seed 004 篇一 for the accident threshold):
 *   深度困难 'deep'      per-capita monthly income below the local 低保 line
 *   相对困难 'relative'  below relativeMultipleBp × the line (2× by default)
 *   意外致困 'accident'  otherwise, when the year's hardship costs/losses (after compensation and insurance)
 *                        are at or above accidentThresholdFen (24,000 元, "2.4萬元以上"), whatever the income
 * The income grades come first: a household that is both poor and hit by an accident is proposed 深度/相对,
 * the grade with the broader help (living relief, seed 004 篇一); the accident threshold still shows as crossed.
 * Legacy vocabulary (seed 003: 困难 "人均280元以下", 特困 "人均245元以下"):
 *   特困 'tekun' below the 特困 line; 困难 'kunnan' below the 困难 line; there is no accident grade.
 * "Below" is strict unless the policy says incomeBoundary 'atOrBelow' (see policy.ts).
 * Any enabled exclusion that applies (exclusions.ts) makes the household ineligible: grade null, with the grade
 * the income test alone would give kept as gradeBeforeExclusions.
 */
import { checkExclusions, type ExclusionCheck, type ExclusionFacts } from './exclusions.js';
import type { Bilingual, HouseholdCount, HouseholdRuleInput } from './household.js';
import {
  householdIncome,
  type IncomeField,
  type IncomeFigures,
  type IncomeTest,
  incomeWithinLine,
  type MemberIncomePart,
  perCapitaMonthlyIncome,
  type Step,
  yuanLabel,
} from './income.js';
import { formatYuan } from './money.js';
import { checkPolicy, type EligibilityPolicy, lineMultipleFen, type ProposedGrade, type Vocabulary } from './policy.js';

export interface EligibilityInput {
  /** The household-level fields: the worker's own income and income that is no member's (income.ts). */
  incomes: IncomeFigures;
  /**
   * The members for the family-size rule (household.ts) with their 月收入, counted for those the rule counts; or a
   * size already decided (e.g. the form's 家庭人口), and then only the household-level fields count.
   */
  household: HouseholdRuleInput | number;
  exclusions?: ExclusionFacts | null;
}

export interface ThresholdCheck extends Bilingual {
  name: ProposedGrade;
  valueFen: number;
  /** The household's figure compared: per-capita monthly income (floored, for display) or the year's losses. */
  actualFen: number;
  comparison: '<' | '<=' | '>=';
  /** The household is on the qualifying side of this threshold. */
  crossed: boolean;
}

export interface GradeProposal {
  grade: ProposedGrade | null;
  eligible: boolean;
  perCapitaMonthlyFen: number;
  householdSize: number;
  explanation: {
    policy: {
      policyId: string;
      /** The adopting union's name when known (EligibilityPolicy.name); absent in explanations stored before. */
      name?: string | null;
      version: number;
      effectiveFrom: string;
      vocabulary: Vocabulary;
      source: string | null;
    };
    inputs: {
      incomes: Record<IncomeField, number>;
      /** Each listed member's 月收入 and whether it counted (absent in explanations stored before issue 9). */
      memberIncomes: MemberIncomePart[];
      /** The household-level fields summed + the counted members' annual income. */
      ownIncomeFen: number;
      membersIncomeFen: number;
      householdSize: number;
      /** The family-size rule's count, when members were given. */
      household: HouseholdCount | null;
      exclusions: ExclusionFacts;
    };
    steps: Step[];
    thresholds: ThresholdCheck[];
    exclusions: ExclusionCheck[];
    warnings: Bilingual[];
    gradeBeforeExclusions: ProposedGrade | null;
    summary: Bilingual;
  };
}

export const GRADE_LABELS: Record<ProposedGrade, Bilingual> = {
  deep: { zh: '深度困难', en: 'deep hardship (深度困难)' },
  relative: { zh: '相对困难', en: 'relative hardship (相对困难)' },
  accident: { zh: '意外致困', en: 'hardship by accident (意外致困)' },
  tekun: { zh: '特困', en: 'extreme hardship (特困)' },
  kunnan: { zh: '困难', en: 'hardship (困难)' },
};

interface Line {
  name: ProposedGrade;
  lineFen: number;
  zh: string;
  en: string;
}

function incomeLines(policy: EligibilityPolicy): Line[] {
  if (policy.vocabulary === 'legacy') {
    const l = policy.legacyLines as { tekunFen: number; kunnanFen: number };
    return [
      { name: 'tekun', lineFen: l.tekunFen, zh: '特困标准', en: 'the 特困 line' },
      { name: 'kunnan', lineFen: l.kunnanFen, zh: '困难标准', en: 'the 困难 line' },
    ];
  }
  const multiple = policy.relativeMultipleBp / 10_000;
  return [
    { name: 'deep', lineFen: policy.dibaoLineFen, zh: '当地低保标准', en: 'the local 低保 line' },
    {
      name: 'relative',
      lineFen: lineMultipleFen(policy.dibaoLineFen, policy.relativeMultipleBp),
      zh: `低保标准的${multiple}倍`,
      en: `${multiple}× the 低保 line`,
    },
  ];
}

export function proposeGrade(input: EligibilityInput, policy: EligibilityPolicy): GradeProposal {
  const problems = checkPolicy(policy);
  if (problems.length > 0) throw new RangeError(`policy ${policy.policyId}: ${problems.map((p) => p.en).join('; ')}`);
  let household: HouseholdCount | null = null;
  let test: IncomeTest;
  if (typeof input.household === 'number') {
    test = perCapitaMonthlyIncome(input.incomes, input.household);
  } else {
    const r = householdIncome(input.incomes, input.household);
    household = r.count;
    test = r.test;
  }
  const size = household ? household.size : (input.household as number);
  const steps: Step[] = [
    household
      ? { rule: 'household.size', zh: household.explanation.zh, en: household.explanation.en, value: size }
      : {
          rule: 'household.size',
          zh: `家庭人口按填报的${size}人计算`,
          en: `Household size as entered: ${size}`,
          value: size,
        },
    ...test.steps,
  ];

  const strict = policy.incomeBoundary === 'below';
  const cmp = strict ? '低于' : '不高于';
  const thresholds: ThresholdCheck[] = incomeLines(policy).map((l) => {
    const crossed = incomeWithinLine(test.netAnnualFen, size, l.lineFen, policy.incomeBoundary);
    const label = GRADE_LABELS[l.name];
    return {
      name: l.name,
      zh: `${label.zh}：家庭月人均收入${cmp}${l.zh}`,
      en: `${label.en}: per-capita monthly income ${strict ? 'below' : 'at or below'} ${l.en}`,
      valueFen: l.lineFen,
      actualFen: test.perCapitaMonthlyFen,
      comparison: strict ? '<' : '<=',
      crossed,
    };
  });
  if (policy.vocabulary === 'current') {
    const loss = test.incomes.hardshipLossFen;
    thresholds.push({
      name: 'accident',
      zh: '意外致困：年度内致困费用（损失）达到认定金额',
      en: 'hardship by accident: the year’s hardship costs (losses) reach the threshold',
      valueFen: policy.accidentThresholdFen,
      actualFen: loss,
      comparison: '>=',
      crossed: loss >= policy.accidentThresholdFen,
    });
  }
  // Only with an inclusive boundary can the floored figure equal the line while the exact one is above it.
  const subFen = (t: ThresholdCheck) => !t.crossed && t.actualFen === t.valueFen;
  for (const t of thresholds) {
    const label = GRADE_LABELS[t.name].zh;
    const yes = t.crossed;
    steps.push(
      t.name === 'accident'
        ? {
            rule: 'threshold.accident',
            zh: `年度致困费用（损失）${yuanLabel(t.actualFen)}${yes ? '达到' : '未达到'}${label}认定金额${yuanLabel(t.valueFen)}`,
            en: `Hardship costs ${formatYuan(t.actualFen)} ${yes ? 'reach' : 'do not reach'} the threshold ${formatYuan(t.valueFen)}`,
            value: yes,
          }
        : {
            rule: `threshold.${t.name}`,
            zh: `家庭月人均收入${yuanLabel(t.actualFen)}${yes ? cmp : strict ? '不低于' : '高于'}${label}标准${yuanLabel(t.valueFen)}${subFen(t) ? '（精确值高出不足1分，显示时已舍去）' : ''}`,
            en: `Per-capita ${formatYuan(t.actualFen)} is ${yes ? '' : 'not '}${strict ? 'below' : 'at or below'} the ${t.name} line ${formatYuan(t.valueFen)}${subFen(t) ? ' (exactly, it is above by less than a fen, floored for display)' : ''}`,
            value: yes,
          },
    );
  }
  if (policy.vocabulary === 'legacy') {
    steps.push({
      rule: 'threshold.accident',
      zh: '旧口径（特困/困难）不设意外致困类别',
      en: 'The legacy vocabulary has no accident grade',
      value: null,
    });
  }
  const gradeBeforeExclusions = thresholds.find((t) => t.crossed)?.name ?? null;

  const facts = input.exclusions ?? {};
  const exclusions = checkExclusions(facts, policy, size);
  const applying = exclusions.filter((e) => e.applies);
  for (const e of exclusions.filter((x) => x.found)) {
    steps.push({
      rule: `exclusion.${e.code}`,
      zh: `${e.zh}：${e.detail.zh}${e.enabled ? '，不予建档' : '（本政策未启用此项，不排除）'}`,
      en: `${e.en}: ${e.detail.en}${e.enabled ? ' — excluded' : ' (not applied by this policy)'}`,
      value: e.applies,
    });
  }
  if (exclusions.every((e) => !e.found)) {
    steps.push({ rule: 'exclusion.none', zh: '未发现排除情形', en: 'No exclusion found', value: false });
  }

  const grade = applying.length > 0 ? null : gradeBeforeExclusions;
  const ref = `${policy.name ? `of ${policy.name}` : policy.policyId} v${policy.version}, ${policy.effectiveFrom}`;
  const refZh = `依据${policy.name ? `${policy.name}认定政策` : `政策${policy.policyId}`}第${policy.version}版（${policy.effectiveFrom}起施行）`;
  let summary: Bilingual;
  if (grade) {
    const label = GRADE_LABELS[grade];
    summary = { zh: `建议认定为${label.zh}。${refZh}`, en: `Proposed grade: ${label.en}. Policy ${ref}.` };
  } else if (applying.length > 0) {
    const zh = applying.map((e) => e.zh).join('；');
    const would = gradeBeforeExclusions ? `（仅按收入可认定为${GRADE_LABELS[gradeBeforeExclusions].zh}）` : '';
    summary = {
      zh: `不符合建档条件：存在排除情形（${zh}）${would}。${refZh}`,
      en: `Not eligible: excluded (${applying.map((e) => e.en).join('; ')})${gradeBeforeExclusions ? `; by income alone: ${GRADE_LABELS[gradeBeforeExclusions].en}` : ''}. Policy ${ref}.`,
    };
  } else {
    summary = {
      zh: `不符合建档条件：未达到任何困难类别的认定标准。${refZh}`,
      en: `Not eligible: no grade's threshold is met. Policy ${ref}.`,
    };
  }
  steps.push({ rule: 'grade.proposed', zh: summary.zh, en: summary.en, value: grade });

  return {
    grade,
    eligible: grade !== null,
    perCapitaMonthlyFen: test.perCapitaMonthlyFen,
    householdSize: size,
    explanation: {
      policy: {
        policyId: policy.policyId,
        ...(policy.name ? { name: policy.name } : {}),
        version: policy.version,
        effectiveFrom: policy.effectiveFrom,
        vocabulary: policy.vocabulary,
        source: policy.source ?? null,
      },
      inputs: {
        incomes: test.incomes,
        memberIncomes: test.members,
        ownIncomeFen: test.ownIncomeFen,
        membersIncomeFen: test.membersIncomeFen,
        householdSize: size,
        household,
        exclusions: { ...facts },
      },
      steps,
      thresholds,
      exclusions,
      warnings: household?.warnings ?? [],
      gradeBeforeExclusions,
      summary,
    },
  };
}
