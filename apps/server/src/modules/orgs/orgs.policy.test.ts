import { canParent } from '@bangfu/contracts';
import { describe, expect, it } from 'vitest';
import { isInsideSubtree, provinceCodeFor, typeFits } from './orgs.policy.js';

describe('organisation tree rules', () => {
  it('orders types from the national union down to service stations', () => {
    expect(canParent('national', 'province')).toBe(true);
    expect(canParent('city', 'county')).toBe(true);
    expect(canParent('county', 'enterprise')).toBe(true);
    expect(canParent('enterprise', 'enterprise')).toBe(true);
    expect(canParent('street', 'station')).toBe(true);
    expect(canParent('county', 'city')).toBe(false);
    expect(canParent('community', 'community')).toBe(false);
    expect(canParent('station', 'enterprise')).toBe(false);
  });

  it('checks a new type against the parent and the existing children', () => {
    expect(typeFits('county', 'city', ['street', 'enterprise'])).toBe(true);
    expect(typeFits('street', 'city', ['street'])).toBe(false);
    expect(typeFits('city', 'county', [])).toBe(false);
  });

  it('takes the province code from a province’s division code, else inherits it', () => {
    expect(provinceCodeFor('province', '440000', '00')).toBe('44');
    expect(provinceCodeFor('city', '440200', '44')).toBe('44');
    expect(provinceCodeFor('national', null, 'xx')).toBe('00');
  });

  it('knows a node’s own subtree by its path', () => {
    expect(isInsideSubtree('/1/5/9/', '/1/5/')).toBe(true);
    expect(isInsideSubtree('/1/5/', '/1/5/')).toBe(true);
    expect(isInsideSubtree('/1/50/', '/1/5/')).toBe(false);
  });
});
