import { request } from 'node:http';

/** A signed-in client of the booted API (one bearer token), for the sequential measurements. */
export class ApiClient {
  token = '';

  constructor(readonly baseUrl: string) {}

  get headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'accept-language': 'zh-CN' };
  }

  async login(username: string, password: string): Promise<void> {
    const res = await fetch(`${this.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}: ${await res.text()}`);
    this.token = ((await res.json()) as { accessToken: string }).accessToken;
  }

  async get<T = unknown>(path: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: this.headers });
    const text = await res.text();
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  /** Reads a (large) response to its end without keeping it; returns its size in bytes and status. */
  download(path: string): Promise<{ status: number; bytes: number }> {
    const url = new URL(`${this.baseUrl}${path}`);
    return new Promise((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers: this.headers }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  }
}

/** The API's opaque list cursor (apps/api/src/common/pagination.ts): base64url of `{at, id}`. */
export function listCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify({ at: createdAt.toISOString(), id })).toString('base64url');
}
