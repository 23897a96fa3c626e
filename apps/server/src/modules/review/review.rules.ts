import { randomInt } from 'node:crypto';
import type { ReviewProgress } from '@bangfu/contracts';

/**
 * How many more files to draw so that the sampled share of the eligible reviewed files reaches the round's share:
 * ceil(share × eligible) − already sampled, never negative. A second draw with no new reviews draws nothing; a
 * draw after more reviews tops the sample up to the share of all of them.
 */
export function drawCount(shareBp: number, eligible: number, sampled: number): number {
  const target = Math.ceil((shareBp * eligible) / 10_000);
  return Math.max(0, Math.min(target, eligible) - sampled);
}

/**
 * k items of `items` drawn uniformly at random without replacement (a partial Fisher–Yates shuffle on a copy),
 * with a cryptographic random source so that no one can predict or steer which reviews are checked.
 */
export function drawUniform<T>(items: readonly T[], k: number, rand: (max: number) => number = randomInt): T[] {
  const a = [...items];
  const n = Math.min(k, a.length);
  for (let i = 0; i < n; i++) {
    const j = i + rand(a.length - i);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a.slice(0, n);
}

/** The years a round may be opened for: last year (late), this year, next year (early). */
export function allowedYears(today: string): { from: number; to: number } {
  const y = Number(today.slice(0, 4));
  return { from: y - 1, to: y + 1 };
}

/** The due date: 31 December of the round's year, or today when that has passed (a late round). */
export function defaultDueOn(year: number, today: string): string {
  const end = `${year}-12-31`;
  return end < today ? today : end;
}

/** The latest due date allowed: the end of the following year. */
export const latestDueOn = (year: number) => `${year + 1}-12-31`;

/** Review dates of a round: from 1 January of its year to today. */
export const firstReviewDay = (year: number) => `${year}-01-01`;

/**
 * The board's node: the opening node, or the caller's own node when the caller sits below it or the round holds
 * the caller's files from elsewhere (a moved county); a node named by the caller, when it lies in that range.
 */
export function anchorPath(roundPath: string, callerPath: string): string {
  return callerPath.startsWith(roundPath) ? callerPath : roundPath.startsWith(callerPath) ? roundPath : callerPath;
}

/** The id of the child of `anchor` a path lies in ('self' for the anchor itself, null when outside it). */
export function childOf(anchor: string, path: string): number | 'self' | null {
  if (!path.startsWith(anchor)) return null;
  if (path === anchor) return 'self';
  return Number(path.slice(anchor.length).split('/')[0]);
}

export const emptyProgress = (): ReviewProgress => ({
  files: 0,
  reviewed: 0,
  notReviewed: 0,
  overdue: 0,
  left: 0,
  stale: 0,
  sampled: 0,
  checked: 0,
  discrepancies: 0,
  needsChange: 0,
  needsStep: 0,
});

type Counts = Omit<ReviewProgress, 'overdue'>;

/** Add a node's counts into a total; overdue = not reviewed (still in the archive) once the due date has passed. */
export function addInto(total: ReviewProgress, c: Counts, pastDue: boolean): ReviewProgress {
  total.files += c.files;
  total.reviewed += c.reviewed;
  total.notReviewed += c.notReviewed;
  total.overdue += pastDue ? c.notReviewed : 0;
  total.left += c.left;
  total.stale += c.stale;
  total.sampled += c.sampled;
  total.checked += c.checked;
  total.discrepancies += c.discrepancies;
  total.needsChange += c.needsChange;
  total.needsStep += c.needsStep;
  return total;
}
