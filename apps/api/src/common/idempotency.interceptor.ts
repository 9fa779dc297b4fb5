import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, ErrorCode } from '@zs/domain';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, Observable, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DataSource } from 'typeorm';
import type { Actor } from './actor';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const TTL_HOURS = 24;

/**
 * `Idempotency-Key` on POST, scoped to the caller: the first request claims the key in PostgreSQL, its answer
 * is stored, and a repeat with the same body within 24 h gets that answer without running again; the same key
 * with another body is 422; a repeat while the first still runs is 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.actor) return next.handle();
    if (!key.trim() || key.length > 200) {
      throw new DomainError(ErrorCode.Validation, 'Idempotency-Key 须为 1–200 个字符', [{ field: 'Idempotency-Key', message: '1–200 characters' }]);
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const userId = request.actor.id;
    const hash = createHash('sha256').update(`${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;

    return from(this.claim(userId, key, hash)).pipe(
      mergeMap((previous) => {
        if (previous) {
          reply.status(previous.statusCode);
          reply.header('Idempotent-Replayed', 'true');
          return of(previous.body);
        }
        return next.handle().pipe(
          mergeMap((body) => from(this.complete(userId, key, status, body)).pipe(mergeMap(() => of(body)))),
          catchError((error) => from(this.release(userId, key)).pipe(mergeMap(() => { throw error; }))),
        );
      }),
    );
  }

  /** Claims the key, or returns the stored answer of an earlier identical request. */
  private async claim(userId: string, key: string, hash: string): Promise<{ statusCode: number; body: unknown } | null> {
    await this.db.query(
      `DELETE FROM idempotency_records WHERE user_id = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)`,
      [userId, key, TTL_HOURS],
    );
    const claimed = await this.db.query(
      `INSERT INTO idempotency_records (user_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [userId, key, hash],
    );
    if (claimed.length) return null;
    const [row] = await this.db.query(
      `SELECT request_hash, status_code, response_body FROM idempotency_records WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    if (!row) return this.claim(userId, key, hash);
    if (row.request_hash !== hash) {
      throw new DomainError(ErrorCode.IdempotencyMismatch, '该 Idempotency-Key 已用于另一请求 (key reused with another body)');
    }
    if (row.status_code === null) {
      throw new DomainError(ErrorCode.Conflict, '相同 Idempotency-Key 的请求正在处理 (the first request is still running)');
    }
    return { statusCode: row.status_code, body: row.response_body };
  }

  private async complete(userId: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_records SET status_code = $3, response_body = $4 WHERE user_id = $1 AND key = $2`,
      [userId, key, statusCode, JSON.stringify(body ?? null)],
    );
  }

  private async release(userId: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_records WHERE user_id = $1 AND key = $2`, [userId, key]);
  }
}
