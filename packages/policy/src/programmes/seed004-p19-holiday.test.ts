import { describe, expect, it } from 'vitest';
import { yuanToFen as y } from '../money.js';
import {
  type CityHolidayInput,
  CityHolidayInputSchema,
  CityHolidayParamsSchema,
  cityHolidayRelief,
} from './seed004-p19-holiday.js';

const params = CityHolidayParamsSchema.parse({});
const run = (input: Partial<CityHolidayInput> & Pick<CityHolidayInput, 'worker'>) =>
  cityHolidayRelief(params, CityHolidayInputSchema.parse(input));
const gov = { status: 'inService', employer: 'government' } as CityHolidayInput['worker'];
const firm = {
  status: 'inService',
  employer: 'enterprise',
  unionMember: true,
  unionPaysDues: true,
} as CityHolidayInput['worker'];

describe('seed 004 篇十九 city holiday relief', () => {
  it('takes a 低保 household, with no amount (the seed gives none)', () => {
    expect(run({ worker: gov, dibao: true })).toMatchObject({
      eligible: true,
      amountFen: 0,
      detail: { categories: ['dibao'] },
    });
  });

  it('counts a household at or below 850 元 per capita as 低保-edge', () => {
    expect(run({ worker: gov, income: { perCapitaMonthlyFen: y('850') } }).detail.categories).toEqual(['dibaoEdge']);
    expect(run({ worker: gov, income: { perCapitaMonthlyFen: y('850.01') } }).eligible).toBe(false);
    // 3 people, 30,600 元 a year = exactly 850 a month.
    expect(run({ worker: gov, income: { netAnnualFen: y('30600'), householdSize: 3 } }).eligible).toBe(true);
    expect(run({ worker: gov, income: { netAnnualFen: y('30600.01'), householdSize: 3 } }).eligible).toBe(false);
  });

  it('takes each of the other categories', () => {
    for (const k of ['majorIllness', 'childAtUniversity', 'singleParent', 'otherAccident'] as const) {
      expect(run({ worker: gov, [k]: true })).toMatchObject({ eligible: true, detail: { categories: [k] } });
    }
    expect(run({ worker: gov }).eligible).toBe(false);
  });

  it('needs enterprise staff to be union members whose union pays its dues', () => {
    expect(run({ worker: firm, dibao: true }).eligible).toBe(true);
    expect(run({ worker: { ...firm, unionPaysDues: false }, dibao: true })).toMatchObject({
      eligible: false,
      detail: { inScope: false },
    });
    expect(run({ worker: { ...firm, unionMember: false }, dibao: true }).eligible).toBe(false);
    expect(run({ worker: { ...firm, employer: 'institution' }, dibao: true }).eligible).toBe(true);
  });

  it('takes retired staff only with a major illness, asking to confirm special hardship', () => {
    const retired = { ...gov, status: 'retired' } as CityHolidayInput['worker'];
    expect(run({ worker: retired, dibao: true }).eligible).toBe(false);
    const r = run({ worker: retired, majorIllness: true });
    expect(r.eligible).toBe(true);
    expect(r.explanation.confirmations).toHaveLength(1);
  });
});
