/**
 * The floor: a bare Fastify server (no Nest, no TypeORM) with a hello-world route and one route per
 * measured API request that replays, through a `pg` pool of the API's size, the very statements the API ran
 * for it (captured by sql-capture.ts), in the same order, and answers the rows of the largest result as JSON.
 * Started as a child process by the bench: `node floor-server.js <port> <routes.json>`; DATABASE_URL in env.
 */
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';

interface Statement {
  text: string;
  values: unknown[];
}

async function main(): Promise<void> {
  const [port, routesFile] = process.argv.slice(2);
  const routes = JSON.parse(readFileSync(routesFile, 'utf8')) as Record<string, Statement[]>;
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20, application_name: 'zs-bench-floor' });
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  app.get<{ Params: { name: string } }>('/sql/:name', async (request, reply) => {
    const statements = routes[request.params.name];
    if (!statements) return reply.code(404).send({ message: 'no such route' });
    const client = await pool.connect();
    try {
      let largest: unknown[] = [];
      for (const s of statements) {
        const result = await client.query(s.text, s.values);
        if (Array.isArray(result.rows) && result.rows.length >= largest.length) largest = result.rows;
      }
      return { items: largest };
    } finally {
      client.release();
    }
  });
  await app.listen({ port: Number(port), host: '127.0.0.1' });
  process.send?.({ type: 'ready' });
  const stop = () => void app.close().then(() => pool.end()).finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error('floor server failed:', error);
  process.exit(1);
});
