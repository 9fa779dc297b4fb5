import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, FieldIssue } from '@zs/domain';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldIssue[];
  correlationId?: string;
}

/** Each domain error code's HTTP status. Exhaustive: a new code without a mapping does not compile. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.Validation: return HttpStatus.BAD_REQUEST;
    case ErrorCode.Unauthorized: return HttpStatus.UNAUTHORIZED;
    case ErrorCode.Forbidden: return HttpStatus.FORBIDDEN;
    case ErrorCode.NotFound: return HttpStatus.NOT_FOUND;
    case ErrorCode.Conflict:
    case ErrorCode.StaleVersion:
    case ErrorCode.IllegalTransition:
    case ErrorCode.MissingEvidence:
    case ErrorCode.Duplicate:
      return HttpStatus.CONFLICT;
    case ErrorCode.IdempotencyMismatch:
    case ErrorCode.Unprocessable:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ErrorCode.TooManyRequests: return HttpStatus.TOO_MANY_REQUESTS;
    default: {
      const unmapped: never = code;
      throw new Error(`unmapped error code ${String(unmapped)}`);
    }
  }
}

const REASON: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** The one error shape of API.md: `{statusCode, error, message, details?}`; a 500 carries a correlation id, never a stack. */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (isHealthReport(exception)) {
      // terminus's 503: keep its report of which indicator is down
      reply.status(exception.getStatus()).send(exception.getResponse());
      return;
    }
    const body = this.toBody(exception, request);
    if (exception instanceof DomainError && exception.code === ErrorCode.TooManyRequests && exception.details?.[0]) {
      reply.header('Retry-After', exception.details[0].message);
      body.details = undefined;
    }
    reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = statusOf(exception.code);
      return { statusCode, error: REASON[statusCode], message: exception.message, details: exception.details };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      return { statusCode, error: REASON[statusCode] ?? 'Error', message: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message) };
    }
    const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large …
      return { statusCode: fastifyStatus, error: REASON[fastifyStatus] ?? 'Error', message: (exception as Error).message };
    }
    const constraint = fromDatabaseError(exception);
    if (constraint) return constraint;
    const correlationId = randomUUID();
    this.logger.error({ err: exception, correlationId, method: request.method, url: request.url }, 'unexpected error');
    return { statusCode: 500, error: REASON[500], message: `内部错误 / Internal error (correlation id ${correlationId})`, correlationId };
  }
}

function isHealthReport(exception: unknown): exception is HttpException {
  if (!(exception instanceof HttpException) || exception.getStatus() !== HttpStatus.SERVICE_UNAVAILABLE) return false;
  const response = exception.getResponse();
  return typeof response === 'object' && response !== null && 'status' in response && 'details' in response;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * What a client sent that only the database caught (a null for a required column, a value out of range, a
 * duplicate): a 4xx naming the field, never a 500. Services check first; this is the net under them.
 */
function fromDatabaseError(exception: unknown): ErrorBody | null {
  const error = exception as { code?: string; column?: string; constraint?: string; detail?: string; driverError?: unknown };
  const pg = (error?.driverError ?? error) as { code?: string; column?: string; constraint?: string; detail?: string };
  if (typeof pg?.code !== 'string' || !/^(22|23)/.test(pg.code)) return null;
  const keyColumn = /Key \(([a-z_]+)/.exec(pg.detail ?? '')?.[1];
  const field = camel(pg.column ?? keyColumn ?? 'body');
  switch (pg.code) {
    case '23502':
      return { statusCode: 400, error: REASON[400], message: `${field} 不能为空 (required)`, details: [{ field, message: '不能为空 (required)' }] };
    case '23505':
      return { statusCode: 409, error: REASON[409], message: `${field} 已存在 (already exists)`, details: [{ field, message: '已存在 (already exists)' }] };
    case '23503':
      return { statusCode: 400, error: REASON[400], message: `${field} 引用的记录不存在 (unknown reference)`, details: [{ field, message: '引用的记录不存在 (unknown reference)' }] };
    default:
      // 22xxx: invalid text representation, datetime or numeric out of range; 23514: check violation
      return { statusCode: 400, error: REASON[400], message: `请求参数有误 (invalid value): ${field}`, details: [{ field, message: '无效的值 (invalid value)' }] };
  }
}
