import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';

/** What the certificate routes answer (apps/server/src/modules/certificates/certificates.service.ts). */
export interface Certificate {
  id: number;
  number: string;
  kind: string;
  kindLabel: string;
  /** Stored: active / revoked / superseded. */
  status: string;
  /** Derived for today: valid / not_yet_valid / expired / revoked / superseded. */
  state: string;
  stateLabel: string;
  household: {
    id: number;
    name: string;
    fileNo: string;
    status: string;
    statusLabel: string;
    inArchive: boolean;
  };
  orgName: string;
  validFrom: string;
  validUntil: string;
  benefits: string;
  note: string | null;
  issuer: { id: number; name: string };
  issuedBy: string | null;
  issuedAt: string;
  renewedFrom: number | null;
  supersededBy: number | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

export interface Verification {
  number: string;
  kind: string;
  kindLabel: string;
  state: string;
  stateLabel: string;
  valid: boolean;
  /** The first character and '*'. */
  holder: string;
  issuer: string;
  validFrom: string;
  validUntil: string;
  benefits: string;
}

export interface PrintableCertificate {
  title: string;
  number: string;
  kindLabel: string;
  holderName: string;
  idMasked: string;
  fileNo: string;
  validFrom: string;
  validUntil: string;
  validityText: string;
  benefits: string;
  issuer: string;
  issuedOn: string;
  state: string;
  stateLabel: string;
  printable: boolean;
}

export interface CertificateFilters {
  kind?: string;
  state?: string;
  expiringWithinDays?: number;
}

export interface IssueInput {
  householdId: number;
  kind: string;
  issuerOrgId?: number;
  validFrom?: string;
  validUntil?: string;
  benefits: string;
  note?: string;
}

export interface RenewInput {
  validFrom?: string;
  validUntil?: string;
  benefits?: string;
}

export function useCertificates(orgId: number, f: CertificateFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['certificates', 'list', orgId, f, page, pageSize],
    queryFn: () =>
      api.get<Page<Certificate>>('/certificates', { orgId, ...f, limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** Active cards whose file has left the archive. */
export function useToRevoke(orgId: number) {
  return useQuery({
    queryKey: ['certificates', 'to-revoke', orgId],
    queryFn: () => api.get<{ items: Certificate[] }>('/certificates/to-revoke', { orgId }),
  });
}

export function useHouseholdCertificates(householdId: number) {
  return useQuery({
    queryKey: ['certificates', 'household', householdId],
    queryFn: () => api.get<{ items: Certificate[] }>(`/households/${householdId}/certificates`),
  });
}

export function usePrintableCertificate(id: number) {
  return useQuery({
    queryKey: ['certificates', 'print', id],
    queryFn: () => api.get<PrintableCertificate>(`/certificates/${id}/print`),
  });
}

/** Verification by number (asked on demand: the number is typed, then checked). */
export function useVerification(number: string | null) {
  return useQuery({
    queryKey: ['certificates', 'verify', number ?? ''],
    queryFn: () => api.get<Verification>(`/certificates/verify/${encodeURIComponent(number ?? '')}`),
    enabled: !!number,
    staleTime: 0,
  });
}

function useCertificateWrite<I>(run: (input: I) => Promise<Certificate>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => qc.invalidateQueries({ queryKey: ['certificates'] }) });
}

export const useIssueCertificate = () =>
  useCertificateWrite((input: IssueInput) => api.post<Certificate>('/certificates', input));
export const useRevokeCertificate = () =>
  useCertificateWrite(({ id, reason }: { id: number; reason: string }) =>
    api.post<Certificate>(`/certificates/${id}/revoke`, { reason }),
  );
export const useRenewCertificate = () =>
  useCertificateWrite(({ id, ...body }: RenewInput & { id: number }) =>
    api.post<Certificate>(`/certificates/${id}/renew`, body),
  );

/** The number as the server stores it ('TK44-2026-0000012'), or null when it cannot be one. */
export function normaliseNumber(text: string): string | null {
  const n = text.trim().toUpperCase();
  return /^[A-Z]{2}\d{2}-\d{4}-\d{1,10}$/.test(n) ? n : null;
}
