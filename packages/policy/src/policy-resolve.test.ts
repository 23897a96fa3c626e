import { describe, expect, it } from 'vitest';
import { eligibilityPolicy } from './policy.js';
import { type NodePolicies, resolvePolicy } from './policy-resolve.js';

const v = (policyId: string, version: number, effectiveFrom: string, dibaoLineFen: number) =>
  eligibilityPolicy({ policyId, version, effectiveFrom, dibaoLineFen });
type P = ReturnType<typeof v>;

const city: NodePolicies<P> = {
  nodeId: 'city',
  versions: [v('city', 2, '2024-01-01', 80_000), v('city', 1, '2020-01-01', 70_000)],
};
const district: NodePolicies<P> = { nodeId: 'district', versions: [v('district', 1, '2023-07-01', 78_000)] };
const street: NodePolicies<P> = { nodeId: 'street', versions: [] };
const chain = [street, district, city];

describe('resolvePolicy (nearest node first)', () => {
  it('inherits the root’s version before any override, and picks the version in force on the date', () => {
    const r = resolvePolicy(chain, '2023-06-30');
    expect(r).toMatchObject({
      ok: true,
      nodeId: 'city',
      inherited: true,
      policy: { version: 1, dibaoLineFen: 70_000 },
    });
    if (r.ok) {
      expect(r.trail.map((t) => t.en)).toEqual([
        'node street has no version in force on 2023-06-30: inherits from its parent',
        'node district has no version in force on 2023-06-30: inherits from its parent',
        "uses node city's policy city version 1 (in force since 2020-01-01)",
      ]);
    }
  });

  it('takes the override from its first day, and keeps it even when the parent publishes a newer version', () => {
    expect(resolvePolicy(chain, '2023-07-01')).toMatchObject({ ok: true, nodeId: 'district' });
    expect(resolvePolicy(chain, '2025-03-01')).toMatchObject({
      ok: true,
      nodeId: 'district',
      policy: { dibaoLineFen: 78_000 },
    });
  });

  it('is not inherited when the node itself has the version', () => {
    expect(resolvePolicy([district, city], '2024-01-01')).toMatchObject({
      ok: true,
      nodeId: 'district',
      inherited: false,
    });
    expect(resolvePolicy([city], '2024-01-01')).toMatchObject({ ok: true, inherited: false, policy: { version: 2 } });
    expect(resolvePolicy([city], '2023-12-31')).toMatchObject({ ok: true, policy: { version: 1 } });
  });

  it('returns to the parent from a revert marker on', () => {
    const reverting: NodePolicies<P> = {
      nodeId: 'district',
      versions: [...district.versions, { effectiveFrom: '2025-01-01', revert: true }],
    };
    expect(resolvePolicy([reverting, city], '2024-12-31')).toMatchObject({ nodeId: 'district' });
    const r = resolvePolicy([reverting, city], '2025-01-01');
    expect(r).toMatchObject({ ok: true, nodeId: 'city', policy: { version: 2 } });
    if (r.ok) expect(r.trail[0]?.zh).toBe('节点district自2025-01-01起恢复沿用上级政策');
  });

  it('on the same date, the higher version wins, and a version beats a revert marker', () => {
    const node: NodePolicies<P> = {
      nodeId: 'n',
      versions: [
        v('n', 2, '2024-01-01', 2),
        { effectiveFrom: '2024-01-01', revert: true },
        v('n', 3, '2024-01-01', 3),
        v('n', 1, '2024-01-01', 1),
      ],
    };
    expect(resolvePolicy([node], '2024-06-01')).toMatchObject({ ok: true, policy: { version: 3 } });
    const onlyRevert: NodePolicies<P> = { nodeId: 'm', versions: [{ effectiveFrom: '2024-01-01', revert: true }] };
    expect(resolvePolicy([onlyRevert, city], '2024-06-01')).toMatchObject({ ok: true, nodeId: 'city' });
  });

  it('answers POLICY_NOT_FOUND when nothing is in force up the chain', () => {
    const r = resolvePolicy(chain, '2019-12-31');
    expect(r).toMatchObject({ ok: false, code: 'POLICY_NOT_FOUND', zh: '2019-12-31没有适用的帮扶认定政策' });
    expect(r.trail).toHaveLength(3);
    expect(resolvePolicy([], '2024-01-01').ok).toBe(false);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => resolvePolicy(chain, '2024/01/01')).toThrow(RangeError);
  });
});
