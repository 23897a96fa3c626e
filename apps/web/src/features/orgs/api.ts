import type { CreateOrg, Org, OrgImportResult, UpdateOrg } from '@bangfu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';

export const CHILD_PAGE = 100;

export const orgKeys = {
  all: ['orgs'] as const,
  one: (id: number) => ['orgs', 'one', id] as const,
  children: (parentId: number, offset: number, limit: number) => ['orgs', 'children', parentId, offset, limit] as const,
  search: (q: string, offset: number) => ['orgs', 'search', q, offset] as const,
};

export const fetchOrg = (id: number) => api.get<Org>(`/orgs/${id}`);

export const fetchChildren = (parentId: number, offset = 0, limit = CHILD_PAGE) =>
  api.get<Page<Org>>('/orgs', { parentId, offset, limit });

export const searchOrgs = (q: string, offset = 0, limit = 20) => api.get<Page<Org>>('/orgs', { q, offset, limit });

export function useOrgRoot() {
  return useQuery({ queryKey: ['orgs', 'root'], queryFn: () => api.get<Org>('/orgs/root'), staleTime: 60_000 });
}

export function useOrg(id: number | null | undefined) {
  return useQuery({
    queryKey: orgKeys.one(id ?? 0),
    queryFn: () => fetchOrg(id as number),
    enabled: !!id,
    staleTime: 30_000,
  });
}

export function useChildrenPage(parentId: number | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: orgKeys.children(parentId ?? 0, (page - 1) * pageSize, pageSize),
    queryFn: () => fetchChildren(parentId as number, (page - 1) * pageSize, pageSize),
    enabled: !!parentId,
    placeholderData: keepPreviousData,
  });
}

export function useOrgSearch(q: string, page: number) {
  return useQuery({
    queryKey: orgKeys.search(q, page),
    queryFn: () => searchOrgs(q, (page - 1) * 20, 20),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

function useOrgMutation<V>(fn: (v: V) => Promise<Org>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.all }) });
}

export const useCreateOrg = () => useOrgMutation((v: CreateOrg) => api.post<Org>('/orgs', v));
export const useUpdateOrg = () =>
  useOrgMutation(({ id, patch }: { id: number; patch: UpdateOrg }) => api.patch<Org>(`/orgs/${id}`, patch));
export const useMoveOrg = () =>
  useOrgMutation(({ id, newParentId }: { id: number; newParentId: number }) =>
    api.post<Org>(`/orgs/${id}/move`, { newParentId }),
  );
export const useSetOrgStatus = () =>
  useOrgMutation(({ id, active }: { id: number; active: boolean }) =>
    api.post<Org>(`/orgs/${id}/${active ? 'activate' : 'deactivate'}`),
  );

export function useImportOrgs() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, parentId, dryRun }: { file: File; parentId: number; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<OrgImportResult>('/orgs/import', form, { parentId, dryRun: dryRun ? 'true' : undefined });
    },
    onSuccess: (_r, v) => {
      if (!v.dryRun) void qc.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}
