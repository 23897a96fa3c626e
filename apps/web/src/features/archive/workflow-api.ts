import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { invalidateArchive } from './api';
import type { StepResult } from './types';

/**
 * The steps of a file (apps/server/src/modules/archive/archive.workflow.routes.ts):
 * submit, review, objection, verify, finish-notice, approve; reviews, relieve, exit, cancel, transfer, promote.
 */
export type StepPath =
  | 'submit'
  | 'review'
  | 'objection'
  | 'verify'
  | 'finish-notice'
  | 'approve'
  | 'reviews'
  | 'relieve'
  | 'exit'
  | 'cancel'
  | 'transfer'
  | 'promote';

export function useFileStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, body }: { id: number; step: StepPath; body?: unknown }) =>
      api.post<StepResult>(`/households/${id}/${step}`, body),
    onSuccess: () => invalidateArchive(qc),
  });
}

export interface ArchiveSettings {
  noticeDays: number;
  reviewMonths: number;
  /** A change request that moves the grade runs through the notice again. */
  renoticeGradeChange: boolean;
  definedAt: number | null;
}
