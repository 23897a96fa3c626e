import type { ErrorBody, ErrorCode } from '@bangfu/contracts';

export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

export interface ValidationIssue {
  path: string;
  message: string;
}

/** An error answered by the API (or a network failure), with both messages of the error catalogue. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(status: number, code: ClientErrorCode, messageZh: string, messageEn: string, details?: unknown) {
    super(`${code}: ${messageEn}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.details = details;
  }

  static fromBody(status: number, body: unknown): ApiError {
    const e = (body as Partial<ErrorBody> | null)?.error;
    if (e && typeof e.code === 'string')
      return new ApiError(status, e.code, e.message ?? e.code, e.messageEn ?? e.message ?? e.code, e.details);
    return new ApiError(
      status,
      'BAD_RESPONSE',
      `服务器返回了意外的响应（${status}）`,
      `Unexpected response (${status})`,
    );
  }

  /** VALIDATION_FAILED carries details.issues [{path, message}]. */
  get issues(): ValidationIssue[] {
    const issues = (this.details as { issues?: unknown } | null)?.issues;
    if (!Array.isArray(issues)) return [];
    return issues
      .filter((i): i is { path: unknown; message: unknown } => typeof i === 'object' && i !== null)
      .map((i) => ({
        path: Array.isArray(i.path) ? i.path.join('.') : String(i.path ?? ''),
        message: String(i.message ?? ''),
      }));
  }
}

export function isApiError(e: unknown, code?: ClientErrorCode): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}
