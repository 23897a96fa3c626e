import type {
  ReviewFileState,
  ReviewRound,
  ReviewRoundDetail,
  ReviewRoundFile,
  ReviewRoundOpen,
  RoundReview,
} from '@bangfu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';

/** The yearly review routes (apps/server/src/modules/review/review.routes.ts). */

export function useRounds() {
  return useQuery({
    queryKey: ['review-rounds'],
    queryFn: () => api.get<{ items: ReviewRound[] }>('/review-rounds'),
  });
}

export function useRound(id: number, orgId?: number) {
  return useQuery({
    queryKey: ['review-rounds', id, 'board', orgId ?? 0],
    queryFn: () => api.get<ReviewRoundDetail>(`/review-rounds/${id}`, { orgId }),
    placeholderData: keepPreviousData,
  });
}

export interface FilesQuery {
  state: ReviewFileState;
  orgId?: number;
  q?: string;
  page: number;
  size: number;
}

export function useRoundFiles(id: number, f: FilesQuery) {
  return useQuery({
    queryKey: ['review-rounds', id, 'files', f],
    queryFn: () =>
      api.get<Page<ReviewRoundFile>>(`/review-rounds/${id}/files`, {
        state: f.state,
        orgId: f.orgId,
        q: f.q,
        limit: f.size,
        offset: (f.page - 1) * f.size,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Every write refreshes the board, its lists and the file pages it touched. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['review-rounds'] });
    void qc.invalidateQueries({ queryKey: ['households'] });
  };
}

export function useOpenRound() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: Partial<ReviewRoundOpen>) => api.post<ReviewRoundDetail>('/review-rounds', body),
    onSuccess: done,
  });
}

export function useRoundAction(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (what: 'refresh' | 'sample' | 'close') =>
      api.post<{ added?: number; drawn?: number; eligible?: number; sampled?: number }>(`/review-rounds/${id}/${what}`),
    onSuccess: done,
  });
}

export function useFileAction(roundId: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (a: { householdId: number; what: 'review' | 'spot-check' | 'decision'; body: unknown }) =>
      api.post<ReviewRoundFile>(`/review-rounds/${roundId}/files/${a.householdId}/${a.what}`, a.body),
    onSuccess: done,
  });
}

export type { ReviewRound, ReviewRoundDetail, ReviewRoundFile, RoundReview };
