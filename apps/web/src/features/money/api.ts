import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type {
  Batch,
  Budget,
  FundChoice,
  FundView,
  Grant,
  LedgerEntry,
  PaymentList,
  ProgrammeTemplateInfo,
  RuleAtNode,
  Signature,
  TrialBalance,
  WhatIfInput,
  WhatIfResult,
} from './types';

export * from './types';

// ── programmes ──────────────────────────────────────────────────────────────────────────────────────────

export function useTemplates() {
  return useQuery({
    queryKey: ['programmes', 'templates'],
    queryFn: () => api.get<ProgrammeTemplateInfo[]>('/programmes/templates'),
    staleTime: 10 * 60_000,
  });
}

export function useRules(orgId: number, date?: string) {
  return useQuery({
    queryKey: ['programmes', 'rules', orgId, date ?? ''],
    queryFn: () => api.get<{ orgId: number; date: string; items: RuleAtNode[] }>('/programmes/rules', { orgId, date }),
  });
}

export function useAdoptRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      orgId: number;
      templateId: string;
      effectiveFrom: string;
      params: Record<string, unknown>;
      note?: string;
    }) => api.post<{ version: number }>('/programmes/rules', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['programmes', 'rules'] }),
  });
}

export function useWhatIf() {
  return useMutation({ mutationFn: (input: WhatIfInput) => api.post<WhatIfResult>('/programmes/what-if', input) });
}

// ── funds, ledger, budgets ───────────────────────────────────────────────────────────────────────────────

const invalidateMoney = (qc: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    qc.invalidateQueries({ queryKey: ['funds'] }),
    qc.invalidateQueries({ queryKey: ['ledger'] }),
    qc.invalidateQueries({ queryKey: ['budgets'] }),
  ]);

export function useFunds(orgId: number, enabled = true) {
  return useQuery({
    queryKey: ['funds', orgId],
    queryFn: () => api.get<{ orgId: number; orgName: string; items: FundView[] }>('/funds', { orgId }),
    enabled,
  });
}

/** The funds a batch at a node may be paid from, by name (for proposers, who may not read balances). */
export function useFundChoices(orgId: number, programme: string, enabled = true) {
  return useQuery({
    queryKey: ['funds', 'choices', orgId, programme],
    queryFn: () => api.get<{ orgId: number; items: FundChoice[] }>('/funds/choices', { orgId, programme }),
    enabled,
  });
}

export function useCreateFund() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      orgId: number;
      name: string;
      source: string;
      restrictedProgramme: string | null;
      year: number;
      note?: string;
    }) => api.post<{ id: number }>('/funds', input),
    onSuccess: () => invalidateMoney(qc),
  });
}

export function useReceipt() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ fundId, ...body }: { fundId: number; amountFen: number; memo: string }) =>
      api.post<{ entryId: number }>(`/funds/${fundId}/receipts`, body),
    onSuccess: () => invalidateMoney(qc),
  });
}

export function useAllocation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      fundId,
      ...body
    }: {
      fundId: number;
      fromOrgId: number;
      toOrgId: number;
      amountFen: number;
      memo: string;
    }) => api.post<{ entryId: number }>(`/funds/${fundId}/allocations`, body),
    onSuccess: () => invalidateMoney(qc),
  });
}

export function useLedger(orgId: number, fundId: number | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['ledger', 'entries', orgId, fundId ?? 0, page, pageSize],
    queryFn: () =>
      api.get<Page<LedgerEntry>>('/ledger/entries', {
        orgId,
        fundId,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTrialBalance(orgId: number) {
  return useQuery({
    queryKey: ['ledger', 'trial', orgId],
    queryFn: () => api.get<TrialBalance>('/ledger/trial-balance', { orgId }),
  });
}

export function useBudgets(orgId: number, year: number) {
  return useQuery({
    queryKey: ['budgets', orgId, year],
    queryFn: () => api.get<{ orgId: number; year: number; items: Budget[] }>('/budgets', { orgId, year }),
  });
}

export function usePutBudget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { orgId: number; programme: string; year: number; amountFen: number }) =>
      api.put<{ items: Budget[] }>('/budgets', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['budgets'] }),
  });
}

// ── batches and grants ───────────────────────────────────────────────────────────────────────────────────

export function useBatches(orgId: number | undefined, status: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['batches', 'list', orgId ?? 0, status ?? '', page, pageSize],
    queryFn: () => api.get<Page<Batch>>('/batches', { orgId, status, limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** A batch; polled every half second while it computes, so the progress bar moves. */
export function useBatch(id: number) {
  return useQuery({
    queryKey: ['batches', 'one', id],
    queryFn: () => api.get<Batch>(`/batches/${id}`),
    refetchInterval: (q) => (q.state.data?.status === 'computing' ? 500 : false),
  });
}

export function useBatchGrants(id: number, status: string | undefined, page: number, pageSize: number, on = true) {
  return useQuery({
    queryKey: ['batches', 'grants', id, status ?? '', page, pageSize],
    queryFn: () =>
      api.get<Page<Grant>>(`/batches/${id}/grants`, { status, limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
    enabled: on,
  });
}

export function usePaymentList(id: number) {
  return useQuery({
    queryKey: ['batches', 'payment-list', id],
    queryFn: () => api.get<PaymentList>(`/batches/${id}/payment-list`),
  });
}

export function useHouseholdGrants(householdId: number) {
  return useQuery({
    queryKey: ['batches', 'household', householdId],
    queryFn: () => api.get<{ items: Grant[]; paidFen: number }>(`/households/${householdId}/grants`),
  });
}

/** Every batch action answers the batch (or something with it): refresh batches, the ledger and funds. */
export function useBatchAction<I>(run: (input: I) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['batches'] }),
        qc.invalidateQueries({ queryKey: ['applications'] }),
        invalidateMoney(qc),
      ]),
  });
}

export const batchApi = {
  create: (input: {
    orgId: number;
    programme: 'living';
    period: string;
    method: string;
    fundId: number;
    title?: string;
  }) => api.post<Batch>('/batches', input),
  resume: (id: number) => api.post<Batch>(`/batches/${id}/resume`),
  submit: (id: number, comment?: string) => api.post<Batch>(`/batches/${id}/submit`, { comment }),
  decide: (id: number, decision: 'approve' | 'reject', comment?: string) =>
    api.post<Batch>(`/batches/${id}/decision`, { decision, comment }),
  comment: (id: number, comment: string) => api.post<Batch>(`/batches/${id}/comments`, { comment }),
  pay: (id: number, grantIds?: number[]) => api.post<Batch>(`/batches/${id}/pay`, { grantIds }),
  sentToBank: (id: number) => api.post<Batch>(`/batches/${id}/sent-to-bank`),
  reconcile: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ paid: number; failed: number; paidFen: number }>(`/batches/${id}/reconcile`, form);
  },
  mark: (grantId: number, body: { status: 'paid'; signature?: Signature } | { status: 'failed'; reason: string }) =>
    api.post<{ id: number; status: string }>(`/grants/${grantId}/mark`, body),
  /** After a failed payment: send it for payment again (once), or void it with a reason. */
  repay: (grantId: number) => api.post<Grant>(`/grants/${grantId}/repay`, {}),
  voidGrant: (grantId: number, reason: string) => api.post<Grant>(`/grants/${grantId}/void`, { reason }),
};
