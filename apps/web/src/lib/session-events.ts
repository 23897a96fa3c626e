import type { ApiError } from './api-error';

/**
 * The API client reports session-level problems here; the auth gate listens and reacts (back to the
 * login page, or to the forced password change). Kept outside React so any request can report.
 */
type SessionEvent = { kind: 'lost'; error: ApiError } | { kind: 'must-change-password'; error: ApiError };
type Listener = (e: SessionEvent) => void;

const listeners = new Set<Listener>();
let lastActivity = Date.now();

export function onSessionEvent(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function emitSessionEvent(e: SessionEvent): void {
  for (const l of listeners) l(e);
}

/** Time of the last request that reached the server with a valid session (the server's idle clock). */
export function markActivity(): void {
  lastActivity = Date.now();
}

export function lastActivityAt(): number {
  return lastActivity;
}
