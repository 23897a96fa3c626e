import type { AuditEntry, AuditVerifyResult } from '@bangfu/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';

export interface AuditFilters {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: number;
  from?: string;
  to?: string;
}

export function useAudit(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => api.get<Page<AuditEntry>>('/audit', { ...filters, limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** Check the hash chains (the server allows it to users at the top of the tree only). */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/audit/verify') });
}
