/**
 * Money is integer 分 everywhere in code and storage; 元 appears only at the edges (forms, print, export).
 * These helpers are the only place that converts.
 */

/** Parse a 元 amount as users type it ('1,234.5', '7900', '¥ 20.05') into integer 分. Throws on anything else. */
export function yuanToFen(input: string | number): number {
  const text = typeof input === 'number' ? input.toFixed(2) : input.replace(/[,，\s¥￥元]/g, '');
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new RangeError(`not a 元 amount: ${String(input)}`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount too large: ${String(input)}`);
  return m[1] ? -fen : fen;
}

/** Format integer 分 as 元 with two decimals and thousands separators: 790000 → '7,900.00'. */
export function formatYuan(fen: number): string {
  if (!Number.isInteger(fen)) throw new RangeError(`分 must be an integer: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Round 分 to the nearest multiple of unit 分, halves away from zero (e.g. to the nearest 100 元: unit 10000). */
export function roundToNearest(fen: number, unitFen: number): number {
  if (!Number.isInteger(fen) || !Number.isInteger(unitFen) || unitFen <= 0) throw new RangeError('integer 分 expected');
  const sign = fen < 0 ? -1 : 1;
  const abs = Math.abs(fen);
  return sign * Math.floor((abs + unitFen / 2) / unitFen) * unitFen;
}

/** A percentage of an amount in 分, rounded half up to the 分 (percent given in basis points to stay integral). */
export function percentOf(fen: number, basisPoints: number): number {
  return Math.round((fen * basisPoints) / 10000);
}
