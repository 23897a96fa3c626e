import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../platform/clock.js';
import { addDays, maskHolder, oneYearFrom, relationLabel, signerRelation } from './goods.rules.js';

describe('goods and certificate rules', () => {
  it('today is the date in Beijing, not in UTC', () => {
    expect(chinaDate(new Date('2026-11-23T17:15:00Z'))).toBe('2026-11-24');
    expect(chinaDate(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
  });

  it('one year of validity ends the day before the anniversary', () => {
    expect(oneYearFrom('2026-11-24')).toBe('2027-11-23');
    expect(oneYearFrom('2027-01-01')).toBe('2027-12-31');
    expect(oneYearFrom('2028-02-29')).toBe('2029-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('the worker or a listed family member may sign; anyone else is a proxy (不得代领)', () => {
    const members = [
      { name: '李秀兰', relation: 'spouse' },
      { name: '张小明', relation: 'child' },
    ];
    expect(signerRelation('张建国', '张建国', members)).toBe('self');
    expect(signerRelation(' 李 秀兰', '张建国', members)).toBe('spouse');
    expect(signerRelation('王代领', '张建国', members)).toBeNull();
    expect(signerRelation('', '张建国', members)).toBeNull();
    expect(relationLabel('self')).toBe('本人');
    expect(relationLabel('child')).toBe('子女');
  });

  it('masks the holder to the first character', () => {
    expect(maskHolder('张建国')).toBe('张*');
    expect(maskHolder('欧阳')).toBe('欧*');
    expect(maskHolder('')).toBe('*');
  });
});
