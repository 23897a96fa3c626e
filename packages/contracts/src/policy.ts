import { z } from 'zod';

const fen = z.number().int().min(0).max(99_999_999_999);

/** A version of a node's eligibility policy (the local 低保 line, multiples, thresholds, vocabulary, exclusions). */
export const EligibilityPolicyInputSchema = z
  .object({
    orgId: z.number().int().positive(),
    effectiveFrom: z.iso.date(),
    vocabulary: z.enum(['current', 'legacy']).default('current'),
    /** The local 低保 line, per person per month, 分. */
    dibaoLineFen: fen.default(0),
    /** 相对困难 line as a multiple of the 低保 line, basis points (20000 = 2×). */
    relativeMultipleBp: z.number().int().min(10_000).max(100_000).default(20_000),
    /** 意外致困: hardship losses in the year at or above this (分); seed 004 篇一: 24,000 元. */
    accidentThresholdFen: fen.default(2_400_000),
    /** Older vocabulary (seed 003): 特困 and 困难 lines, 分 per person per month. */
    legacyLines: z.object({ tekunFen: fen, kunnanFen: fen }).nullish(),
    incomeBoundary: z.enum(['below', 'atOrBelow']).default('below'),
    exclusions: z
      .object({
        vehicle: z.boolean(),
        multipleHomes: z.boolean(),
        controllingShareholder: z.boolean(),
        privateSchoolOrAbroad: z.boolean(),
        nonCooperation: z.boolean(),
      })
      .partial()
      .default({}),
    housingAreaPerCapitaM2: z.number().min(0).max(1000).nullish(),
    source: z.string().trim().max(300).nullish(),
  })
  .refine((p) => p.vocabulary === 'legacy' || p.dibaoLineFen > 0, {
    message: '现行口径须填写低保标准 / the current vocabulary needs the 低保 line',
    path: ['dibaoLineFen'],
  })
  .refine((p) => p.vocabulary === 'current' || !!p.legacyLines, {
    message: '原口径须填写特困、困难标准 / the legacy vocabulary needs its lines',
    path: ['legacyLines'],
  });
export type EligibilityPolicyInput = z.infer<typeof EligibilityPolicyInputSchema>;

export const PolicyAtQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  date: z.iso.date().optional(),
});
