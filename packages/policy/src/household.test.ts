import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countHousehold, type HouseholdMember, type MaritalStatus, type Relation } from './household.js';

const m = (relation: Relation, maritalStatus: MaritalStatus | null = 'unmarried', name?: string): HouseholdMember => ({
  relation,
  maritalStatus,
  name: name ?? null,
});
const countedNames = (r: ReturnType<typeof countHousehold>) => r.members.filter((x) => x.counted).map((x) => x.name);

describe('family size (seed 004 篇十二)', () => {
  it('married, spouse and one unmarried child: the typical three', () => {
    const r = countHousehold({
      maritalStatus: 'married',
      members: [m('spouse', 'married', '李梅'), m('child', 'unmarried', '王小明')],
    });
    expect(r).toMatchObject({ size: 3, rule: 'married', basis: 'typical-three', warnings: [] });
    expect(r.explanation.zh).toBe(
      '家庭人口3人：已婚者按照本人、配偶和未婚子女计算（一般按三口计算）；计入本人及李梅、王小明。',
    );
    expect(r.source).toMatch(/篇十二/);
  });

  it('married: parents, parents-in-law, married children and grandchildren do not count, each with its reason', () => {
    const r = countHousehold({
      maritalStatus: 'married',
      members: [
        m('spouse', 'married', '配偶'),
        m('parent', 'widowed', '母亲'),
        m('parent_in_law', 'married', '岳父'),
        m('child', 'married', '长子'),
        m('child', 'unmarried', '次女'),
        m('grandchild', 'unmarried', '孙子'),
      ],
    });
    expect(r.size).toBe(3);
    expect(countedNames(r)).toEqual(['配偶', '次女']);
    expect(r.members[1]).toMatchObject({ counted: false, zh: '已婚者只计本人、配偶和未婚子女，父母不计入' });
    expect(r.members[3]).toMatchObject({ counted: false, zh: '子女非未婚（已婚、离异或丧偶），不计入' });
    expect(r.members[5]?.en).toBe('married worker: only self, spouse and unmarried children count, not grandchild');
  });

  it('married without children counts two (已婚无子女), several children count them all (多子女)', () => {
    expect(countHousehold({ maritalStatus: 'married', members: [m('spouse', 'married')] })).toMatchObject({
      size: 2,
      basis: 'married-childless',
    });
    const many = countHousehold({
      maritalStatus: 'married',
      members: [m('spouse', 'married'), m('child'), m('child'), m('child')],
    });
    expect(many).toMatchObject({ size: 5, basis: 'many-children' });
    expect(many.explanation.en).toMatch(/^Household of 5: married: self, spouse and unmarried children/);
  });

  it('unmarried, both parents: the typical three; with an unmarried sibling: actual members (多子女)', () => {
    expect(
      countHousehold({ maritalStatus: 'unmarried', members: [m('parent', 'married'), m('parent', 'married')] }),
    ).toMatchObject({
      size: 3,
      rule: 'unmarried',
      basis: 'typical-three',
    });
    const r = countHousehold({
      maritalStatus: 'unmarried',
      members: [
        m('parent', 'married', '父'),
        m('parent', 'married', '母'),
        m('sibling', 'unmarried', '妹'),
        m('sibling', 'married', '兄'),
        m('grandparent', 'widowed', '奶奶'),
      ],
    });
    expect(r).toMatchObject({ size: 4, basis: 'many-children' });
    expect(countedNames(r)).toEqual(['父', '母', '妹']);
    expect(r.members[3]?.zh).toBe('兄弟姐妹非未婚（已婚、离异或丧偶），不计入');
    expect(r.members[4]?.counted).toBe(false);
  });

  it('unmarried with one parent: the parent’s single-parent household, actual members', () => {
    expect(countHousehold({ maritalStatus: 'unmarried', members: [m('parent', 'widowed')] })).toMatchObject({
      size: 2,
      basis: 'single-parent',
    });
  });

  it('an unmarried worker with an unmarried grandparent or other member counts them (家庭其他未婚成员)', () => {
    const r = countHousehold({ maritalStatus: 'unmarried', members: [m('other', 'unmarried', '叔叔')] });
    expect(r).toMatchObject({ size: 2, basis: 'actual' });
    expect(r.members[0]?.zh).toBe('未婚者计家庭其他未婚成员（其他成员）');
  });

  it('living alone counts one', () => {
    expect(countHousehold({ maritalStatus: 'unmarried', members: [] })).toMatchObject({ size: 1, basis: 'actual' });
    expect(countHousehold({ maritalStatus: 'unmarried', members: [] }).explanation.zh).toBe(
      '家庭人口1人：未婚者按照父母、本人和家庭其他未婚成员计算（按实际人口计算）；计入本人。',
    );
  });

  it('divorced or widowed with unmarried children: single parent, self and children; parents do not count', () => {
    for (const status of ['divorced', 'widowed', 'unmarried'] as const) {
      const r = countHousehold({ maritalStatus: status, members: [m('child'), m('child'), m('parent', 'married')] });
      expect(r).toMatchObject({ size: 3, rule: 'single-parent', basis: 'single-parent' });
      expect(r.members[2]).toMatchObject({ counted: false, zh: '单亲只计本人和未婚子女，父母不计入' });
    }
  });

  it('divorced without children falls back to the unmarried rule and says so', () => {
    const r = countHousehold({ maritalStatus: 'divorced', members: [m('parent', 'married'), m('parent', 'married')] });
    expect(r).toMatchObject({ size: 3, rule: 'unmarried' });
    expect(r.explanation.zh).toMatch(/离异或丧偶且无未婚子女，按未婚者计/);
  });

  it('a worker marked single parent counts self and children even if recorded married, and warns about a spouse', () => {
    const r = countHousehold({
      maritalStatus: 'married',
      singleParent: true,
      members: [m('spouse', 'married'), m('child')],
    });
    expect(r).toMatchObject({ size: 2, rule: 'single-parent' });
    expect(r.warnings.map((w) => w.en)).toEqual([
      'worker is marked single parent but a spouse is listed: please verify',
    ]);
  });

  it('unknown marital status: children and siblings are assumed unmarried, others not counted; both warn', () => {
    const r = countHousehold({
      maritalStatus: 'married',
      members: [m('spouse', null), m('child', null, '小红')],
    });
    expect(r.size).toBe(3);
    expect(r.warnings.map((w) => w.zh)).toEqual(['小红婚姻状况未填，按未婚计入，请核实']);
    const u = countHousehold({ maritalStatus: 'unmarried', members: [m('sibling', null), m('grandparent', null)] });
    expect(u.size).toBe(2);
    expect(u.warnings.map((w) => w.zh)).toEqual([
      '兄弟姐妹婚姻状况未填，按未婚计入，请核实',
      '祖父母婚姻状况未填，未计入，请核实',
    ]);
  });

  it('warns when a married worker lists no spouse or two, or an unmarried one lists three parents', () => {
    expect(countHousehold({ maritalStatus: 'married', members: [m('child')] }).warnings[0]?.en).toBe(
      'worker is married but no spouse is listed: please verify',
    );
    expect(countHousehold({ maritalStatus: 'married', members: [m('spouse'), m('spouse')] }).warnings[0]?.en).toMatch(
      /more than one spouse/,
    );
    expect(
      countHousehold({ maritalStatus: 'unmarried', members: [m('parent'), m('parent'), m('parent')] }).warnings,
    ).toHaveLength(1);
  });

  it('an unmarried worker does not count a listed spouse', () => {
    const r = countHousehold({ maritalStatus: 'unmarried', members: [m('spouse', 'unmarried')] });
    expect(r.size).toBe(1);
    expect(r.members[0]?.zh).toBe('本人未登记为已婚，配偶不计入');
  });

  it('properties: size = 1 + counted members, every member explained, and never more than the listed household', () => {
    const member = fc.record({
      relation: fc.constantFrom<Relation>(
        'spouse',
        'child',
        'parent',
        'parent_in_law',
        'sibling',
        'grandchild',
        'grandparent',
        'other',
      ),
      maritalStatus: fc.constantFrom<MaritalStatus | null>('unmarried', 'married', 'divorced', 'widowed', null),
    });
    fc.assert(
      fc.property(
        fc.constantFrom<MaritalStatus>('unmarried', 'married', 'divorced', 'widowed'),
        fc.boolean(),
        fc.array(member, { maxLength: 12 }),
        (maritalStatus, singleParent, members) => {
          const r = countHousehold({ maritalStatus, singleParent, members });
          expect(r.size).toBe(1 + r.members.filter((x) => x.counted).length);
          expect(r.members).toHaveLength(members.length);
          for (const x of r.members) expect(x.zh.length > 0 && x.en.length > 0).toBe(true);
          expect(r.size).toBeLessThanOrEqual(1 + members.length);
          // Married children never count, and a married worker's parents never count.
          for (const x of r.members) {
            if (x.relation === 'child' && members[x.index]?.maritalStatus === 'married') expect(x.counted).toBe(false);
            if (r.rule !== 'unmarried' && x.relation === 'parent') expect(x.counted).toBe(false);
          }
        },
      ),
    );
  });
});
