/**
 * 金秋助学 education aid (seeds 000, 001, 004; DOMAIN.md "Assistance"): a campaign each autumn (and spring) for
 * the children of archived households in non-compulsory education — high school, vocational school, university —
 * "with investigation, review and notice". The seeds give totals (seed 001: 「对90名困难大学生发放助学款18.5万元」,
 * seed 003: 「五年累计筹集助学金539.91万元,资助2303名特困职工子女走进了大学校门」) but no standard per child, so the
 * amount per school stage is the node's own number: a stage without a standard pays nothing and says so.
 * Compulsory schooling (primary and junior) is outside the campaign.
 */
import { z } from 'zod';
import { formatYuan } from '../money.js';
import { fen, GradeSchema } from './schemas.js';
import { type ComputeContext, defineTemplate, finish, type ProgrammeMeta, Trace, yuan } from './types.js';

export const EDUCATION_META: ProgrammeMeta = {
  id: 'campaign.education',
  name: { zh: '金秋助学', en: 'Golden-autumn education aid' },
  kind: 'education',
  source: {
    seed: '001',
    part: '帮扶工作总结',
    lines: '—',
    quote: '对90名困难大学生发放助学款18.5万元',
  },
};

export const SCHOOL_STAGES = ['compulsory', 'senior', 'vocational', 'university'] as const;
const STAGE_LABEL = {
  compulsory: { zh: '义务教育', en: 'compulsory schooling' },
  senior: { zh: '普通高中', en: 'senior high school' },
  vocational: { zh: '中职/高职', en: 'vocational school' },
  university: { zh: '大学（本专科）', en: 'university' },
} as const;

const nullableFen = z.union([fen, z.null()]);
export const EducationParamsSchema = z.object({
  /** Aid per child and school year by stage, 分; null: the node has not set a standard for the stage. */
  amountsFen: z
    .object({
      senior: nullableFen.default(null),
      vocational: nullableFen.default(null),
      university: nullableFen.default(null),
    })
    .prefault({}),
});
export type EducationParams = z.output<typeof EducationParamsSchema>;

export const EducationInputSchema = z.object({
  stage: z.enum(SCHOOL_STAGES),
  /** The household's grade; any grade of a file in the archive qualifies. */
  grade: GradeSchema.nullable().default(null),
});
export type EducationInput = z.output<typeof EducationInputSchema>;

export function educationAid(params: EducationParams, input: EducationInput, ctx?: ComputeContext) {
  const t = new Trace(EDUCATION_META.id);
  const label = STAGE_LABEL[input.stage];
  const out = (eligible: boolean, amountFen: number, zh: string, en: string) =>
    finish<{ stage: string }, EducationParams>(EDUCATION_META, params, ctx, t, {
      eligible,
      amountFen,
      inputs: input,
      detail: { stage: input.stage },
      summary: { zh, en },
    });
  if (input.stage === 'compulsory') {
    t.add('stage', 'eligibility', '义务教育阶段不在金秋助学范围', 'Compulsory schooling is outside the campaign', {
      stage: input.stage,
    });
    return out(false, 0, '义务教育阶段，不予助学', 'Compulsory schooling: no aid');
  }
  const amount = params.amountsFen[input.stage];
  if (amount === null) {
    t.warn(`本级尚未设定${label.zh}的助学标准`, `No standard is set for ${label.en}`);
    return out(false, 0, `未设定${label.zh}助学标准`, `No standard for ${label.en}`);
  }
  t.add('standard', 'input', `${label.zh}助学标准${yuan(amount)}`, `Standard for ${label.en}: ${formatYuan(amount)}`, {
    stage: input.stage,
    amountFen: amount,
  });
  return out(amount > 0, amount, `${label.zh}助学${yuan(amount)}`, `${label.en} aid ${formatYuan(amount)}`);
}

export const educationTemplate = defineTemplate({
  ...EDUCATION_META,
  paramsSchema: EducationParamsSchema,
  inputSchema: EducationInputSchema,
  compute: educationAid,
});
