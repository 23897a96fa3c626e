import type { HouseholdInput, HouseholdListItem, HouseholdQuery } from '@bangfu/contracts';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, request } from '../../lib/api';
import type { Attachment, FileHistory, FileVersion, HouseholdDetail, IncomeRecord } from './types';

/** The list's filters as the query string carries them: status is one code or a comma-separated list. */
export type HouseholdFilters = Partial<Omit<HouseholdQuery, 'limit' | 'offset' | 'status'>> & { status?: string };

export const archiveKeys = {
  all: ['households'] as const,
  list: (f: HouseholdFilters, page: number, size: number) => ['households', 'list', f, page, size] as const,
  queue: (q: string, extra: unknown, page: number, size: number) =>
    ['households', 'queue', q, extra, page, size] as const,
  one: (id: number, reveal: boolean) => ['households', 'one', id, reveal] as const,
  history: (id: number) => ['households', 'history', id] as const,
  attachments: (id: number) => ['households', 'attachments', id] as const,
  incomes: (id: number) => ['households', 'incomes', id] as const,
};

/** A revealed read of a file (personal data, audited): never refetched behind the user's back. */
const isRevealed = (key: readonly unknown[]) => key[1] === 'one' && key[3] === true;

/** Refresh the archive's lists and files after a change, leaving revealed reads alone (each one is audited). */
export function invalidateArchive(qc: QueryClient) {
  return qc.invalidateQueries({ queryKey: archiveKeys.all, predicate: (q) => !isRevealed(q.queryKey) });
}

export function useHouseholds(filters: HouseholdFilters, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: archiveKeys.list(filters, page, pageSize),
    queryFn: () =>
      api.get<Page<HouseholdListItem>>('/households', {
        ...filters,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A work queue of dynamic management (due, overdue, stale, never_assisted, notice, …). */
export function useQueue(queue: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: archiveKeys.queue(queue, null, page, pageSize),
    queryFn: () =>
      api.get<Page<HouseholdListItem>>(`/households/queues/${queue}`, {
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    placeholderData: keepPreviousData,
  });
}

/** One file. reveal=true shows full personal data: the server checks personal.reveal and audits the read. */
export function useHousehold(id: number, reveal = false) {
  return useQuery({
    queryKey: archiveKeys.one(id, reveal),
    queryFn: () => api.get<HouseholdDetail>(`/households/${id}`, reveal ? { reveal: 'true' } : undefined),
    staleTime: reveal ? 0 : 15_000,
    gcTime: reveal ? 0 : undefined,
    enabled: id > 0,
  });
}

export function useHistory(id: number) {
  return useQuery({
    queryKey: archiveKeys.history(id),
    queryFn: () => api.get<FileHistory>(`/households/${id}/history`),
  });
}

/** One whole earlier version (personal data inside: personal.reveal, audited). */
export const fetchVersion = (id: number, version: number) =>
  api.get<FileVersion>(`/households/${id}/versions/${version}`);

export function useAttachments(id: number) {
  return useQuery({
    queryKey: archiveKeys.attachments(id),
    queryFn: () => api.get<Attachment[]>(`/households/${id}/attachments`),
  });
}

export function useUploadAttachment(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind }: { file: File; kind: string }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<Attachment>(`/households/${id}/attachments`, form, { kind });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: archiveKeys.attachments(id) }),
  });
}

export function useIncomes(id: number) {
  return useQuery({
    queryKey: archiveKeys.incomes(id),
    queryFn: () => api.get<IncomeRecord>(`/households/${id}/incomes`),
  });
}

export function useRecordIncome(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ month, householdIncomeFen, note }: { month: string; householdIncomeFen: number; note?: string }) =>
      api.put<unknown>(`/households/${id}/incomes/${month}`, { householdIncomeFen, ...(note ? { note } : {}) }),
    onSuccess: () => invalidateArchive(qc),
  });
}

export function useCreateHousehold() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: HouseholdInput) => api.post<{ id: number; fileNo: string }>('/households', input),
    onSuccess: () => invalidateArchive(qc),
  });
}

export function useUpdateHousehold(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, expectedVersion }: { input: HouseholdInput; expectedVersion?: number }) =>
      request<{ id: number; version: number }>('PUT', `/households/${id}`, {
        body: input,
        query: { expectedVersion },
      }),
    onSuccess: () => invalidateArchive(qc),
  });
}
