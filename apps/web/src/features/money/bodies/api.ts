import type {
  ApprovalBody,
  ApprovalBodyList,
  Meeting,
  MeetingInput,
  MeetingList,
  Sitting,
  User,
} from '@bangfu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api';

/** The approval bodies (组长, 领导组, 委员会): rosters, how a subject is decided, meetings, refusals of payment. */
export type { ApprovalBody, Meeting, MeetingInput, Sitting };
export type SubjectType = 'batch' | 'application' | 'campaign';

export function useBodies(orgId: number) {
  return useQuery({
    queryKey: ['approval-bodies', orgId],
    queryFn: () => api.get<ApprovalBodyList>('/approval-bodies', { orgId }),
  });
}

/** The node's active approvers: who may be put on its bodies' rosters. */
export function useApprovers(orgId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['approval-bodies', 'approvers', orgId],
    queryFn: () => api.get<Page<User>>('/users', { orgId, role: 'approver', status: 'active', limit: 500 }),
    enabled,
  });
}

/** How the subject is decided and the roster in force on the meeting's date (the decision dialog). */
export function useSitting(type: SubjectType, id: number, on: string, enabled = true) {
  return useQuery({
    queryKey: ['approvals', 'sitting', type, id, on],
    queryFn: () => api.get<Sitting>('/approvals/sitting', { subjectType: type, subjectId: id, on }),
    enabled,
    retry: false,
  });
}

export function useMeetings(type: SubjectType, id: number) {
  return useQuery({
    queryKey: ['approvals', 'meetings', type, id],
    queryFn: () => api.get<MeetingList>('/approvals/meetings', { subjectType: type, subjectId: id }),
  });
}

/** Roster changes refresh the bodies; decisions, countersignatures and refusals refresh what shows them. */
export function useBodiesAction<I, O = unknown>(run: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['approval-bodies'] }),
        qc.invalidateQueries({ queryKey: ['approvals'] }),
        qc.invalidateQueries({ queryKey: ['batches'] }),
        qc.invalidateQueries({ queryKey: ['applications'] }),
        qc.invalidateQueries({ queryKey: ['campaigns'] }),
      ]),
  });
}

export interface Decision {
  decision: 'approve' | 'reject';
  comment?: string;
  meeting?: MeetingInput;
}

const decisionPath: Record<SubjectType, string> = {
  batch: '/batches',
  application: '/applications',
  campaign: '/campaigns',
};

export const bodiesApi = {
  create: (input: {
    orgId: number;
    kind: ApprovalBody['kind'];
    name: string;
    chairRequired: boolean;
    presentBp: number;
    approveBp: number;
  }) => api.post<ApprovalBody>('/approval-bodies', input),
  update: (id: number, patch: { name?: string; chairRequired?: boolean; presentBp?: number; approveBp?: number }) =>
    api.patch<ApprovalBody>(`/approval-bodies/${id}`, patch),
  addMember: (id: number, m: { userId: number; role: 'chair' | 'member'; fromDate: string; toDate?: string | null }) =>
    api.post<ApprovalBody>(`/approval-bodies/${id}/members`, m),
  updateMember: (id: number, memberId: number, patch: { role?: 'chair' | 'member'; toDate?: string | null }) =>
    api.patch<ApprovalBody>(`/approval-bodies/${id}/members/${memberId}`, patch),
  decide: (type: SubjectType, id: number, d: Decision) => api.post<unknown>(`${decisionPath[type]}/${id}/decision`, d),
  countersign: (meetingId: number) => api.post<Meeting>(`/approvals/meetings/${meetingId}/countersign`, {}),
  refusePayment: (type: 'batch' | 'application', id: number, reason: string) =>
    api.post<unknown>(`${decisionPath[type]}/${id}/refuse-payment`, { reason }),
};
