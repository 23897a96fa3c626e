/**
 * Household size for the income test (家庭人口), the family-size rule of seed 004 篇十二
 * (/work/shared/seeds/004_*.txt line 211):
 *
 *   家庭成員一般按三口計算，已婚者按照本人、配偶和未婚子女計算；未婚者按照父母、本人和家庭其他未婚成員計算。
 *   單親、已婚無子女、多子女的按照實際人口計算。
 *
 * Read as: the members who count are, for a married worker, the worker, the spouse and the unmarried children;
 * for an unmarried worker, the parents, the worker and the other unmarried members. "Normally three" is what
 * those rules give for the typical family (couple + one child; parents + one unmarried child); single-parent,
 * childless-couple and many-children households simply count the members the rule names, so the size is not
 * forced to three. Decisions where the seed is silent (each appears in the explanation):
 * - Single parent (單親): a worker without a spouse (unmarried, divorced or widowed) with at least one unmarried
 *   child, or anyone marked `singleParent`: the worker and the unmarried children.
 * - A divorced or widowed worker without unmarried children is treated like an unmarried one (parents, self,
 *   other unmarried members): there is no own nuclear family left.
 * - 未婚 is read literally as never married: a divorced child living at home is not an "unmarried child".
 * - A member whose marital status is not recorded is assumed unmarried where it matters (children, siblings,
 *   others), with a warning asking the clerk to verify. Parents count for an unmarried worker whatever their status.
 * - Relations are the archive form's (contracts `relations`); step and adopted children are `child`.
 */

export type MaritalStatus = 'unmarried' | 'married' | 'divorced' | 'widowed';
export type Relation =
  | 'spouse'
  | 'child'
  | 'parent'
  | 'parent_in_law'
  | 'sibling'
  | 'grandchild'
  | 'grandparent'
  | 'other';

export interface HouseholdMember {
  name?: string | null;
  relation: Relation;
  maritalStatus?: MaritalStatus | null;
  /** 月收入 as recorded on the file (wages, pensions, benefits), 分; counted × 12 when the member counts (income.ts). */
  monthlyIncomeFen?: number | null;
}

/** The worker's situation and the members listed on the form (the worker is not in `members`). */
export interface HouseholdRuleInput {
  maritalStatus: MaritalStatus;
  singleParent?: boolean | null;
  members: readonly HouseholdMember[];
}

export type HouseholdRule = 'married' | 'unmarried' | 'single-parent';
/** Which wording of the seed the result falls under. */
export type HouseholdBasis = 'typical-three' | 'married-childless' | 'many-children' | 'single-parent' | 'actual';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface CountedMember extends Bilingual {
  /** Position in the input `members` list. */
  index: number;
  name: string | null;
  relation: Relation;
  counted: boolean;
}

export interface HouseholdCount {
  size: number;
  rule: HouseholdRule;
  basis: HouseholdBasis;
  /** The worker (always counted) then every listed member, counted or not, each with the reason. */
  worker: Bilingual;
  members: CountedMember[];
  explanation: Bilingual;
  warnings: Bilingual[];
  source: string;
}

export const HOUSEHOLD_RULE_SOURCE =
  'seed 004 篇十二: 家庭成員一般按三口計算…單親、已婚無子女、多子女的按照實際人口計算';

export const RELATION_ZH: Record<Relation, string> = {
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  parent_in_law: '岳父母/公婆',
  sibling: '兄弟姐妹',
  grandchild: '孙子女',
  grandparent: '祖父母',
  other: '其他成员',
};

const BASIS: Record<HouseholdBasis, Bilingual> = {
  'typical-three': { zh: '一般按三口计算', en: 'the typical household of three' },
  'married-childless': { zh: '已婚无子女，按实际人口计算', en: 'married without children: actual members' },
  'many-children': { zh: '多子女，按实际人口计算', en: 'several children: actual members' },
  'single-parent': { zh: '单亲，按实际人口计算', en: 'single parent: actual members' },
  actual: { zh: '按实际人口计算', en: 'actual members' },
};

/** Married → married rule; marked single parent, or no spouse but an unmarried child → single parent; else unmarried. */
function ruleFor(input: HouseholdRuleInput): HouseholdRule {
  if (input.singleParent) return 'single-parent';
  if (input.maritalStatus === 'married') return 'married';
  const child = input.members.some((m) => m.relation === 'child' && (m.maritalStatus ?? 'unmarried') === 'unmarried');
  return child ? 'single-parent' : 'unmarried';
}

const b2 = (zh: string, en: string): Bilingual => ({ zh, en });

/**
 * Whether a member is unmarried (未婚) for the rule. Unknown status: children and siblings are assumed unmarried
 * (warning); anyone else is not counted (warning), since parents-in-law and grandparents are of the married
 * generation and the rule should not grow a household on a guess.
 */
function unmarriedFor(m: HouseholdMember, label: string, warnings: Bilingual[]): boolean {
  if (m.maritalStatus) return m.maritalStatus === 'unmarried';
  const assume = m.relation === 'child' || m.relation === 'sibling';
  warnings.push(
    assume
      ? b2(
          `${label}婚姻状况未填，按未婚计入，请核实`,
          `${label}: marital status not recorded, counted as unmarried; please verify`,
        )
      : b2(`${label}婚姻状况未填，未计入，请核实`, `${label}: marital status not recorded, not counted; please verify`),
  );
  return assume;
}

