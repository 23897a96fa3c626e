import type { ServiceDeskSettings, WorkOrderDifficulty } from '@bangfu/contracts';
import { addWorkingDays, type Counted } from './servicedesk.calendar.js';

/**
 * Default deadlines in working days by the 12351 classes (一般问题 / 难点问题 / 特别复杂问题). The national standard
 * sets the figures and the seeds name none, so every node may set its own (`servicedesk_setting`, inherited down
 * the tree); urgent matters are due the day they arrive ("问题不过夜", seed 000 第五篇).
 */
export const DEFAULT_SERVICE_DESK_SETTINGS: ServiceDeskSettings = {
  generalDays: 15,
  difficultDays: 30,
  complexDays: 60,
  dueSoonDays: 2,
  repeatWindowDays: 90,
};

export interface Deadline extends Counted {
  /** Working days allowed; 0 for an urgent matter (same day). */
  days: number;
}

const daysOf = (s: ServiceDeskSettings, d: WorkOrderDifficulty) =>
  d === 'complex' ? s.complexDays : d === 'difficult' ? s.difficultDays : s.generalDays;

/**
 * The due date of a matter received (or reopened) on `from`: urgent the same day, whatever the calendar says; else
 * the n-th working day after it by its class.
 */
export function deadlineFor(
  from: string,
  urgency: 'normal' | 'urgent',
  difficulty: WorkOrderDifficulty,
  settings: ServiceDeskSettings,
): Deadline {
  if (urgency === 'urgent') return { date: from, provisional: false, days: 0 };
  const days = daysOf(settings, difficulty);
  return { ...addWorkingDays(from, days), days };
}

/** One extension: the due date moves by n more working days. */
export function extendedDue(dueOn: string, workingDays: number): Counted {
  return addWorkingDays(dueOn, workingDays);
}

/** The last due date still "due soon" on `today`: at most n working days away. */
export function dueSoonLimit(today: string, n: number): string {
  return addWorkingDays(today, n).date;
}

/** ',a,b,' — each category between commas, for matching with LIKE '%,a,%'. */
export const categoriesColumn = (cs: readonly string[]) => `,${[...new Set(cs)].join(',')},`;
export const categoriesOf = (column: string) => column.split(',').filter(Boolean);

/** 138****5678; a short local number shows its last four only. */
export function maskPhone(p: string): string {
  return p.length >= 8 ? `${p.slice(0, 3)}****${p.slice(-4)}` : `****${p.slice(-4)}`;
}

export const SECRET = '保密';
