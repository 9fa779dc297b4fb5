import { DomainError, ErrorCode, isDomainError, validationError } from './domain-error';

describe('DomainError', () => {
  it('is an Error and a DomainError, with its code, message and details', () => {
    const error = new DomainError(ErrorCode.Conflict, '版本已过期', [{ field: 'version', message: '版本已过期' }]);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(isDomainError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'DomainError', code: 'conflict', message: '版本已过期' });
    expect(error.details).toEqual([{ field: 'version', message: '版本已过期' }]);
    expect(error.stack).toContain('DomainError');
  });

  it('leaves details undefined when none are given', () => {
    expect(new DomainError(ErrorCode.NotFound, '项目不存在').details).toBeUndefined();
  });

  it('does not take a plain Error for a DomainError', () => {
    expect(isDomainError(new Error('x'))).toBe(false);
  });

  it('builds a validation error about one field', () => {
    const error = validationError('creditCode', '统一社会信用代码校验码错误');
    expect(error.code).toBe(ErrorCode.Validation);
    expect(error.message).toBe('统一社会信用代码校验码错误');
    expect(error.details).toEqual([{ field: 'creditCode', message: '统一社会信用代码校验码错误' }]);
  });

  it('has the twelve codes the exception filter maps', () => {
    expect(Object.values(ErrorCode)).toEqual([
      'validation',
      'not_found',
      'forbidden',
      'unauthorized',
      'conflict',
      'stale_version',
      'illegal_transition',
      'missing_evidence',
      'duplicate',
      'idempotency_mismatch',
      'too_many_requests',
      'unprocessable',
    ]);
  });
});
