import type { ChangeKind, ChangeListItem, DiffEntry, FileDiff, HouseholdInput, SelfChange } from '@bangfu/contracts';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import { invalidateArchive } from '../archive/api';

export type { ChangeListItem, DiffEntry, FileDiff };

/** GET /households/changes/:changeId (archive.changes.read.ts getChange). */
export interface ChangeDetail extends ChangeListItem {
  reviewOpinion: string | null;
  decideOpinion: string | null;
  grantedGrade: string | null;
  explanationAfter: { explanation?: { summary?: { zh: string; en: string } } } | null;
  diff: FileDiff;
  attachments: { id: number; kind: string; filename: string }[];
  result: {
    version: number;
    bank: {
      updatedGrants: number[];
      alreadySent: { grantId: number; batchNo: string; period: string; amountFen: number }[];
    } | null;
  } | null;
}

export const changeKeys = {
  all: ['changes'] as const,
  queue: (status: string, page: number, size: number) => ['changes', 'queue', status, page, size] as const,
  file: (id: number) => ['changes', 'file', id] as const,
  one: (id: number, reveal: boolean) => ['changes', 'one', id, reveal] as const,
  diff: (id: number, a: number, b: number, reveal: boolean) => ['changes', 'diff', id, a, b, reveal] as const,
  self: ['changes', 'self'] as const,
};

/** Refresh changes and the archive after a decision (revealed reads are audited: never refetched silently). */
function invalidate(qc: QueryClient) {
  void invalidateArchive(qc);
  return qc.invalidateQueries({ queryKey: changeKeys.all, predicate: (q) => q.queryKey.at(-1) !== true });
}

/** The queue: one status or several, comma-separated. */
export function useChangeQueue(status: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: changeKeys.queue(status, page, pageSize),
    queryFn: () =>
      api.get<Page<ChangeListItem>>('/households/changes', {
        status,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useFileChanges(id: number) {
  return useQuery({
    queryKey: changeKeys.file(id),
    queryFn: () => api.get<Page<ChangeListItem>>(`/households/${id}/changes`),
  });
}

/** One change with its diff; reveal=true unmasks personal data (personal.reveal, audited). */
export function useChange(id: number | null, reveal = false) {
  return useQuery({
    queryKey: changeKeys.one(id ?? 0, reveal),
    queryFn: () => api.get<ChangeDetail>(`/households/changes/${id}`, reveal ? { reveal: 'true' } : undefined),
    enabled: id !== null,
    staleTime: reveal ? 0 : 5_000,
    gcTime: reveal ? 0 : undefined,
  });
}

export function useVersionDiff(id: number, a: number | null, b: number | null, reveal = false) {
  return useQuery({
    queryKey: changeKeys.diff(id, a ?? 0, b ?? 0, reveal),
    queryFn: () =>
      api.get<{ from: number; to: number; diff: FileDiff }>(
        `/households/${id}/versions/${a}/diff/${b}`,
        reveal ? { reveal: 'true' } : undefined,
      ),
    enabled: a !== null && b !== null,
    gcTime: reveal ? 0 : undefined,
  });
}

export interface Proposal {
  baseVersion: number;
  kinds: ChangeKind[];
  reason: string;
  proposed: HouseholdInput;
  attachmentIds: number[];
}

export function useProposeChange(householdId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: Proposal) =>
      api.post<{ id: number; status: string; needsUpper: boolean }>(`/households/${householdId}/changes`, p),
    onSuccess: () => invalidate(qc),
  });
}

export type Step =
  | { step: 'review'; body: { decision: 'approve' | 'reject'; opinion: string } }
  | {
      step: 'decide';
      body:
        | { decision: 'approve'; grade?: string | null; overrideReason?: string | null; opinion: string }
        | { decision: 'reject'; opinion: string };
    }
  | { step: 'finish-notice'; body: { decision: 'confirm' | 'reject'; opinion: string } }
  | { step: 'withdraw'; body?: undefined };

export function useChangeStep(changeId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: Step) =>
      api.post<{ id: number; status: string }>(`/households/changes/${changeId}/${s.step}`, s.body),
    onSuccess: () => invalidate(qc),
  });
}

/** The worker's own requests (GET /self/changes). */
export interface SelfChanges {
  items: {
    id: number;
    kinds: ChangeKind[];
    reason: string;
    status: string;
    statusLabel: string;
    proposedAt: string;
    closedAt: string | null;
  }[];
  members: { seq: number; name: string; relation: string }[];
  fileStatus: string;
}

export function useSelfChanges(enabled = true) {
  return useQuery({
    queryKey: changeKeys.self,
    queryFn: () => api.get<SelfChanges>('/self/changes'),
    enabled,
    retry: false,
  });
}

export function useProposeSelfChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (c: Partial<SelfChange> & { reason: string }) =>
      api.post<{ id: number; status: string; kinds: string[] }>('/self/changes', c),
    onSuccess: () =>
      qc.invalidateQueries({ queryKey: ['changes', 'self'] }).then(() => qc.invalidateQueries({ queryKey: ['self'] })),
  });
}

export function useWithdrawSelfChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<{ id: number; status: string }>(`/self/changes/${id}/withdraw`),
    onSuccess: () => qc.invalidateQueries({ queryKey: changeKeys.self }),
  });
}

/** The worker's evidence for their own undecided request (JPG, PNG, PDF ≤ 10 MB). */
export function useAttachToSelfChange() {
  return useMutation({
    mutationFn: ({ id, file }: { id: number; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<{ id: number; filename: string }>(`/self/changes/${id}/attachments`, form, { kind: 'other' });
    },
  });
}
