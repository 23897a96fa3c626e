import { relations } from '@bangfu/contracts';

/**
 * Pure rules of the goods and certificates modules.
 *
 * Dates on paper (received, handed out, valid until) are calendar dates in China (UTC+8): "today" is
 * `clock.today()`, the date in Beijing, not the UTC date, so a hand-out recorded at 07:00 is not refused as
 * "in the future".
 */

/** The date n days after an ISO date (negative n goes back). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** One year of validity: from 2026-11-23 to 2027-11-22 inclusive, the day before the anniversary. */
export function oneYearFrom(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 29 February's anniversary in a common year is 1 March: valid through 28 February.
  return addDays(new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10), -1);
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Who may sign for goods (不得代领): the worker in person ('self'), or a family member listed in the file —
 * then the relation is recorded. Anyone else is a proxy: null.
 */
export function signerRelation(
  signedName: string,
  workerName: string,
  members: readonly { name: string; relation: string }[],
): string | null {
  const n = squash(signedName);
  if (!n) return null;
  if (n === squash(workerName)) return 'self';
  return members.find((m) => squash(m.name) === n)?.relation ?? null;
}

/** '本人', or the relation's Chinese label. */
export function relationLabel(relation: string | null): string {
  if (!relation) return '';
  if (relation === 'self') return '本人';
  return relations.zh[relation as keyof typeof relations.zh] ?? relation;
}

/** The holder's name as a verification shows it: the first character and '*'. */
export function maskHolder(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '*' : `${chars[0]}*`;
}
