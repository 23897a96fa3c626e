import { describe, expect, it } from 'vitest';
import { yuanToFen as y } from '../money.js';
import { adoptTemplate, computeAdopted, type NodeProgrammes, resolveProgramme } from './adopt.js';
import {
  getProgrammeTemplate,
  PROGRAMME_TEMPLATE_IDS,
  ProgrammeInputError,
  prepareProgramme,
  programmeTemplates,
} from './registry.js';

describe('programme template registry', () => {
  it('keys every template by its own id, with a source and defaults that parse', () => {
    expect(PROGRAMME_TEMPLATE_IDS).toHaveLength(13);
    for (const id of PROGRAMME_TEMPLATE_IDS) {
      const t = programmeTemplates[id];
      expect(t.id).toBe(id);
      expect(t.source.quote.length).toBeGreaterThan(10);
      expect(t.source.seed).toMatch(/^00[0-4]$/);
      expect(t.paramsSchema.parse({})).toEqual(t.defaults);
      expect(t.name.zh && t.name.en).toBeTruthy();
    }
    expect(getProgrammeTemplate('seed004.p1.medical')?.kind).toBe('medical');
    expect(getProgrammeTemplate('toString')).toBeNull();
    expect(getProgrammeTemplate('nope')).toBeNull();
  });

  it('runs a template from raw JSON: params once, many inputs', () => {
    const run = prepareProgramme('seed004.p1.medical', { relative: { capFen: y('12000') } }, { version: 2 });
    expect(run({ grade: 'relative', compliantSelfPaidFen: y('20000') }).amountFen).toBe(y('12000'));
    expect(run({ grade: 'deep', compliantSelfPaidFen: y('20000') }).amountFen).toBe(y('20000'));
    expect(run({ grade: 'deep', compliantSelfPaidFen: 1 }).explanation.params.version).toBe(2);
  });

  it('reports unknown templates, bad params and bad inputs with their paths', () => {
    expect(() => prepareProgramme('nope', {})).toThrow(ProgrammeInputError);
    try {
      prepareProgramme('seed004.p1.living', { annualFen: { deep: -1 } });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'PROGRAMME_PARAMS_INVALID', issues: [{ path: 'annualFen.deep' }] });
    }
    const run = prepareProgramme('seed004.p1.living', {});
    expect(() => run({ grade: 'unknown' })).toThrow(ProgrammeInputError);
    expect(() => run({ grade: 'deep' })).not.toThrow();
  });
});

describe('adopted templates, resolved along the organisation path', () => {
  const county = adoptTemplate('seed004.p1.living', { version: 1, effectiveFrom: '2023-01-01' });
  const county2 = adoptTemplate('seed004.p1.living', {
    version: 2,
    effectiveFrom: '2024-01-01',
    params: { annualFen: { deep: y('8400') } },
  });
  const street = adoptTemplate('seed004.p1.living', {
    version: 1,
    effectiveFrom: '2024-07-01',
    params: { annualFen: { deep: y('9000') } },
  });
  const medical = adoptTemplate('seed004.p1.medical', { version: 1, effectiveFrom: '2023-01-01' });
  const chain = (streetVersions: NodeProgrammes['versions'] = [street]): NodeProgrammes[] => [
    { nodeId: 'street', versions: streetVersions },
    { nodeId: 'county', versions: [county, county2, medical] },
  ];

  it('fills the seed’s defaults into an adopted copy', () => {
    expect(county2.params).toMatchObject({ annualFen: { deep: y('8400'), relative: y('6300') }, instalments: 4 });
    expect(() => adoptTemplate('seed004.p1.living', { version: 0, effectiveFrom: '2024-01-01' })).toThrow(RangeError);
    expect(() =>
      adoptTemplate('seed004.p1.living', { version: 1, effectiveFrom: '2024-01-01', params: { instalments: 0 } }),
    ).toThrow(ProgrammeInputError);
  });

  it('picks the version in force on the date, nearest node first', () => {
    const at = (date: string) => resolveProgramme(chain(), 'seed004.p1.living', date);
    expect(at('2023-06-30')).toMatchObject({
      ok: true,
      inherited: true,
      paramsVersion: { nodeId: 'county', version: 1 },
    });
    expect(at('2024-01-01')).toMatchObject({ ok: true, params: { annualFen: { deep: y('8400') } } });
    expect(at('2024-07-01')).toMatchObject({ ok: true, inherited: false, params: { annualFen: { deep: y('9000') } } });
    expect(at('2022-12-31')).toMatchObject({ ok: false, code: 'PROGRAMME_NOT_ADOPTED' });
  });

  it('keeps templates apart, and a revert marker hands the node back to its parent', () => {
    expect(resolveProgramme(chain(), 'seed004.p1.medical', '2024-08-01')).toMatchObject({
      ok: true,
      paramsVersion: { nodeId: 'county' },
    });
    const reverting = chain([street, { templateId: 'seed004.p1.living', effectiveFrom: '2025-01-01', revert: true }]);
    expect(resolveProgramme(reverting, 'seed004.p1.living', '2024-12-31')).toMatchObject({
      paramsVersion: { nodeId: 'street' },
    });
    expect(resolveProgramme(reverting, 'seed004.p1.living', '2025-01-01')).toMatchObject({
      paramsVersion: { nodeId: 'county', version: 2 },
    });
  });

  it('computes with the resolved params and records their version in the explanation', () => {
    const r = computeAdopted(chain(), 'seed004.p1.living', '2024-08-01', { grade: 'deep' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.result.amountFen).toBe(y('9000'));
      expect(r.result.explanation.params).toMatchObject({ version: 1, effectiveFrom: '2024-07-01', nodeId: 'street' });
    }
    expect(computeAdopted(chain(), 'seed004.p1.living', '2020-01-01', { grade: 'deep' }).ok).toBe(false);
    expect(() => computeAdopted(chain(), 'seed004.p1.living', '2024-08-01', {})).toThrow(ProgrammeInputError);
  });
});
