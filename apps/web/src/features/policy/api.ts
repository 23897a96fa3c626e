import type { EligibilityPolicyInput } from '@bangfu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Bilingual } from '../archive/types';
import type { ArchiveSettings } from '../archive/workflow-api';

/** An eligibility policy version as packages/policy stores it (money in 分, multiples in basis points). */
export interface Policy {
  policyId: string;
  version: number;
  effectiveFrom: string;
  vocabulary: 'current' | 'legacy';
  dibaoLineFen: number;
  relativeMultipleBp: number;
  accidentThresholdFen: number;
  legacyLines: { tekunFen: number; kunnanFen: number } | null;
  incomeBoundary: 'below' | 'atOrBelow';
  exclusions: Record<string, boolean>;
  housingAreaPerCapitaM2: number | null;
  source?: string;
  createdAt?: string;
}

export interface PolicyAt {
  date: string;
  resolved:
    | { ok: true; policy: Policy; nodeId: number; inherited: boolean; trail: Bilingual[] }
    | { ok: false; code: string; zh: string; en: string; trail: Bilingual[] };
  ownVersions: Policy[];
}

export function usePolicyAt(orgId: number | undefined, date?: string) {
  return useQuery({
    queryKey: ['policy', orgId, date],
    queryFn: () => api.get<PolicyAt>('/policies/eligibility', { orgId, date }),
    enabled: !!orgId,
  });
}

export function useAdoptPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: EligibilityPolicyInput) => api.post<Policy>('/policies/eligibility', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['policy'] }),
  });
}

export function useArchiveSettings(orgId: number | undefined) {
  return useQuery({
    queryKey: ['archive-settings', orgId],
    queryFn: () => api.get<ArchiveSettings>(`/archive/settings/${orgId}`),
    enabled: !!orgId,
  });
}

export function usePutSettings(orgId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: { noticeDays: number; reviewMonths: number; renoticeGradeChange?: boolean }) =>
      api.put<ArchiveSettings>(`/archive/settings/${orgId}`, s),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['archive-settings'] }),
  });
}
