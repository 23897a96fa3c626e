import type { Me } from '@bangfu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, request } from '../../lib/api';
import { navigate } from '../../lib/router';
import { setLoginNotice, setReturnTo } from './notice';

export const meKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no valid session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/auth/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** The signed-in user where the auth gate guarantees one. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside the signed-in area');
  return data;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      request<Me>('POST', '/auth/login', { body: input, quietSession: true }),
    onSuccess: (me) => {
      setLoginNotice(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => request<{ ok: true }>('POST', '/auth/logout', { body: {}, quietSession: true }),
    onSettled: () => {
      setReturnTo(null);
      setLoginNotice(null);
      navigate('/login', { replace: true });
      qc.setQueryData(meKey, null);
      setTimeout(() => qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] }), 0);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<{ ok: true }>('/auth/password', input),
    onSuccess: () => {
      const me = qc.getQueryData<Me | null>(meKey);
      if (me) qc.setQueryData(meKey, { ...me, mustChangePassword: false });
      void qc.invalidateQueries({ queryKey: meKey });
    },
  });
}

/** The permissions of the signed-in user as a checker. */
export function usePermission(): (action: string) => boolean {
  const { data } = useMe();
  return (action) => !!data?.permissions.includes(action);
}
