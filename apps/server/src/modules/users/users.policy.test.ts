import { passwordProblems } from '@bangfu/contracts';
import { describe, expect, it } from 'vitest';
import { generatePassword } from '../../platform/auth/passwords.js';
import { accountChangeRefusal, isSelfLockout, isSensitiveRole, rolesConflict } from './users.policy.js';

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

  it('keeps sensitive roles at a node for the nodes above it (issue 8)', () => {
    const sensitive = ['admin', 'intake_clerk', 'reviewer', 'approver', 'finance', 'auditor'];
    expect(sensitive.every((r) => isSensitiveRole(r as never))).toBe(true);
    const plain = ['hotline_operator', 'employment_officer', 'legal_aid_officer', 'worker'];
    expect(plain.some((r) => isSensitiveRole(r as never))).toBe(false);
    const admin = { userId: 7, path: '/1/5/' };
    expect(accountChangeRefusal(admin, { id: 7, path: '/1/5/', roles: ['admin'] })).toBe('USER_SELF_CHANGE');
    expect(accountChangeRefusal(admin, { path: '/1/5/', roles: ['approver'] })).toBe('USER_GRANT_NOT_ALLOWED');
    expect(accountChangeRefusal(admin, { path: '/1/5/', roles: ['admin'] })).toBe('USER_GRANT_NOT_ALLOWED');
    // The auditor sees confidential complainants (servicedesk.reveal): granted from above only.
    expect(accountChangeRefusal(admin, { path: '/1/5/', roles: ['auditor'] })).toBe('USER_GRANT_NOT_ALLOWED');
    expect(accountChangeRefusal(admin, { path: '/1/5/9/', roles: ['auditor'] })).toBeNull();
    expect(accountChangeRefusal(admin, { path: '/1/5/', roles: ['hotline_operator'] })).toBeNull();
    expect(accountChangeRefusal(admin, { path: '/1/5/9/', roles: ['admin', 'finance'] })).toBeNull();
    expect(accountChangeRefusal({ ...admin, system: true }, { path: '/1/5/', roles: ['admin'] })).toBeNull();
  });

  it('applies the password policy', () => {
    expect(passwordProblems('short1')).toContain('too_short');
    expect(passwordProblems('Short1abc')).toEqual(['too_short']);
    expect(passwordProblems('onlyletters')).toEqual(['no_digit']);
    expect(passwordProblems('1234567890')).toEqual(['no_letter', 'common']);
    expect(passwordProblems('zhangsan2026', 'zhangsan')).toEqual(['contains_username', 'predictable']);
    expect(passwordProblems('Zhangsan-Wuhan-88', 'zs01', 'zhangsan')).toEqual(['contains_name']);
    expect(passwordProblems('Good-pass-2026', 'zhangsan')).toEqual([]);
  });

  it('refuses common and breached-pattern passwords (issue 8)', () => {
    for (const p of ['password1', 'Admin123', 'Password2026', 'P@ssw0rd2026', 'Admin1234567', 'Qwerty2026!x'])
      expect(
        passwordProblems(p).some((x) => x === 'common' || x === 'predictable'),
        p,
      ).toBe(true);
    for (const p of ['aaaaaaa111', '1qaz2wsx3edc', 'Woaini1314520', 'abcd1234efgh', 'asdfgh2025zz', 'Welcome2026!'])
      expect(passwordProblems(p), p).toContain('predictable');
    // The test, demo and e2e passwords stay valid.
    for (const p of ['Admin-pass-2026', 'Staff-pass-2026', 'Bangfu-demo-2026', 'Walk2026pass', 'Xk9mP2vL7q'])
      expect(passwordProblems(p, 'zhangsan'), p).toEqual([]);
  });

  it('generates passwords that meet the policy', () => {
    for (let i = 0; i < 50; i++) expect(passwordProblems(generatePassword(), 'admin')).toEqual([]);
  });
});
