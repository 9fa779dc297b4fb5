import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { createValidationPipe } from './common/validation.pipe';
import { setupOpenApi } from './openapi';
import { MAX_UPLOAD_BYTES } from './imports/upload';
import { registerWebUi } from './web-ui';
import { mountQueueDashboard } from './queue-dashboard/queue-dashboard';

/** Builds the HTTP application (used by main.ts and by the integration tests alike). */
export async function createApiApp(options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ trustProxy: true, bodyLimit: 10 * 1024 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  // multipart/form-data uploads (the ledger import): one file, at most MAX_UPLOAD_BYTES (else 413)
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  setupOpenApi(app);
  await mountQueueDashboard(app);
  await registerWebUi(app);
  await app.init();
  return app;
}
