import type { ServiceDeskSettings, WorkOrderInput, WorkOrderQueue } from '@bangfu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type {
  CallerHistory,
  Colleague,
  DeskSettings,
  Moved,
  OnDuty,
  QueueCounts,
  RevealedPerson,
  Shift,
  WorkOrderDetail,
  WorkOrderSummary,
} from './types';

export * from './types';

const KEY = ['servicedesk'] as const;

/** How many orders each queue holds under a node (the desk's tabs). */
export function useQueueCounts(orgId: number) {
  return useQuery({
    queryKey: [...KEY, 'counts', orgId],
    queryFn: () => api.get<QueueCounts>('/work-orders/queue-counts', { orgId }),
    refetchInterval: 60_000,
  });
}

export function useQueue(queue: WorkOrderQueue, orgId: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'queue', queue, orgId, page, pageSize],
    queryFn: () =>
      api.get<Page<WorkOrderSummary>>(`/work-orders/queues/${queue}`, {
        orgId,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    placeholderData: keepPreviousData,
  });
}

export interface OrderFilters {
  status?: string;
  channel?: string;
  category?: string;
  q?: string;
  receivedFrom?: string;
  receivedTo?: string;
}

export function useOrders(orgId: number, f: OrderFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'list', orgId, f, page, pageSize],
    queryFn: () =>
      api.get<Page<WorkOrderSummary>>('/work-orders', {
        orgId,
        ...f,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: number) {
  return useQuery({
    queryKey: [...KEY, 'order', id],
    queryFn: () => api.get<WorkOrderDetail>(`/work-orders/${id}`),
  });
}

/** The caller's earlier orders by phone and/or ID (an audited exact search: only once the value is whole). */
export function useCallerHistory(q: { phone?: string; idNumber?: string }) {
  return useQuery({
    queryKey: [...KEY, 'caller', q.phone ?? '', q.idNumber ?? ''],
    queryFn: () => api.get<CallerHistory>('/work-orders/caller', q),
    enabled: !!(q.phone || q.idNumber),
    staleTime: 60_000,
    retry: false,
  });
}

export const revealPerson = (id: number) => api.get<RevealedPerson>(`/work-orders/${id}/person`);

export function useRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: WorkOrderInput) => api.post<WorkOrderSummary>('/work-orders', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export const uploadAttachment = (orderId: number, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<{ id: number; filename: string }>(`/work-orders/${orderId}/attachments`, form);
};

/** One step on an order (自办, 转办, 签收 …): answers where the order now is; every desk view is refreshed. */
export function useStep(orderId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) =>
      api.post<Moved>(`/work-orders/${orderId}/${path}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpload(orderId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadAttachment(orderId, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'order', orderId] }),
  });
}

export function useColleagues(orgId: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'colleagues', orgId ?? 0],
    queryFn: () => api.get<{ items: Colleague[] }>('/servicedesk/colleagues', { orgId }),
    enabled: !!orgId,
    staleTime: 60_000,
  });
}

export function useDeskSettings(orgId: number) {
  return useQuery({
    queryKey: [...KEY, 'settings', orgId],
    queryFn: () => api.get<DeskSettings>(`/servicedesk/settings/${orgId}`),
  });
}

export function useSaveDeskSettings(orgId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: ServiceDeskSettings) => api.put<DeskSettings>(`/servicedesk/settings/${orgId}`, s),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'settings'] }),
  });
}

export function useOnDuty(orgId: number) {
  return useQuery({
    queryKey: [...KEY, 'duty', 'now', orgId],
    queryFn: () => api.get<OnDuty>('/duty-shifts/now', { orgId }),
    refetchInterval: 60_000,
  });
}

export function useShifts(orgId: number, from: string, to: string) {
  return useQuery({
    queryKey: [...KEY, 'duty', 'shifts', orgId, from, to],
    queryFn: () => api.get<{ items: Shift[] }>('/duty-shifts', { orgId, from, to }),
    placeholderData: keepPreviousData,
  });
}

function useDutyWrite<I>(fn: (input: I) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'duty'] }) });
}

export const useCreateShift = () =>
  useDutyWrite((s: { orgId: number; userId: number; startsAt: string; endsAt: string; note?: string }) =>
    api.post<Shift>('/duty-shifts', s),
  );
export const useHandover = () =>
  useDutyWrite(({ id, note }: { id: number; note: string }) =>
    api.post<Shift>(`/duty-shifts/${id}/handover`, { note }),
  );
export const useCancelShift = () => useDutyWrite((id: number) => api.post(`/duty-shifts/${id}/cancel`));
