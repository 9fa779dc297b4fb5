import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Env } from '@zs/config';
import { DomainError, ErrorCode } from '@zs/domain';
import { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';

/**
 * Brute-force protection: failed logins are counted per account and per address (rate-limiter-flexible,
 * stored in PostgreSQL so every API process shares the counts). Only failures count; a success resets the
 * account's counter. Over the limit → 429 with Retry-After.
 */
@Injectable()
export class LoginThrottleService implements OnModuleDestroy {
  private readonly byAccount: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;
  private readonly pool: Pool;

  constructor(env: Env, @InjectDataSource() db: DataSource) {
    this.pool = new Pool({ connectionString: (db.options as { url: string }).url, max: 2 });
    const common = { storeClient: this.pool, storeType: 'pool', tableName: 'login_failures', tableCreated: true, duration: env.LOGIN_WINDOW_SECONDS, clearExpiredByTimeout: false };
    this.byAccount = new RateLimiterPostgres({ ...common, keyPrefix: 'acct', points: env.LOGIN_MAX_FAILURES_PER_ACCOUNT });
    this.byAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'addr', points: env.LOGIN_MAX_FAILURES_PER_ADDRESS });
  }

  /** Throws 429 when the account or the address has used up its failures. */
  async assertAllowed(username: string, address: string): Promise<void> {
    const [account, ip] = await Promise.all([this.byAccount.get(key(username)), this.byAddress.get(address)]);
    const blocked = [
      account && account.consumedPoints >= this.byAccount.points ? account : null,
      ip && ip.consumedPoints >= this.byAddress.points ? ip : null,
    ].filter((r): r is RateLimiterRes => r !== null);
    if (blocked.length) throw tooMany(Math.max(...blocked.map((r) => r.msBeforeNext)));
  }

  async recordFailure(username: string, address: string): Promise<void> {
    await Promise.all([
      this.byAccount.penalty(key(username), 1),
      this.byAddress.penalty(address, 1),
    ]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.byAccount.delete(key(username));
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}

const key = (username: string) => username.trim().toLowerCase();

function tooMany(msBeforeNext: number): DomainError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  // The filter turns the single detail into the Retry-After header.
  return new DomainError(ErrorCode.TooManyRequests, `登录失败次数过多，请 ${seconds} 秒后再试 (too many failed logins)`, [
    { field: 'retryAfter', message: String(seconds) },
  ]);
}
