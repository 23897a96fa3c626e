/**
 * Every rounding of a programme amount happens here, in integer 分 (ARCHITECTURE.md convention 7: money is integer
 * 分 everywhere). Rates are basis points (10000 = 100 %), so no floating point touches an amount.
 *
 * Modes (amounts are never negative in the programmes, so "half up" is also "half away from zero"):
 * - 'halfUp'   四舍五入: a remainder of exactly half the unit rounds up (seed 004 篇一 "四舍五入精確至百").
 * - 'halfEven' 四舍六入五成双 (banker's rounding), for a locality that asks for it.
 * - 'down'     舍去 (truncate): never pays more than the exact figure.
 * - 'up'       进位: any remainder rounds up.
 */
import { z } from 'zod';
import { formatYuan } from '../money.js';

export const ROUNDING_MODES = ['halfUp', 'halfEven', 'down', 'up'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export const RoundingSchema = z.object({
  /** The unit rounded to, in 分: 1 = 分, 100 = 元, 10000 = 百元. */
  unitFen: z.number().int().positive().max(100_000_000),
  mode: z.enum(ROUNDING_MODES),
});
export type Rounding = z.infer<typeof RoundingSchema>;

/** Rounding to the 分, half up: what a rate gives when the source names no rounding. */
export const TO_FEN: Rounding = { unitFen: 1, mode: 'halfUp' };
/** Seed 004 篇一: "四舍五入精確至百" — to the nearest 100 元, 50 元 rounding up. */
export const TO_HUNDRED_YUAN_HALF_UP: Rounding = { unitFen: 10_000, mode: 'halfUp' };

function checkFen(fen: number, what: string): void {
  if (!Number.isSafeInteger(fen) || fen < 0)
    throw new RangeError(`${what} must be a non-negative integer of 分: ${fen}`);
}

/** Round q + remainder/divisor to an integer by mode (q, remainder, divisor non-negative integers). */
function roundQuotient(q: number, remainder: number, divisor: number, mode: RoundingMode): number {
  if (remainder === 0) return q;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return q + 1;
    case 'halfUp':
      return remainder * 2 >= divisor ? q + 1 : q;
    case 'halfEven':
      if (remainder * 2 > divisor) return q + 1;
      if (remainder * 2 < divisor) return q;
      return q % 2 === 0 ? q : q + 1;
  }
}

/** Round an amount of 分 to a multiple of unitFen: roundToUnitFen(1235000, 10000, 'halfUp') → 1240000. */
export function roundToUnitFen(fen: number, unitFen: number, mode: RoundingMode): number {
  checkFen(fen, 'amount');
  if (!Number.isSafeInteger(unitFen) || unitFen <= 0)
    throw new RangeError(`unit must be a positive integer: ${unitFen}`);
  return roundQuotient(Math.floor(fen / unitFen), fen % unitFen, unitFen, mode) * unitFen;
}

/** fen × basisPoints / 10000, rounded to the 分 by mode, exactly (integer arithmetic only). */
export function applyRateBp(fen: number, basisPoints: number, mode: RoundingMode = 'halfUp'): number {
  return rateThenRound(fen, basisPoints, { unitFen: 1, mode });
}

/**
 * fen × basisPoints / 10000 rounded straight to the unit: the exact product is rounded once, so there is no
 * double rounding (a product of 49.995 元 must not become 50.00 元 and then 100 元).
 */
export function rateThenRound(fen: number, basisPoints: number, rounding: Rounding): number {
  checkFen(fen, 'amount');
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0)
    throw new RangeError(`rate must be ≥ 0 bp: ${basisPoints}`);
  const product = fen * basisPoints;
  const divisor = 10_000 * rounding.unitFen;
  if (!Number.isSafeInteger(product) || !Number.isSafeInteger(divisor)) {
    throw new RangeError(`amount × rate too large: ${fen} × ${basisPoints}`);
  }
  return roundQuotient(Math.floor(product / divisor), product % divisor, divisor, rounding.mode) * rounding.unitFen;
}

const MODE_TEXT: Record<RoundingMode, { zh: string; en: string }> = {
  halfUp: { zh: '四舍五入', en: 'half up (四舍五入: exactly half rounds up)' },
  halfEven: { zh: '四舍六入五成双', en: 'half to even' },
  down: { zh: '舍去尾数', en: 'down (truncate)' },
  up: { zh: '进位', en: 'up (any remainder rounds up)' },
};

const UNIT_ZH: Record<number, string> = { 1: '分', 10: '角', 100: '元', 1000: '十元', 10000: '百元', 100000: '千元' };

/** '四舍五入至百元' / 'to 100.00 元, half up (…)'. */
export function describeRounding(r: Rounding): { zh: string; en: string } {
  const unit = UNIT_ZH[r.unitFen] ?? `${formatYuan(r.unitFen)}元`;
  return { zh: `${MODE_TEXT[r.mode].zh}至${unit}`, en: `to ${formatYuan(r.unitFen)} 元, ${MODE_TEXT[r.mode].en}` };
}

/** '80%', '12.5%', '100%' from basis points. */
export function percentLabel(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = bp % 100;
  return frac === 0 ? `${whole}%` : `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}%`;
}
