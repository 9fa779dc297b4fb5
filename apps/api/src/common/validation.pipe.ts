import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode, FieldIssue } from '@zs/domain';

/** Flattens class-validator's tree into one `{field, message}` per bad field (nested fields dotted). */
export function fieldIssues(errors: ValidationError[], parent = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      const messages = Object.entries(error.constraints).map(([name, text]) =>
        name === 'whitelistValidation' ? `${field} 为未知或只读字段，不可提交 (unknown or read-only field)` : text,
      );
      issues.push({ field, message: messages.join('; ') });
    }
    if (error.children?.length) issues.push(...fieldIssues(error.children, field));
  }
  return issues;
}

/** The one global validation pipe: whitelist, unknown fields rejected, payloads transformed to DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validateCustomDecorators: false,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const details = fieldIssues(errors);
      const fields = [...new Set(details.map((d) => d.field))].join(', ');
      return new DomainError(ErrorCode.Validation, `请求参数有误 (invalid fields): ${fields}`, details);
    },
  });
}
