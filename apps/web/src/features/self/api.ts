import type { BindCode, CreateWorkerAccount, HouseholdInput, SelfBind, User } from '@bangfu/contracts';
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
  /** `action` is the event (contracts' selfSteps), `step` its Chinese label. */
  steps: { at: string; action: string; step: string; status: string | null }[];
  assistance: { at: string; programme: string; programmeLabel: string; period: string | null; amountFen: number }[];
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

/** POST /self/bind: the worker links their account with the union's one-time code and their ID number. */
export function useBind() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SelfBind) => api.post<{ fileNo: string }>('/self/bind', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: selfKey }),
  });
}

/** POST /households/:id/bind-code (staff of the union holding the file). */
export function useIssueBindCode(householdId: number) {
  return useMutation({ mutationFn: () => api.post<BindCode>(`/households/${householdId}/bind-code`) });
}

/** POST /households/:id/worker-account: the worker's account opened from the file, linked to it. */
export function useOpenWorkerAccount(householdId: number) {
  return useMutation({
    mutationFn: (input: CreateWorkerAccount) => api.post<User>(`/households/${householdId}/worker-account`, input),
  });
}
