import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type { Lawyer, LegalAidDetail, LegalAidSummary } from './types';

/** The legal-aid routes (apps/server/src/modules/legalaid/legalaid.routes.ts). */

export interface ListFilters {
  status?: string;
  caseKind?: string;
  q?: string;
  view?: 'all' | 'overdue';
}

export function useApplications(orgId: number, f: ListFilters, page: number, size: number) {
  return useQuery({
    queryKey: ['legal-aid', 'list', orgId, f, page, size],
    queryFn: () =>
      api.get<Page<LegalAidSummary>>('/legal-aid', { orgId, ...f, limit: size, offset: (page - 1) * size }),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: number) {
  return useQuery({ queryKey: ['legal-aid', 'one', id], queryFn: () => api.get<LegalAidDetail>(`/legal-aid/${id}`) });
}

export function useLawyersFor(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['legal-aid', 'lawyers-for', id],
    queryFn: () => api.get<{ items: Lawyer[] }>(`/legal-aid/${id}/lawyers`),
    enabled,
  });
}

export function useLawyers(orgId: number) {
  return useQuery({
    queryKey: ['legal-lawyers', orgId],
    queryFn: () => api.get<{ items: Lawyer[] }>('/legal-lawyers', { orgId }),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['legal-aid'] });
    void qc.invalidateQueries({ queryKey: ['legal-lawyers'] });
  };
}

export function useRegister() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<LegalAidDetail>('/legal-aid', body),
    onSuccess: done,
  });
}

/** A step on an application: POST (or PUT for the mediation record) /legal-aid/:id/<path>. */
export function useCaseAction(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ path, body, method }: { path: string; body: unknown; method?: 'post' | 'put' }) =>
      method === 'put'
        ? api.put<{ status: string }>(`/legal-aid/${id}/${path}`, body)
        : api.post<{ status: string }>(`/legal-aid/${id}/${path}`, body),
    onSuccess: done,
  });
}

export function useUploadEvidence(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<{ id: number; filename: string }>(`/legal-aid/${id}/attachments`, form);
    },
    onSuccess: done,
  });
}

export function useSaveLawyer() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: Record<string, unknown> }) =>
      id ? api.patch<Lawyer>(`/legal-lawyers/${id}`, body) : api.post<Lawyer>('/legal-lawyers', body),
    onSuccess: done,
  });
}
