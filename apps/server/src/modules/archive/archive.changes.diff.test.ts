import { type HouseholdInput, HouseholdInputSchema } from '@bangfu/contracts';
import { describe, expect, it } from 'vitest';
import { generatedId, household, IDS } from '../../test-support/households.js';
import { bankChanged, fileDiff, isEmptyDiff } from './archive.changes.diff.js';

const base: HouseholdInput = HouseholdInputSchema.parse(household(1));

describe('the field-level diff of two versions of a file', () => {
  it('matches members by ID: a member leaving from the middle is one removal, not a shift', () => {
    const after = { ...base, members: [base.members[1] as HouseholdInput['members'][number]] };
    const d = fileDiff(base, after, false);
    expect(d.fields).toEqual([]);
    expect(d.members).toEqual([expect.objectContaining({ name: '李秀兰', relation: 'spouse', change: 'removed' })]);
    expect(d.figures.householdSize).toEqual({ before: 3, after: 2 });
  });

  it('masks ID numbers, phones, card numbers, health and birth dates unless revealed', () => {
    const after: HouseholdInput = {
      ...base,
      phone: '13900001111',
      bank: { bankName: '中国建设银行', branch: null, cardNumber: '6217000000123457788' },
      members: [
        ...base.members,
        {
          name: '小宝',
          relation: 'child',
          idNumber: generatedId(77),
          birthDate: '1977-06-08',
          monthlyIncomeFen: 0,
          health: 'healthy',
        },
      ],
    };
    const masked = fileDiff(base, after, false);
    expect(masked.fields).toContainEqual({ field: 'phone', before: '138****5678', after: '139****1111', masked: true });
    expect(masked.fields).toContainEqual({
      field: 'bank.cardNumber',
      before: '****3445',
      after: '****7788',
      masked: true,
    });
    expect(masked.fields).toContainEqual({ field: 'bank.branch', before: '韶关西河支行', after: null });
    const baby = masked.members.find((m) => m.change === 'added');
    expect(baby?.fields).toContainEqual({ field: 'birthDate', before: null, after: '1977', masked: true });
    expect(baby?.fields).toContainEqual({ field: 'health', before: null, after: '***', masked: true });
    expect(JSON.stringify(masked)).not.toContain(generatedId(77));
    const revealed = fileDiff(base, after, true);
    expect(revealed.members.find((m) => m.change === 'added')?.fields).toContainEqual({
      field: 'idNumber',
      before: null,
      after: generatedId(77),
    });
    expect(bankChanged(base, after)).toBe(true);
  });

  it('finds nothing in an identical proposal (the node is never compared) and no bank change without one', () => {
    const same = { ...structuredClone(base), orgId: 99 };
    expect(isEmptyDiff(fileDiff(base, same, true))).toBe(true);
    expect(bankChanged(base, same)).toBe(false);
    const ids = {
      ...base,
      members: base.members.map((m) => ({ ...m, idNumber: m.idNumber === IDS.spouse ? IDS.other : m.idNumber })),
    };
    const d = fileDiff(base, ids, false);
    expect(d.members.map((m) => m.change).sort()).toEqual(['added', 'removed']);
  });
});
