import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, download } from '../../lib/api';
import type { Stats } from './types';

/** GET /servicedesk/stats and its .xlsx (apps/server/src/modules/servicedesk/servicedesk.stats.routes.ts). */
export interface StatsQuery {
  orgId: number;
  period: 'month' | 'quarter' | 'year';
  date: string;
}

export function useStats(q: StatsQuery) {
  return useQuery({
    queryKey: ['servicedesk-stats', q],
    queryFn: () => api.get<Stats>('/servicedesk/stats', { ...q }),
    placeholderData: keepPreviousData,
  });
}

export const downloadStats = (q: StatsQuery) => download('/servicedesk/stats.xlsx', 'servicedesk-stats.xlsx', { ...q });
