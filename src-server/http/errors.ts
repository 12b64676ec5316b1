import type { FastifyError, FastifyInstance } from 'fastify';
import type { z, ZodError } from 'zod';
import type { ApiError } from '../../src-shared/sync/protocol';

/** An answer with a status, a stable code and a sentence a person can read (ApiError). */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  constructor(statusCode: number, code: string, message: string) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
  }
}

/** The first few zod issues as one sentence: "limit: Too big ..." */
export const describeZodError = (error: ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');

/** Parses a request body with a shared zod schema; a mismatch is the client's mistake (400), said in words. */
export const parseBody = <S extends z.ZodType>(schema: S, body: unknown): z.output<S> => {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, 'invalid_request', describeZodError(result.error));
  return result.data;
};

/** Fastify's own 4xx errors, translated into words and stable codes. */
const frameworkErrors: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'malformed_json',
    message: 'The request body is empty; JSON was expected.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'Send the request body as application/json.',
  },
};

/**
 * Every error leaves as ApiError JSON. Client mistakes keep their 4xx status; anything else is a 500 that is
 * logged with its stack but never echoed, so a bad request can never surface as a server fault or leak internals.
 */
export const installErrorHandlers = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    let body: ApiError;
    let status: number;
    if (error instanceof HttpError) {
      status = error.statusCode;
      body = { error: error.code, message: error.message };
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      const known = error.code ? frameworkErrors[error.code] : undefined;
      body = known
        ? { error: known.code, message: known.message }
        : { error: 'bad_request', message: error.message || 'The request could not be understood.' };
    } else {
      status = 500;
      body = {
        error: 'internal_error',
        message: 'The server failed to handle this request. It has been logged.',
      };
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    reply.status(status).send(body);
  });
};

export const notFoundBody = (method: string, url: string): ApiError => ({
  error: 'not_found',
  message: `No route ${method} ${url.split('?')[0] ?? url}.`,
});
