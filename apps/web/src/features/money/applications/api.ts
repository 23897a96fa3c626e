import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api';
import type { Approval, Batch, Explanation, Grant } from '../types';

/** Individual applications and campaign entries (modules/assistance), campaigns, the approver's combined queue. */

export interface Application {
  id: number;
  orgId: number;
  householdId: number;
  householdName?: string;
  idMasked?: string;
  programme: string;
  period: string;
  templateId: string;
  campaignId: number | null;
  memberSeq: number | null;
  amountFen: number;
  status: 'pending_approval' | 'approved' | 'rejected' | 'paid' | string;
  method: 'bank' | 'cash';
  fundId: number | null;
  requiredLevel: string | null;
  requiredOrgId: number | null;
  createdBy: string | null;
  createdAt: string;
}

export interface ApplicationDetail extends Application {
  explanation: Explanation;
  inputs: Record<string, unknown>;
  grant: Grant | null;
  approvals: Approval[];
}

export interface Campaign {
  id: number;
  key: string;
  orgId: number;
  programme: 'holiday' | 'education' | string;
  templateId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed' | string;
  note: string | null;
  entries?: { status: string; count: number; amountFen: number }[];
}

export interface ApplicationInput {
  householdId: number;
  templateId?: string;
  campaignId?: number;
  memberSeq?: number;
  inputs: Record<string, unknown>;
  period?: string;
  method: 'bank' | 'cash';
  fundId?: number;
  note?: string;
}

const refresh = (qc: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    qc.invalidateQueries({ queryKey: ['applications'] }),
    qc.invalidateQueries({ queryKey: ['campaigns'] }),
    qc.invalidateQueries({ queryKey: ['batches'] }),
    qc.invalidateQueries({ queryKey: ['funds'] }),
    qc.invalidateQueries({ queryKey: ['ledger'] }),
  ]);

export function useApplications(
  q: { orgId?: number; status?: string; programme?: string; campaignId?: number },
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: ['applications', 'list', q, page, pageSize],
    queryFn: () =>
      api.get<Page<Application>>('/applications', { ...q, limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: number) {
  return useQuery({
    queryKey: ['applications', 'one', id],
    queryFn: () => api.get<ApplicationDetail>(`/applications/${id}`),
  });
}

export function useMyQueue() {
  return useQuery({
    queryKey: ['batches', 'mine'],
    queryFn: () => api.get<{ batches: Batch[]; applications: Application[] }>('/approvals/queue'),
  });
}

export function useCampaigns(orgId?: number) {
  return useQuery({
    queryKey: ['campaigns', orgId ?? 0],
    queryFn: () => api.get<{ items: Campaign[] }>('/campaigns', { orgId }),
  });
}

export function useCampaign(id: number | null) {
  return useQuery({
    queryKey: ['campaigns', 'one', id ?? 0],
    queryFn: () => api.get<Campaign>(`/campaigns/${id}`),
    enabled: !!id,
  });
}

/** Every assistance action refreshes applications, campaigns, queues, funds and the ledger. */
export function useAssistanceAction<I, O = unknown>(run: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => refresh(qc) });
}

export const assistanceApi = {
  apply: (input: ApplicationInput) => api.post<ApplicationDetail>('/applications', input),
  decide: (id: number, decision: 'approve' | 'reject', comment?: string) =>
    api.post<ApplicationDetail>(`/applications/${id}/decision`, { decision, comment }),
  createCampaign: (input: {
    orgId: number;
    programme: string;
    templateId: string;
    title: string;
    startsOn: string;
    endsOn: string;
    note?: string;
  }) => api.post<Campaign>('/campaigns', input),
  closeCampaign: (id: number) => api.post<Campaign>(`/campaigns/${id}/close`),
  decideCampaign: (id: number, decision: 'approve' | 'reject', comment?: string) =>
    api.post<{ decided: number }>(`/campaigns/${id}/decision`, { decision, comment }),
};
