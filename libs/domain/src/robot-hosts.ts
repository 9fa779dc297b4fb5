/**
 * Which hosts robot webhooks may point at. Officers and managers enter webhook addresses themselves, and the
 * worker POSTs to them from inside the park's network: without a list, a webhook could reach internal
 * services (server-side request forgery). The default list holds the three platforms' own webhook hosts.
 */
export const DEFAULT_ROBOT_WEBHOOK_HOSTS = ['qyapi.weixin.qq.com', 'oapi.dingtalk.com', 'open.feishu.cn', 'open.larksuite.com'] as const;

/** `ROBOT_WEBHOOK_HOSTS` (comma-separated host names, `host:port` or `*` for any) as a list. */
export function parseRobotWebhookHosts(setting: string | undefined): string[] {
  if (!setting?.trim()) return [...DEFAULT_ROBOT_WEBHOOK_HOSTS];
  return setting.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean);
}

/**
 * Whether `url` is an http(s) address whose host is on the list: exactly (`open.feishu.cn`), with its port
 * (`127.0.0.1:8080`, when the entry names one), or anything when the list holds `*`.
 */
export function robotWebhookHostAllowed(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (allowedHosts.includes('*')) return true;
  const hostname = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const withPort = parsed.port ? `${hostname}:${parsed.port}` : hostname;
  return allowedHosts.some((entry) => entry === hostname || entry === withPort || entry === parsed.host.toLowerCase());
}
