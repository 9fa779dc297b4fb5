import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI generated from the code: UI at /api/docs, JSON at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('招商 CRM API')
    .setDescription('Zhaoshang CRM — investment-attraction CRM for industrial parks (shared/API.md)')
    .setVersion('1')
    .addBearerAuth()
    .addGlobalParameters(
      { name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string', example: 'zh-CN' }, description: 'zh-CN (default) or en' },
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  for (const [path, item] of Object.entries(document.paths)) {
    const post = (item as { post?: { parameters?: unknown[] } }).post;
    if (post && !path.endsWith('/login')) {
      post.parameters = [...(post.parameters ?? []), { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'the same key and body within 24 h returns the first result' }];
    }
  }
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
