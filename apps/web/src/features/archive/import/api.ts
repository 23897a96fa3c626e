import type { ImportBatch } from '@bangfu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api';
import { invalidateArchive } from '../api';

export interface ImportRow {
  id: number;
  row: number;
  status: 'valid' | 'invalid' | 'suspected' | 'accepted' | 'rejected' | 'committed';
  name: string | null;
  problems: { column: string; problem: string }[];
  householdId: number | null;
}

const RUNNING = ['validating', 'committing'];

/** The batch, polled every half second while the server validates or commits it. */
export function useImportBatch(id: number | null) {
  return useQuery({
    queryKey: ['archive-import', id],
    queryFn: () => api.get<ImportBatch>(`/households/imports/${id}`),
    enabled: !!id,
    staleTime: 0,
    // Polled while running; an interrupted batch (its server stopped) waits for resume or cancel.
    refetchInterval: (q) =>
      q.state.data && (!RUNNING.includes(q.state.data.status) || q.state.data.interrupted) ? false : 500,
  });
}

export function useImportRows(
  id: number | null,
  status: string | undefined,
  page: number,
  size: number,
  ready: boolean,
) {
  return useQuery({
    queryKey: ['archive-import', id, 'rows', status, page, size],
    queryFn: () =>
      api.get<Page<ImportRow>>(`/households/imports/${id}/rows`, {
        status,
        limit: size,
        offset: (page - 1) * size,
      }),
    enabled: !!id && ready,
    placeholderData: keepPreviousData,
  });
}

export function useStageImport() {
  return useMutation({
    mutationFn: ({ file, orgId }: { file: File; orgId: number }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<{ id: number }>('/households/imports', form, { orgId });
    },
  });
}

export function useDecideRow(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ rowId, decision }: { rowId: number; decision: 'accept' | 'reject' }) =>
      api.post<unknown>(`/households/imports/${id}/rows/${rowId}/decision`, { decision }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['archive-import', id] }),
  });
}

export function useCommitImport(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (asFiled: boolean) => api.post<{ id: number }>(`/households/imports/${id}/commit`, { asFiled }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['archive-import', id] });
      void invalidateArchive(qc);
    },
  });
}

/** Approve an import as 在档 (a second person), resume an interrupted commit, or cancel. */
export function useImportAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: 'approve' | 'resume' | 'cancel') => api.post<unknown>(`/households/imports/${id}/${action}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['archive-import', id] });
      void invalidateArchive(qc);
    },
  });
}
