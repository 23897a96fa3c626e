import { describe, expect, it } from 'vitest';
import { stateOf, validity } from './certificates.rules.js';

describe('certificate rules', () => {
  it('derives the state of a certificate from its status and dates', () => {
    const c = { status: 'active', valid_from: '2026-01-01', valid_until: '2026-12-31' };
    expect(stateOf(c, '2025-12-31')).toBe('not_yet_valid');
    expect(stateOf(c, '2026-12-31')).toBe('valid');
    expect(stateOf(c, '2027-01-01')).toBe('expired');
    expect(stateOf({ ...c, status: 'revoked' }, '2026-06-01')).toBe('revoked');
    expect(stateOf({ ...c, status: 'superseded' }, '2026-06-01')).toBe('superseded');
  });

  it('accepts a validity of up to five years, ending after it starts', () => {
    expect(validity('2026-11-24', {})).toEqual({ from: '2026-11-24', until: '2027-11-23' });
    expect(validity('2026-11-24', { validFrom: '2027-01-01' })).toEqual({ from: '2027-01-01', until: '2027-12-31' });
    expect(validity('2026-11-24', { validUntil: '2026-11-24' })).toBeNull();
    expect(validity('2026-11-24', { validUntil: '2031-11-24' })).toEqual({ from: '2026-11-24', until: '2031-11-24' });
    expect(validity('2026-11-24', { validUntil: '2031-11-25' })).toBeNull();
  });
});
