import type { HouseholdInput } from '@bangfu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** GET /self/file (modules/self/self.service.ts ownFile). */
export interface OwnFile {
  fileNo: string;
  name: string;
  status: string;
  statusLabel: string;
  grade: string | null;
  kind: string;
  orgName: string;
  householdSize: number;
  perCapitaMonthlyFen: number;
  appliedAt: string;
  filedAt: string | null;
  noticeEnd: string | null;
  steps: { at: string; step: string; status: string | null }[];
  assistance: { at: string; programme: string; amountFen: number }[];
}

export const selfKey = ['self', 'file'] as const;

export function useOwnFile() {
  return useQuery({ queryKey: selfKey, queryFn: () => api.get<OwnFile>('/self/file'), retry: false });
}

export function useApply() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<HouseholdInput, 'orgId'>) =>
      api.post<{ fileNo: string; status: string }>('/self/application', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: selfKey }),
  });
}
