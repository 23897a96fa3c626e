import type { ErrorCode } from '@bangfu/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorBody } from '../errors.js';

/** The one edge where errors become HTTP: a stable code, Chinese and English messages, never a 500 for bad input. */
export function handleError(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    return reply.code(err.status).send(errorBody(err.code, err.details));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({
      in: err.validationContext,
      path: (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.'),
      message: v.message,
    }));
    return reply.code(400).send(errorBody('VALIDATION_FAILED', { issues }));
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
    return reply.code(500).send(errorBody('INTERNAL'));
  }
  const fe = err as FastifyError;
  const byCode: Record<string, ErrorCode> = {
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
    FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
    FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_JSON',
    FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_JSON',
    FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
    FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  };
  const mapped = fe.code ? byCode[fe.code] : undefined;
  if (mapped) return reply.code(mapped === 'VALIDATION_FAILED' ? 400 : errorStatus(mapped)).send(errorBody(mapped));
  if (err instanceof SyntaxError && fe.statusCode === 400) return reply.code(400).send(errorBody('BAD_JSON'));
  if (fe.statusCode === 429) return reply.code(429).send(errorBody('RATE_LIMITED'));
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode =
      fe.statusCode === 404 ? 'NOT_FOUND' : fe.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED';
    return reply.code(fe.statusCode).send(errorBody(code, { reason: fe.message }));
  }
  req.log.error({ err }, 'unhandled error');
  return reply.code(500).send(errorBody('INTERNAL'));
}

const errorStatus = (code: ErrorCode) => new AppError(code).status;
