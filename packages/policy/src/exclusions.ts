/**
 * Exclusions: facts that make a household ineligible whatever its income (DOMAIN.md, the national rule as
 * Hebei 2021 words it): a vehicle (disability aids excepted); two or more homes above the local per-capita
 * area; a member who is a controlling shareholder; children at high-fee private schools or studying abroad at
 * the family's own cost; refusing verification, hiding income, or refusing work without cause.
 * The fact names match the archive form (contracts `ExclusionsSchema`) so the form's values pass straight in;
 * the optional finer facts let the rule show its reasoning.
 */
import type { Bilingual } from './household.js';
import type { EligibilityPolicy, ExclusionCode } from './policy.js';

export interface ExclusionFacts {
  /** Owns a motor vehicle. */
  ownsVehicle?: boolean | null;
  /** Every vehicle owned is a disability aid (残疾人机动轮椅车 etc.): the vehicle exclusion then does not apply. */
  vehicleIsDisabilityAid?: boolean | null;
  /** The clerk's finding: two or more homes and per-capita area above the local figure. */
  multipleHomes?: boolean | null;
  /** Or the figures, when known: computed against the policy's local per-capita area. */
  homes?: { count: number; totalAreaM2: number } | null;
  controllingShareholder?: boolean | null;
  privateSchoolOrAbroad?: boolean | null;
  refusesVerification?: boolean | null;
  concealsIncome?: boolean | null;
  refusesWorkWithoutCause?: boolean | null;
}

export interface ExclusionCheck extends Bilingual {
  code: ExclusionCode;
  /** The policy applies this exclusion. */
  enabled: boolean;
  /** The fact is present in the household. */
  found: boolean;
  /** enabled && found: the household is excluded by it. */
  applies: boolean;
  /** Why found or not, in words. */
  detail: Bilingual;
}

const LABEL: Record<ExclusionCode, Bilingual> = {
  vehicle: { zh: '拥有机动车辆（残疾人功能性补偿代步工具除外）', en: 'owns a vehicle (disability aids excepted)' },
  multipleHomes: {
    zh: '拥有两套及以上住房且人均住房面积高于当地人均水平',
    en: 'owns two or more homes above the local per-capita area',
  },
  controllingShareholder: { zh: '家庭成员为企业控股股东', en: 'a member is a controlling shareholder' },
  privateSchoolOrAbroad: {
    zh: '子女就读高收费私立学校或自费出国留学',
    en: 'a child at a high-fee private school or studying abroad at own cost',
  },
  nonCooperation: {
    zh: '拒绝配合核查、隐瞒收入或无正当理由拒绝就业',
    en: 'refuses verification, hides income, or refuses work without cause',
  },
};

const NONE: Bilingual = { zh: '未发现', en: 'not found' };
const flag = (v: boolean | null | undefined) => v === true;

function vehicle(f: ExclusionFacts): [boolean, Bilingual] {
  if (!flag(f.ownsVehicle)) return [false, NONE];
  if (flag(f.vehicleIsDisabilityAid))
    return [false, { zh: '车辆为残疾人代步工具，不排除', en: 'the vehicle is a disability aid: excepted' }];
  return [true, { zh: '拥有机动车辆', en: 'owns a vehicle' }];
}

function homes(f: ExclusionFacts, policy: EligibilityPolicy, size: number): [boolean, Bilingual] {
  const h = f.homes;
  const area = policy.housingAreaPerCapitaM2;
  if (h && area !== null) {
    const perCapita = Math.round((h.totalAreaM2 / size) * 100) / 100;
    const text = `${h.count}套住房，共${h.totalAreaM2}㎡，人均${perCapita}㎡，当地人均${area}㎡`;
    const en = `${h.count} homes, ${h.totalAreaM2} m² in all, ${perCapita} m² per person; local figure ${area} m²`;
    // Compare without dividing: total > local × size. The clerk's own finding still counts.
    const over = h.count >= 2 && h.totalAreaM2 > area * size;
    if (!over && flag(f.multipleHomes))
      return [true, { zh: `${text}；经办人核实认定`, en: `${en}; found by the clerk` }];
    return [over, { zh: text, en }];
  }
  if (flag(f.multipleHomes))
    return [true, { zh: '经核实拥有两套及以上住房且超当地人均面积', en: 'found by the clerk' }];
  if (h && h.count >= 2) {
    return [
      false,
      {
        zh: '有两套及以上住房，但本政策未设当地人均住房面积，请人工核实',
        en: 'two or more homes, but the policy sets no local per-capita area: verify by hand',
      },
    ];
  }
  return [false, NONE];
}

function nonCooperation(f: ExclusionFacts): [boolean, Bilingual] {
  const found: Bilingual[] = [];
  if (flag(f.refusesVerification)) found.push({ zh: '拒绝配合核查', en: 'refuses verification' });
  if (flag(f.concealsIncome)) found.push({ zh: '隐瞒收入', en: 'hides income' });
  if (flag(f.refusesWorkWithoutCause)) found.push({ zh: '无正当理由拒绝就业', en: 'refuses work without cause' });
  if (found.length === 0) return [false, NONE];
  return [true, { zh: found.map((x) => x.zh).join('、'), en: found.map((x) => x.en).join(', ') }];
}

/** Every exclusion, whether the policy applies it, whether the household has it, and why. */
export function checkExclusions(
  facts: ExclusionFacts,
  policy: EligibilityPolicy,
  householdSize: number,
): ExclusionCheck[] {
  const results: Record<ExclusionCode, [boolean, Bilingual]> = {
    vehicle: vehicle(facts),
    multipleHomes: homes(facts, policy, householdSize),
    controllingShareholder: flag(facts.controllingShareholder) ? [true, LABEL.controllingShareholder] : [false, NONE],
    privateSchoolOrAbroad: flag(facts.privateSchoolOrAbroad) ? [true, LABEL.privateSchoolOrAbroad] : [false, NONE],
    nonCooperation: nonCooperation(facts),
  };
  return (Object.keys(LABEL) as ExclusionCode[]).map((code) => {
    const [found, detail] = results[code];
    const enabled = policy.exclusions[code] === true;
    return { code, ...LABEL[code], enabled, found, applies: enabled && found, detail };
  });
}
