import { passwordProblems } from '@bangfu/contracts';
import { describe, expect, it } from 'vitest';
import { generatePassword } from '../../platform/auth/passwords.js';
import { isSelfLockout, rolesConflict } from './users.policy.js';

describe('account rules', () => {
  it('keeps worker accounts apart from staff roles', () => {
    expect(rolesConflict(['worker'])).toBe(false);
    expect(rolesConflict(['worker', 'reviewer'])).toBe(true);
    expect(rolesConflict(['admin', 'auditor'])).toBe(false);
  });

  it('stops an administrator disabling themselves or dropping their admin role', () => {
    expect(isSelfLockout(1, 1, { status: 'disabled' })).toBe(true);
    expect(isSelfLockout(1, 1, { roles: ['auditor'] })).toBe(true);
    expect(isSelfLockout(1, 1, { roles: ['admin', 'auditor'] })).toBe(false);
    expect(isSelfLockout(1, 2, { status: 'disabled' })).toBe(false);
  });

  it('applies the password policy', () => {
    expect(passwordProblems('short1')).toContain('too_short');
    expect(passwordProblems('onlyletters')).toEqual(['no_digit']);
    expect(passwordProblems('1234567890')).toEqual(['no_letter']);
    expect(passwordProblems('zhangsan2026', 'zhangsan')).toEqual(['contains_username']);
    expect(passwordProblems('Good-pass-2026', 'zhangsan')).toEqual([]);
  });

  it('generates passwords that meet the policy', () => {
    for (let i = 0; i < 50; i++) expect(passwordProblems(generatePassword(), 'admin')).toEqual([]);
  });
});
