// Pure helpers (no DOM, no React): the API's error body → what a form shows next to each field.
import type { ErrorBody, FieldIssue } from './types';

/** A failed API call: the HTTP status and the API's error body (`{statusCode, error, message, details?}`). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  get details(): FieldIssue[] {
    return this.body.details ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Payload Too Large', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/**
 * Whatever came back with a failed response, as the API's error shape: the body itself when it is one,
 * else a body built from the status (a proxy's HTML page, an empty 502, a network failure as status 0).
 */
export function toErrorBody(status: number, parsed: unknown): ErrorBody {
  if (parsed && typeof parsed === 'object' && typeof (parsed as ErrorBody).message === 'string') {
    const body = parsed as ErrorBody;
    const details = Array.isArray(body.details)
      ? body.details.filter((d): d is FieldIssue => !!d && typeof d.field === 'string' && typeof d.message === 'string')
      : undefined;
    return { ...body, statusCode: typeof body.statusCode === 'number' ? body.statusCode : status, details };
  }
  const error = REASONS[status] ?? (status === 0 ? 'Network Error' : 'Error');
  const message = status === 0 ? '无法连接服务器 (cannot reach the server)' : `${status} ${error}`;
  return { statusCode: status, error, message };
}

export type Language = 'zh-CN' | 'en';

/**
 * The API writes messages Chinese first with the English in a trailing parenthesis:
 * `标题不能为空 (title is required)`. Show the part that matches the UI language; a message in one
 * language only is shown as it is.
 */
export function localizeMessage(message: string, language: Language): string {
  const match = /^(.*[\u4e00-\u9fff].*?)\s*[(（]([^()（）]*[A-Za-z][^()（）]*)[)）]\s*$/s.exec(message);
  if (!match) return message;
  const [, chinese, english] = match;
  return language === 'en' ? english.trim() : chinese.trim();
}

/** A form field's name path, as antd's Form takes it: `company.name` → `['company', 'name']`. */
export type NamePath = (string | number)[];

export interface FormErrors {
  /** Errors for fields the form has, in the order they came. */
  fields: { name: NamePath; errors: string[] }[];
  /** Everything else (a field the form does not show, or a message without details): shown above the form. */
  formErrors: string[];
}

/**
 * Maps an error body to the form: one entry per field the form shows (`fieldNames`, dotted), the rest
 * as form-level messages. Array positions (`officerIds.2`) belong to their array field; `aliases` maps
 * an API field to the form field that supplies it (e.g. `occurredAt` → `occurredOn`).
 */
export function mapErrorToForm(
  body: ErrorBody,
  fieldNames: readonly string[],
  options: { language?: Language; aliases?: Record<string, string> } = {},
): FormErrors {
  const language = options.language ?? 'zh-CN';
  const known = new Set(fieldNames);
  const byField = new Map<string, string[]>();
  const formErrors: string[] = [];
  for (const issue of body.details ?? []) {
    const field = resolveField(issue.field, known, options.aliases ?? {});
    const message = localizeMessage(issue.message, language);
    if (field === null) {
      formErrors.push(message);
      continue;
    }
    const list = byField.get(field) ?? [];
    if (!list.includes(message)) list.push(message);
    byField.set(field, list);
  }
  if (byField.size === 0 && formErrors.length === 0) formErrors.push(localizeMessage(body.message, language));
  return {
    fields: [...byField].map(([field, errors]) => ({ name: field.split('.'), errors })),
    formErrors,
  };
}

function resolveField(field: string, known: Set<string>, aliases: Record<string, string>): string | null {
  const lookup = (name: string) => {
    const aliased = aliases[name] ?? name;
    return known.has(aliased) ? aliased : null;
  };
  // `officerIds.2` is about the array field `officerIds`
  return lookup(field) ?? lookup(field.replace(/(\.\d+)+$/, ''));
}
