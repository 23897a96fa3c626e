import { useSyncExternalStore } from 'react';
import type { ApiError } from '../../lib/api';

/** Why the user landed on the login page (session expired, signed out elsewhere…): shown above the form. */
let notice: ApiError | null = null;
const listeners = new Set<() => void>();

export function setLoginNotice(e: ApiError | null): void {
  notice = e;
  for (const l of listeners) l();
}

export function useLoginNotice(): ApiError | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => notice,
  );
}

/** Where to go back to after signing in again (the page the session was lost on). */
let returnTo: string | null = null;

export function setReturnTo(path: string | null): void {
  returnTo = path;
}

export function getReturnTo(): string | null {
  return returnTo;
}
