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

export function errorBody(code: ErrorCode, details?: unknown) {
  const entry = errorCatalog[code];
  return {
    error: { code, message: entry.zh, messageEn: entry.en, ...(details === undefined ? {} : { details }) },
  };
}
