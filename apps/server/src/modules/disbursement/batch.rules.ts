/** A batch's period and the rule it was computed with (frozen on the batch, so a later policy change does not move it). */
export interface BatchRule {
  templateId: string;
  version: number;
  effectiveFrom: string;
  nodeId: number;
  params: unknown;
}

/** '2027Q1' → the instalment index (0–3), the quarter's first day and the next quarter's first day. */
export function quarterOf(period: string): { year: number; index: number; start: string; end: string } {
  const m = /^(\d{4})Q([1-4])$/.exec(period);
  if (!m) throw new RangeError(`not a quarter: ${period}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const month = (n: number) => String(n).padStart(2, '0');
  const start = `${year}-${month((q - 1) * 3 + 1)}-01`;
  const end = q === 4 ? `${year + 1}-01-01` : `${year}-${month(q * 3 + 1)}-01`;
  return { year, index: q - 1, start, end };
}
