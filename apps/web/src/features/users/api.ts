import type { CreateUser, Role, UpdateUser, User } from '@bangfu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';

export interface UserFilters {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  orgId?: number;
}

export const userKeys = {
  all: ['users'] as const,
  list: (f: UserFilters, page: number, size: number) => ['users', 'list', f, page, size] as const,
  one: (id: number) => ['users', 'one', id] as const,
};

export function useUsers(filters: UserFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: userKeys.list(filters, page, pageSize),
    queryFn: () => api.get<Page<User>>('/users', { ...filters, limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** One user with the full phone number: the server records this read in the audit log. */
export function useUserDetail(id: number | null) {
  return useQuery({
    queryKey: userKeys.one(id ?? 0),
    queryFn: () => api.get<User>(`/users/${id}`),
    enabled: !!id,
    staleTime: 0,
    gcTime: 0,
  });
}

function useUserMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }) });
}

export const useCreateUser = () => useUserMutation((v: CreateUser) => api.post<User>('/users', v));
export const useUpdateUser = () =>
  useUserMutation(({ id, patch }: { id: number; patch: UpdateUser }) => api.patch<User>(`/users/${id}`, patch));
export const useResetPassword = () =>
  useUserMutation(({ id, newPassword }: { id: number; newPassword: string }) =>
    api.post<{ ok: true }>(`/users/${id}/reset-password`, { newPassword }),
  );
