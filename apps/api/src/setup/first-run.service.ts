import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_ADMIN_PASSWORD, Env } from '@zs/config';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/auth.service';

const SETUP_LOCK = 0x5a53_5345;
export const ROOT_PARK_NAME = '招商引资局';

/** On the first start: the root park and the first admin (from ADMIN_USERNAME / ADMIN_PASSWORD). */
@Injectable()
export class FirstRunService {
  private readonly logger = new Logger('Setup');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Env,
  ) {}

  /** Runs `work` while holding the set-up lock (a session advisory lock), so that one replica loads demo data. */
  async withSetupLock<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK + 1]);
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK + 1]).catch(() => undefined);
      await runner.release();
    }
  }

  /** Idempotent and safe with several replicas: runs under an advisory lock, creates only what is missing. */
  async ensureRootAndAdmin(): Promise<{ rootParkId: string; adminCreated: boolean }> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
      let [root] = await tx.query(`SELECT id FROM parks WHERE parent_id IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT 1`);
      if (!root) {
        [root] = await tx.query(
          `INSERT INTO parks (id, name, parent_id, path) VALUES (gen_random_uuid(), $1, NULL, '') RETURNING id`,
          [ROOT_PARK_NAME],
        );
        await tx.query(`UPDATE parks SET path = '/' || id || '/' WHERE id = $1`, [root.id]);
      }
      const [anyAdmin] = await tx.query(`SELECT id FROM users WHERE role = 'admin' LIMIT 1`);
      if (anyAdmin) return { rootParkId: root.id, adminCreated: false };
      await tx.query(
        `INSERT INTO users (username, password_hash, display_name, role, park_id) VALUES ($1, $2, $3, 'admin', $4)`,
        [this.env.ADMIN_USERNAME, await hashPassword(this.env.ADMIN_PASSWORD), '系统管理员', root.id],
      );
      const shown = this.env.ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD ? this.env.ADMIN_PASSWORD : '(the ADMIN_PASSWORD you set)';
      this.logger.log(`first admin created: username "${this.env.ADMIN_USERNAME}", password ${shown} — change it after signing in`);
      return { rootParkId: root.id, adminCreated: true };
    });
  }
}
