import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery guard for every write under /api. A browser always sends `Origin` on a cross-site
 * POST/PUT/PATCH/DELETE (fetch, XHR and forms alike), so a write is refused when its Origin — or, if absent, its
 * `Sec-Fetch-Site`, or else its `Referer` — names another site than the one the request was addressed to (the
 * Host header) or one listed in BANGFU_ALLOWED_ORIGINS. A request with none of these headers does not come from
 * a browser page (CLI, scripts, tests): it carries no ambient cookie a third party could ride on, and the session
 * cookie is SameSite=Strict besides, so it passes.
 */
export function originHook(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return async (req: FastifyRequest) => {
    if (!UNSAFE.has(req.method)) return;
    const problem = crossSite(req.headers, req.host, allowed);
    if (problem) throw new AppError('ORIGIN_REFUSED', { origin: problem });
  };
}

type Headers = FastifyRequest['headers'];
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The foreign origin (or 'cross-site') when the request comes from another site; null when it may pass. */
export function crossSite(headers: Headers, host: string | undefined, allowed: ReadonlySet<string>): string | null {
  const origin = first(headers.origin);
  if (origin !== undefined) return sameSite(origin, host, allowed) ? null : origin;
  const fetchSite = first(headers['sec-fetch-site']);
  if (fetchSite !== undefined) return fetchSite === 'same-origin' || fetchSite === 'none' ? null : fetchSite;
  const referer = first(headers.referer);
  if (referer !== undefined) return sameSite(referer, host, allowed) ? null : referer;
  return null;
}

function sameSite(url: string, host: string | undefined, allowed: ReadonlySet<string>): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false; // 'null' (sandboxed frames, file:) and garbage
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (allowed.has(u.origin)) return true;
  if (!host) return false;
  try {
    // Compare host and port as the browser would (default ports dropped), whatever the scheme the proxy saw.
    return new URL(`${u.protocol}//${host}`).host === u.host;
  } catch {
    return false;
  }
}
