import 'reflect-metadata';
import { loadEnv } from '@zs/config';
import { createApiApp } from './app.factory';

async function main(): Promise<void> {
  const env = loadEnv();
  const app = await createApiApp();
  await app.listen({ port: env.PORT, host: env.HOST });
  const url = `http://localhost:${env.PORT}`;
  console.log(`[api] listening on ${url}  (OpenAPI: ${url}/api/docs, health: ${url}/api/health)`);
}

main().catch((error) => {
  console.error('[api] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
