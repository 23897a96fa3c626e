import type { HouseholdInput } from '@bangfu/contracts';
import { type IdResult, parseResidentId } from '@bangfu/policy';

/** Validate and convert a resident ID (GB 11643) as typed on the form. */
export function parseId(raw: string): IdResult {
  return parseResidentId(raw);
}

/**
 * Household size and per-capita monthly income (分), the DOMAIN.md income test: (12-month income − rigid
 * spending) ÷ household size ÷ 12, floored to the 分, never below zero. The size counts the worker and the
 * members entered on the form; the local family-size rule of seed 004 篇十二 and the grade proposal under the
 * node's policy come with the eligibility policies.
 */
export function householdFigures(input: HouseholdInput) {
  const i = input.incomes;
  const income = i.wagesFen + i.businessFen + i.propertyFen + i.transferFen + i.otherIncomeFen;
  const rigid =
    i.medicalSpendingFen + i.disabilitySpendingFen + i.schoolingSpendingFen + i.housingSpendingFen + i.otherSpendingFen;
  const annualIncomeFen = Math.max(0, income - rigid);
  const householdSize = 1 + input.members.length;
  return { householdSize, annualIncomeFen, perCapitaMonthlyFen: Math.floor(annualIncomeFen / householdSize / 12) };
}
