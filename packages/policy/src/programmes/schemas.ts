/** Schema pieces shared by the templates' params and inputs. */
import { z } from 'zod';

/** An amount of integer 分, ≥ 0 (the same bound as contracts' policy schema). */
export const fen = z.number().int().min(0).max(99_999_999_999);
/** A rate in basis points: 10000 = 100 %. */
export const basisPoints = z.number().int().min(0).max(100_000);

/** The grades of policy.ts: current vocabulary (seed 004) and the older 特困 / 困难 (seeds 000, 003). */
export const GradeSchema = z.enum(['deep', 'relative', 'accident', 'tekun', 'kunnan']);
export type Grade = z.infer<typeof GradeSchema>;

/**
 * A household's per-capita monthly income: either the figure itself, or the net annual income and household
 * size so that comparisons cross-multiply in integers and never depend on a rounded figure (income.ts).
 */
export const PerCapitaIncomeSchema = z.union([
  z.object({ perCapitaMonthlyFen: fen }),
  z.object({ netAnnualFen: fen, householdSize: z.number().int().min(1).max(50) }),
]);
export type PerCapitaIncome = z.infer<typeof PerCapitaIncomeSchema>;

export const IncomeBoundarySchema = z.enum(['below', 'atOrBelow']);
export type IncomeBoundary = z.infer<typeof IncomeBoundarySchema>;

/** The per-capita monthly figure shown to people (floored to the 分); never used for a comparison. */
export function perCapitaDisplayFen(income: PerCapitaIncome): number {
  if ('perCapitaMonthlyFen' in income) return income.perCapitaMonthlyFen;
  return Math.floor(income.netAnnualFen / (income.householdSize * 12));
}

/** Is the per-capita monthly income below (or at or below) a monthly line, exactly, in integers. */
export function perCapitaWithin(income: PerCapitaIncome, lineFen: number, boundary: IncomeBoundary): boolean {
  const [value, limit] =
    'perCapitaMonthlyFen' in income
      ? [income.perCapitaMonthlyFen, lineFen]
      : [income.netAnnualFen, lineFen * income.householdSize * 12];
  if (!Number.isSafeInteger(limit)) throw new RangeError('line too large');
  return boundary === 'below' ? value < limit : value <= limit;
}
