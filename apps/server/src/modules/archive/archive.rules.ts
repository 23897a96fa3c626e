import type { HouseholdInput } from '@bangfu/contracts';
import { countHousehold, type IdResult, parseResidentId, perCapitaMonthlyIncome } from '@bangfu/policy';
import { chinaDate } from '../../platform/clock.js';

/** Validate and convert a resident ID (GB 11643) as typed on the form; a birth today (Beijing date) is allowed. */
export function parseId(raw: string): IdResult {
  return parseResidentId(raw, chinaDate(new Date()));
}

/**
 * Household size by the family-size rule of seed 004 篇十二 (`countHousehold`) and per-capita monthly income by
 * the income test of DOMAIN.md (`perCapitaMonthlyIncome`: 12-month income − rigid spending, ÷ size ÷ 12). The
 * grade proposal under the node's eligibility policy (`proposeGrade`) needs the per-node policy store, which
 * comes with the policy issue.
 */
export function householdFigures(input: HouseholdInput) {
  const count = countHousehold({
    maritalStatus: input.maritalStatus,
    singleParent: input.singleParent,
    members: input.members.map((m) => ({ name: m.name, relation: m.relation, maritalStatus: m.maritalStatus ?? null })),
  });
  const test = perCapitaMonthlyIncome(input.incomes, count.size);
  return {
    householdSize: count.size,
    annualIncomeFen: test.netAnnualFen,
    perCapitaMonthlyFen: test.perCapitaMonthlyFen,
    count,
  };
}