/** Count the household under the family-size rule of seed 004 篇十二, explaining every member. */
export function countHousehold(input: HouseholdRuleInput): HouseholdCount {
  const rule = ruleFor(input);
  const warnings: Bilingual[] = [];
  const members: CountedMember[] = input.members.map((m, index) => {
    const name = m.name ?? null;
    const rel = RELATION_ZH[m.relation];
    const label = name ?? rel;
    const mark = (counted: boolean, zh: string, en: string) => ({ index, name, relation: m.relation, counted, zh, en });
    const notUnmarried = (who: string) =>
      mark(false, `${who}非未婚（已婚、离异或丧偶），不计入`, `${m.relation} is not unmarried: not counted`);
    if (rule === 'married' || rule === 'single-parent') {
      const who = rule === 'married' ? b2('已婚者', 'married worker') : b2('单亲', 'single parent');
      if (m.relation === 'spouse' && rule === 'married')
        return mark(true, '已婚者计本人、配偶', 'married worker: the spouse counts');
      if (m.relation === 'child') {
        if (!unmarriedFor(m, label, warnings)) return notUnmarried('子女');
        return mark(true, `${who.zh}计未婚子女`, `${who.en}: unmarried child counts`);
      }
      const scope =
        rule === 'married'
          ? b2('本人、配偶和未婚子女', 'self, spouse and unmarried children')
          : b2('本人和未婚子女', 'self and unmarried children');
      return mark(
        false,
        `${who.zh}只计${scope.zh}，${rel}不计入`,
        `${who.en}: only ${scope.en} count, not ${m.relation}`,
      );
    }
    if (m.relation === 'parent') return mark(true, '未婚者计父母', 'unmarried worker: parents count');
    if (m.relation === 'spouse')
      return mark(false, '本人未登记为已婚，配偶不计入', 'worker is not recorded as married: spouse not counted');
    if (!unmarriedFor(m, label, warnings)) return notUnmarried(rel);
    return mark(
      true,
      `未婚者计家庭其他未婚成员（${rel}）`,
      `unmarried worker: other unmarried member (${m.relation}) counts`,
    );
  });

  const counted = members.filter((m) => m.counted);
  const size = 1 + counted.length;
  const spouses = counted.filter((m) => m.relation === 'spouse').length;
  const children = counted.filter((m) => m.relation === 'child').length;
  const parents = counted.filter((m) => m.relation === 'parent').length;
  let basis: HouseholdBasis = 'actual';
  if (rule === 'single-parent') basis = 'single-parent';
  else if (rule === 'married') {
    if (spouses === 0)
      warnings.push({
        zh: '本人已婚但未登记配偶，请核实',
        en: 'worker is married but no spouse is listed: please verify',
      });
    if (spouses > 1)
      warnings.push({ zh: '登记了多名配偶，请核实', en: 'more than one spouse is listed: please verify' });
    if (spouses === 1 && children === 0) basis = 'married-childless';
    else if (spouses === 1 && children === 1) basis = 'typical-three';
    else if (children >= 2) basis = 'many-children';
  } else {
    const others = counted.length - parents;
    if (parents > 2)
      warnings.push({ zh: '登记的父母多于两人，请核实', en: 'more than two parents are listed: please verify' });
    if (parents === 2 && others === 0) basis = 'typical-three';
    else if (others >= 1 && parents >= 1) basis = 'many-children';
    else if (parents === 1) basis = 'single-parent';
  }
  if (input.singleParent && input.members.some((m) => m.relation === 'spouse')) {
    warnings.push({
      zh: '本人登记为单亲但列有配偶，请核实',
      en: 'worker is marked single parent but a spouse is listed: please verify',
    });
  }
  const ruleText: Record<HouseholdRule, Bilingual> = {
    married: { zh: '已婚者按照本人、配偶和未婚子女计算', en: 'married: self, spouse and unmarried children' },
    unmarried: {
      zh: '未婚者按照父母、本人和家庭其他未婚成员计算',
      en: 'unmarried: parents, self and other unmarried members',
    },
    'single-parent': { zh: '单亲按照本人和未婚子女的实际人口计算', en: 'single parent: self and unmarried children' },
  };
  const formerlyMarried = rule === 'unmarried' && input.maritalStatus !== 'unmarried';
  const rt = formerlyMarried
    ? b2(
        `${ruleText.unmarried.zh}（离异或丧偶且无未婚子女，按未婚者计）`,
        `${ruleText.unmarried.en} (divorced or widowed without unmarried children: counted as unmarried)`,
      )
    : ruleText[rule];
  const b = BASIS[basis];
  return {
    size,
    rule,
    basis,
    worker: { zh: '本人计入', en: 'the worker counts' },
    members,
    explanation: {
      zh: `家庭人口${size}人：${rt.zh}（${b.zh}）；计入本人${counted.length > 0 ? `及${counted.map((m) => m.name ?? RELATION_ZH[m.relation]).join('、')}` : ''}。`,
      en: `Household of ${size}: ${rt.en} (${b.en}); counted: the worker${counted.map((m) => `, ${m.name ?? m.relation}`).join('')}.`,
    },
    warnings,
    source: HOUSEHOLD_RULE_SOURCE,
  };
}
