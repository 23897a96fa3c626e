import type { HouseholdInput } from '@bangfu/contracts';
import { type HouseholdRuleInput, householdIncome, type IdResult, parseResidentId } from '@bangfu/policy';
import { chinaDate } from '../../platform/clock.js';

/** Validate and convert a resident ID (GB 11643) as typed on the form; a birth today (Beijing date) is allowed. */
export function parseId(raw: string): IdResult {
  return parseResidentId(raw, chinaDate(new Date()));
}

/** The form's household for the family-size rule: the worker's situation and each member with their 月收入. */
export function householdRuleInput(input: HouseholdInput): HouseholdRuleInput {
  return {
    maritalStatus: input.maritalStatus,
    singleParent: input.singleParent,
    members: input.members.map((m) => ({
      name: m.name,
      relation: m.relation,
      maritalStatus: m.maritalStatus ?? null,
      monthlyIncomeFen: m.monthlyIncomeFen ?? 0,
    })),
  };
}

/**
 * Household size by the family-size rule of seed 004 篇十二 and per-capita monthly income by the income test of
 * DOMAIN.md, both through `@bangfu/policy`'s `householdIncome`: the household-level fields (the worker's own and
 * non-member income) + 12 × the 月收入 of every member the rule counts, − rigid spending, ÷ size ÷ 12. The grade
 * proposal (`policy.service.ts` `proposeFor`) takes the same input through `proposeGrade`.
 */
export function householdFigures(input: HouseholdInput) {
  const { count, test } = householdIncome(input.incomes, householdRuleInput(input));
  return {
    householdSize: count.size,
    annualIncomeFen: test.netAnnualFen,
    perCapitaMonthlyFen: test.perCapitaMonthlyFen,
    count,
  };
}
