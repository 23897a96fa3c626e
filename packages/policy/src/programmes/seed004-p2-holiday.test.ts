import { describe, expect, it } from 'vitest';
import { yuanToFen as y } from '../money.js';
import {
  type TownHolidayInput,
  TownHolidayInputSchema,
  TownHolidayParamsSchema,
  townHolidayVisit,
} from './seed004-p2-holiday.js';

const params = TownHolidayParamsSchema.parse({});
const withModerate = TownHolidayParamsSchema.parse({ amounts: { moderateFen: y('2000') } });
const visit = (input: Partial<TownHolidayInput>, p = params) =>
  townHolidayVisit(p, TownHolidayInputSchema.parse(input));

describe('seed 004 篇二 town holiday tiers', () => {
  it('pays the seed’s household tiers', () => {
    expect(visit({ hardship: 'some' })).toMatchObject({ amountFen: y('600'), detail: { winner: 'general' } });
    expect(visit({ hardship: 'some', veteran: true }).amountFen).toBe(y('600'));
    expect(visit({ dibao: true, majorIllnessSelfPaidFen: y('40000') })).toMatchObject({
      amountFen: y('4000'),
      detail: { winner: 'severe' },
    });
    expect(visit({})).toMatchObject({ eligible: false, amountFen: 0, detail: { winner: null } });
  });

  it('pays the per-person policy tiers', () => {
    expect(visit({ sanwuConcentrated: 1 }).amountFen).toBe(y('600'));
    expect(visit({ sanwuDispersed: 1 }).amountFen).toBe(y('1000'));
    expect(visit({ dibao: true, dibaoPersons: 3 }).amountFen).toBe(y('900'));
    expect(visit({ registeredPoor: 'severe' }).amountFen).toBe(y('5000'));
    expect(visit({ registeredPoor: 'moderate' }).amountFen).toBe(y('3000'));
  });

  it('gives the higher tier when two are met (就高不就低), explaining every tier considered', () => {
    const r = visit({ dibao: true, dibaoPersons: 1, hardship: 'some' });
    expect(r).toMatchObject({ amountFen: y('600'), detail: { winner: 'general' } });
    expect(r.detail.tiers.filter((t) => t.met).map((t) => [t.tier, t.amountFen])).toEqual([
      ['general', y('600')],
      ['dibaoPerPerson', y('300')],
    ]);
    expect(r.explanation.steps.filter((s) => s.kind === 'tier')).toHaveLength(8);
    expect(r.explanation.steps.find((s) => s.rule.endsWith('higherWins'))?.zh).toContain('就高不就低');
    // Three 低保 persons (900) beat the general tier (600).
    expect(visit({ dibao: true, dibaoPersons: 3, hardship: 'some' }).detail.winner).toBe('dibaoPerPerson');
    // A tie keeps the seed's order: general before veteran.
    expect(visit({ hardship: 'some', veteran: true }).detail.winner).toBe('general');
  });

  it('puts 40,000 (低保) and 80,000 (困难) in the severe tier, and the bands below in the moderate one', () => {
    const dibao = (yuan: string) => visit({ dibao: true, majorIllnessSelfPaidFen: y(yuan) }, withModerate);
    expect(dibao('40000').detail.winner).toBe('severe');
    expect(dibao('39999.99').detail.winner).toBe('moderate');
    expect(dibao('20000').detail.winner).toBe('moderate');
    expect(dibao('19999.99').eligible).toBe(false);
    const poor = (yuan: string) => visit({ hardship: 'some', majorIllnessSelfPaidFen: y(yuan) }, withModerate);
    expect(poor('80000').detail.winner).toBe('severe');
    expect(poor('50000').detail.winner).toBe('moderate');
    expect(poor('49999.99').detail.winner).toBe('general');
    expect(visit({ majorIllnessSelfPaidFen: y('90000') }).eligible).toBe(false); // not on 低保, not assessed in hardship
  });

  it('grades disability and disaster by the staff’s assessment', () => {
    expect(visit({ disabledMembers: 2, hardship: 'very' }).detail.winner).toBe('severe');
    expect(visit({ disabledMembers: 2, hardship: 'fairly' }, withModerate).detail.winner).toBe('moderate');
    expect(visit({ disabledMembers: 1, hardship: 'very' }, withModerate).detail.winner).toBe('moderate');
    expect(visit({ disasterOrAccident: true, hardship: 'very' }).detail.winner).toBe('severe');
    expect(visit({ disasterOrAccident: true, hardship: 'some' }).detail.winner).toBe('general');
  });

  it('warns that the 中度 amount is missing and lets a lower tier pay meanwhile', () => {
    const r = visit({ disabledMembers: 1, hardship: 'fairly' });
    expect(r).toMatchObject({ amountFen: y('600'), detail: { winner: 'general' } });
    expect(r.detail.tiers.find((t) => t.tier === 'moderate')).toMatchObject({ met: true, amountFen: null });
    expect(r.explanation.warnings).toHaveLength(1);
    expect(visit({ disabledMembers: 1, hardship: 'fairly' }, withModerate).amountFen).toBe(y('2000'));
  });

  it('adds 1,000 to a registered poor household that also meets 中/重度, on top of the higher amount', () => {
    const severe = visit({ registeredPoor: 'moderate', dibao: true, majorIllnessSelfPaidFen: y('45000') });
    expect(severe).toMatchObject({ amountFen: y('5000'), detail: { winner: 'severe', bonusFen: y('1000') } });
    const poorSevere = visit({ registeredPoor: 'severe', disabledMembers: 2, hardship: 'very' });
    expect(poorSevere).toMatchObject({
      amountFen: y('6000'),
      detail: { winner: 'registeredPoor', bonusFen: y('1000') },
    });
    expect(visit({ registeredPoor: 'severe', hardship: 'some' })).toMatchObject({
      amountFen: y('5000'),
      detail: { bonusFen: 0 },
    });
  });

  it('does not visit a household twice in one campaign', () => {
    const r = visit({ hardship: 'very', alreadyVisited: true });
    expect(r).toMatchObject({ eligible: false, amountFen: 0 });
    expect(r.explanation.steps[0]?.zh).toContain('不重复慰问');
  });
});
