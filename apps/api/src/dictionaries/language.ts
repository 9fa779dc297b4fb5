import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The two languages labels and texts come in. */
export type Language = 'zh' | 'en';

/** `Accept-Language` starting with `en` (en, en-US, en-GB;q=0.9 …) → English; anything else, or none → Chinese. */
export function requestLanguage(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
  return /^\s*en\b/i.test(header ?? '') ? 'en' : 'zh';
}

/**
 * The request's language as a handler parameter: `@RequestLanguage() language: Language`. (The header itself
 * is documented once, globally, in openapi.ts; `@Headers()` would list it a second time.)
 */
export const RequestLanguage = createParamDecorator((_: unknown, ctx: ExecutionContext): Language =>
  requestLanguage(ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['accept-language']),
);
