import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yuanToFen as y } from '../money.js';
import { ApprovalChainSchema, approvalLevelFor, approvalWithRoute } from './approval.js';
import {
  ApprovalParamsSchema,
  EnterpriseDisasterParamsSchema,
  EnterpriseIllnessParamsSchema,
  enterpriseApproval,
  enterpriseDisasterRelief,
  enterpriseIllnessRelief,
  SEED000_APPROVAL_CHAIN,
} from './seed000-p3-enterprise.js';

const chain = SEED000_APPROVAL_CHAIN;
const level = (yuan: string) => approvalLevelFor(y(yuan), chain).level.id;

describe('seed 000 第二十六条 approval by amount', () => {
  it('decides the boundaries: < 500 group leader, 500 … 1,000 leading group, > 1,000 committee', () => {
    expect(level('0')).toBe('groupLeader');
    expect(level('499.99')).toBe('groupLeader');
    expect(level('500')).toBe('leadingGroup');
    expect(level('999.99')).toBe('leadingGroup');
    expect(level('1000')).toBe('leadingGroup');
    expect(level('1000.01')).toBe('committee');
    expect(level('50000')).toBe('committee');
  });

  it('returns the required levels: the decider and the group leader who signs', () => {
    expect(approvalLevelFor(y('499.99'), chain).required.map((l) => l.id)).toEqual(['groupLeader']);
    expect(approvalLevelFor(y('500'), chain).required.map((l) => l.id)).toEqual(['leadingGroup', 'groupLeader']);
    expect(approvalLevelFor(y('1000.01'), chain).required.map((l) => l.id)).toEqual(['committee', 'groupLeader']);
    expect(approvalLevelFor(y('1000.01'), chain).beyondLocal).toBe(false);
  });

  it('is data: a node can move and flip the boundaries', () => {
    const strict = ApprovalChainSchema.parse([
      chain[0],
      { ...chain[1], fromInclusive: false },
      { ...chain[2], fromFen: y('2000'), fromInclusive: true },
    ]);
    expect(approvalLevelFor(y('500'), strict).level.id).toBe('groupLeader');
    expect(approvalLevelFor(y('500.01'), strict).level.id).toBe('leadingGroup');
    expect(approvalLevelFor(y('1999.99'), strict).level.id).toBe('leadingGroup');
    expect(approvalLevelFor(y('2000'), strict).level.id).toBe('committee');
  });

  it('rejects chains that leave amounts without a level or go backwards', () => {
    expect(() => ApprovalChainSchema.parse([{ ...chain[1] }])).toThrow();
    expect(() => ApprovalChainSchema.parse([chain[0], chain[2], chain[1]])).toThrow();
    expect(() => ApprovalChainSchema.parse([chain[0], { ...chain[1], countersign: ['nobody'] }])).toThrow();
    expect(() => ApprovalChainSchema.parse([chain[0], { ...chain[1], id: 'groupLeader' }])).toThrow();
  });

  it('is a template whose result passes the amount through with the escalation', () => {
    const r = enterpriseApproval(ApprovalParamsSchema.parse({}), { amountFen: y('800') });
    expect(r).toMatchObject({ eligible: true, amountFen: y('800'), escalation: { level: 'leadingGroup' } });
    expect(r.explanation.steps[0]?.zh).toBe(
      '金额800.00元（500.00元以上（含），未超过1,000.00元）由相关领导组（集体研究）决定，相关组长签字',
    );
  });

  it('never lowers the level as the amount grows', () => {
    const rank = (fen: number) => chain.findIndex((l) => l.id === approvalLevelFor(fen, chain).level.id);
    fc.assert(fc.property(fc.nat(1e9), fc.nat(1e9), (a, b) => rank(Math.min(a, b)) <= rank(Math.max(a, b))));
  });

  it('combines with a route the rule always requires', () => {
    const d = approvalWithRoute(y('100'), chain, ['leadingGroup', 'committee']);
    expect(d.level.id).toBe('committee');
    expect(d.required.map((l) => l.id)).toEqual(['committee', 'groupLeader', 'leadingGroup']);
    expect(() => approvalWithRoute(y('100'), chain, ['board'])).toThrow(RangeError);
    expect(approvalWithRoute(y('100'), chain, []).level.id).toBe('groupLeader');
  });
});

describe('seed 000 第三十条 major-illness relief', () => {
  const p = EnterpriseIllnessParamsSchema.parse({});
  const relief = (yuan: string) => enterpriseIllnessRelief(p, { selfPaidAfterInsuranceFen: y(yuan) });

  it('gives nothing below 5,000 and 10 % from exactly 5,000', () => {
    expect(relief('4999.99')).toMatchObject({ eligible: false, amountFen: 0, escalation: null });
    expect(relief('5000')).toMatchObject({ eligible: true, amountFen: y('500') });
    expect(relief('12345.67').amountFen).toBe(y('1234.57')); // 1,234.567 → 1,234.57
  });

  it('caps at 3,000 (reached at 30,000)', () => {
    expect(relief('29999.99').amountFen).toBe(y('3000')); // 2,999.999 → 3,000.00
    expect(relief('29999').amountFen).toBe(y('2999.90'));
    expect(relief('30000').amountFen).toBe(y('3000'));
    expect(relief('80000').amountFen).toBe(y('3000'));
  });

  it('always goes to the committee through the leading group (第三十条(三))', () => {
    const r = relief('5000');
    expect(r.escalation).toMatchObject({ level: 'committee', amountFen: y('500') });
    expect(r.escalation?.required.map((l) => l.id)).toEqual(['committee', 'groupLeader', 'leadingGroup']);
    const byAmountOnly = EnterpriseIllnessParamsSchema.parse({ route: [] });
    expect(enterpriseIllnessRelief(byAmountOnly, { selfPaidAfterInsuranceFen: y('5000') }).escalation?.level).toBe(
      'leadingGroup',
    );
  });
});

describe('seed 000 第二十九条 disaster relief', () => {
  const p = EnterpriseDisasterParamsSchema.parse({});
  const relief = (loss: string, requested: string) =>
    enterpriseDisasterRelief(p, { householdLossFen: y(loss), requestedFen: y(requested) });

  it('caps the staff’s request at 1,000 below 10,000 of loss', () => {
    expect(relief('9999.99', '2000')).toMatchObject({
      amountFen: y('1000'),
      detail: { band: 'lower', capFen: y('1000') },
    });
    expect(relief('5000', '800').amountFen).toBe(y('800'));
  });

  it('puts exactly 10,000 in the upper band (cap 3,000)', () => {
    expect(relief('10000', '5000')).toMatchObject({ amountFen: y('3000'), detail: { band: 'upper' } });
    expect(relief('10000', '2500').amountFen).toBe(y('2500'));
    const strict = EnterpriseDisasterParamsSchema.parse({ upperBandInclusive: false });
    expect(enterpriseDisasterRelief(strict, { householdLossFen: y('10000'), requestedFen: y('5000') }).amountFen).toBe(
      y('1000'),
    );
  });

  it('needs a loss, warns when relief exceeds it, and goes to the committee', () => {
    expect(relief('0', '500')).toMatchObject({ eligible: false, amountFen: 0 });
    const r = relief('600', '900');
    expect(r.amountFen).toBe(y('900'));
    expect(r.explanation.warnings).toHaveLength(1);
    expect(r.escalation?.level).toBe('committee');
  });
});
