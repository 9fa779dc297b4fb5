import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createApiApp } from '../../apps/api/src/app.factory';
import { databaseUrl, readTestRun } from './test-env';

export const TEST_ADMIN = { username: 'admin', password: 'test-admin-password' };

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A booted API on its own fresh database, spoken to over real HTTP (fetch). */
export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  databaseUrl: string;
  db: DataSource;
  request<T = any>(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<HttpResult<T>>;
  login(username: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  close(): Promise<void>;
}


/** Clones the run's migrated template into a database of this test file's own, then boots the API on it. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const run = readTestRun();
  const dbName = `zs_test_${run.runId}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: run.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}" TEMPLATE "${run.templateDb}"`);
  await admin.end();
  const url = databaseUrl(run.serverUrl, dbName);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: url,
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'integration-test-secret-0123456789',
    // the platforms' hosts, and the local receivers the channel tests run
    ROBOT_WEBHOOK_HOSTS: 'qyapi.weixin.qq.com,oapi.dingtalk.com,open.feishu.cn,127.0.0.1,localhost',
    ...env,
  });
  if (!env.REDIS_URL) delete process.env.REDIS_URL;
  const app = await createApiApp({ logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  let adminToken: string | undefined;

  const request: TestApp['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: response.status, body: parsed as never, headers: response.headers };
  };

  const login = async (username: string, password: string) => {
    const res = await request('POST', '/api/auth/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };

  return {
    app,
    baseUrl,
    databaseUrl: url,
    db: app.get<DataSource>(getDataSourceToken()),
    request,
    login,
    adminToken: async () => (adminToken ??= await login(TEST_ADMIN.username, TEST_ADMIN.password)),
    close: async () => {
      await app.close();
    },
  };
}
