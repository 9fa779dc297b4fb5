import { ApiError, localizeMessage, mapErrorToForm, toErrorBody } from './errors';

describe('API error → form fields', () => {
  it('puts each detail next to the field it names', () => {
    const body = toErrorBody(400, {
      statusCode: 400, error: 'Bad Request', message: '请求参数有误 (invalid fields): summary, kind',
      details: [{ field: 'summary', message: 'summary 不能为空 (required)' }, { field: 'kind', message: 'kind must be one of …' }],
    });
    const mapped = mapErrorToForm(body, ['kind', 'summary', 'occurredAt']);
    expect(mapped.fields).toEqual([
      { name: ['summary'], errors: ['summary 不能为空'] },
      { name: ['kind'], errors: ['kind must be one of …'] },
    ]);
    expect(mapped.formErrors).toEqual([]);
  });

  it('maps nested fields to name paths and array positions to their array', () => {
    const mapped = mapErrorToForm(
      { statusCode: 400, error: 'Bad Request', message: 'x', details: [
        { field: 'company.creditCode', message: '统一社会信用代码校验位错误 (wrong check character)' },
        { field: 'officerIds.1', message: 'each value in officerIds must be a UUID' },
      ] },
      ['company.creditCode', 'officerIds'],
    );
    expect(mapped.fields.map((f) => f.name)).toEqual([['company', 'creditCode'], ['officerIds']]);
  });

  it('shows what the form has no field for above the form, in the UI language', () => {
    const mapped = mapErrorToForm(
      { statusCode: 409, error: 'Conflict', message: '推进到“签约”阶段缺少依据', details: [{ field: 'agreement', message: '需要签约协议记录 (an agreement is needed)' }] },
      ['to', 'note'],
      { language: 'en' },
    );
    expect(mapped.fields).toEqual([]);
    expect(mapped.formErrors).toEqual(['an agreement is needed']);
  });

  it('falls back to the message when there are no details', () => {
    const mapped = mapErrorToForm({ statusCode: 409, error: 'Conflict', message: '版本已过期 (stale version)' }, ['name']);
    expect(mapped).toEqual({ fields: [], formErrors: ['版本已过期'] });
  });

  it('follows aliases from the API field to the form field', () => {
    const mapped = mapErrorToForm(
      { statusCode: 400, error: 'Bad Request', message: 'x', details: [{ field: 'nextFollowUpAt', message: '时间无效' }] },
      ['followUpOn'],
      { aliases: { nextFollowUpAt: 'followUpOn' } },
    );
    expect(mapped.fields).toEqual([{ name: ['followUpOn'], errors: ['时间无效'] }]);
  });

  it('merges repeated messages for one field', () => {
    const mapped = mapErrorToForm(
      { statusCode: 400, error: 'Bad Request', message: 'x', details: [{ field: 'a', message: 'm' }, { field: 'a', message: 'm' }, { field: 'a', message: 'n' }] },
      ['a'],
    );
    expect(mapped.fields).toEqual([{ name: ['a'], errors: ['m', 'n'] }]);
  });
});

describe('error bodies', () => {
  it('keeps the API error shape and drops malformed details', () => {
    const body = toErrorBody(400, { statusCode: 400, error: 'Bad Request', message: 'bad', details: [{ field: 'x', message: 'y' }, { nope: 1 }] });
    expect(body.details).toEqual([{ field: 'x', message: 'y' }]);
  });

  it('builds one from the status when the body is not the API’s (a proxy page, a network failure)', () => {
    expect(toErrorBody(502, '<html>Bad gateway</html>')).toEqual({ statusCode: 502, error: 'Bad Gateway', message: '502 Bad Gateway' });
    expect(toErrorBody(0, null).message).toMatch(/无法连接服务器/);
  });

  it('ApiError exposes status, message and details', () => {
    const error = new ApiError(403, { statusCode: 403, error: 'Forbidden', message: '无权操作' });
    expect(error).toBeInstanceOf(Error);
    expect([error.status, error.message, error.details]).toEqual([403, '无权操作', []]);
  });
});

describe('messages in the UI language', () => {
  it('picks the Chinese or the English part of a bilingual message', () => {
    const message = 'country 须为 ISO 3166-1 两位大写字母国家代码，如 CN、TR (ISO 3166-1 alpha-2, upper case)';
    expect(localizeMessage(message, 'zh-CN')).toBe('country 须为 ISO 3166-1 两位大写字母国家代码，如 CN、TR');
    expect(localizeMessage(message, 'en')).toBe('ISO 3166-1 alpha-2, upper case');
  });

  it('leaves a message in one language alone', () => {
    expect(localizeMessage('发生时间不能晚于当前时间', 'en')).toBe('发生时间不能晚于当前时间');
    expect(localizeMessage('summary should not be empty', 'zh-CN')).toBe('summary should not be empty');
  });
});
