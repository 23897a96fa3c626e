import { describe, expect, it } from 'vitest';
import { EducationParamsSchema, educationAid } from './campaign-education.js';

describe('金秋助学 education aid', () => {
  const params = EducationParamsSchema.parse({ amountsFen: { university: 300_000, senior: 100_000 } });

  it('pays the node’s standard for the child’s stage', () => {
    const r = educationAid(params, { stage: 'university', grade: 'deep' });
    expect(r).toMatchObject({ eligible: true, amountFen: 300_000 });
    expect(r.explanation.summary.zh).toContain('3,000.00');
  });

  it('compulsory schooling is outside the campaign', () => {
    expect(educationAid(params, { stage: 'compulsory', grade: 'deep' })).toMatchObject({
      eligible: false,
      amountFen: 0,
    });
  });

  it('a stage without a standard pays nothing and warns (the seeds give no standard)', () => {
    const r = educationAid(params, { stage: 'vocational', grade: null });
    expect(r).toMatchObject({ eligible: false, amountFen: 0 });
    expect(r.explanation.warnings[0]?.zh).toContain('尚未设定');
    expect(EducationParamsSchema.parse({}).amountsFen).toEqual({ senior: null, vocational: null, university: null });
  });
});
