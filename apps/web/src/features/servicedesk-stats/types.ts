/** The analysis' answer (apps/server/src/modules/servicedesk/servicedesk.stats.ts). Rates in basis points. */
export interface Figures {
  received: number;
  receivedPrev: number;
  collective: number;
  collectivePeople: number;
  repeats: number;
  closed: number;
  closedPrev: number;
  closedOnTime: number;
  onTimeRateBp: number | null;
  onTimeRateBpPrev: number | null;
  wagesRecoveredFen: number;
  wagesRecoveredFenPrev: number;
  callbacks: number;
  satisfied: number;
  basically: number;
  unsatisfied: number;
  satisfiedShareBp: number | null;
  basicallyShareBp: number | null;
  unsatisfiedShareBp: number | null;
  satisfactionRateBp: number | null;
}

export interface Period {
  kind: 'month' | 'quarter' | 'year';
  from: string;
  to: string;
  label: string;
}

export interface CountRow {
  code: string;
  label: string;
  count: number;
  prev: number;
}

export interface Stats {
  org: { id: number; name: string };
  period: Period;
  previous: Period;
  totals: Figures & { openNow: number; overdueNow: number };
  byCategory: (CountRow & { rise: number; riseBp: number | null })[];
  byChannel: CountRow[];
  byNode: (Figures & { org: { id: number; name: string }; own: boolean })[];
  trend: (Period & {
    received: number;
    closed: number;
    closedOnTime: number;
    onTimeRateBp: number | null;
    wagesRecoveredFen: number;
  })[];
  hot: {
    categories: (CountRow & { rise: number; riseBp: number | null })[];
    employers: { employer: string; count: number; prev: number; rise: number; riseBp: number | null }[];
  };
}
