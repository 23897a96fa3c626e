import { type ErrorCode, errorCatalog } from '@bangfu/contracts';

/** A typed application error. Turned into HTTP at one edge (platform/http/errors.ts). */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(`${code}: ${errorCatalog[code].en}`);
    this.status = errorCatalog[code].status;
  }
}

/** Fill '{name}' placeholders of a catalogued message from the error's details. */
function fill(message: string, details: unknown): string {
  if (!details || typeof details !== 'object') return message;
  return message.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = (details as Record<string, unknown>)[k];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : m;
  });
}

export function errorBody(code: ErrorCode, details?: unknown) {
  const entry = errorCatalog[code];
  return {
    error: {
      code,
      message: fill(entry.zh, details),
      messageEn: fill(entry.en, details),
      ...(details === undefined ? {} : { details }),
    },
  };
}
