import type { Label } from './labels';

/**
 * Where a reminder can go (one `deliveries` row per cause, recipient, level and channel). Not to be confused
 * with `CHANNELS` (招商方式, where a project came from).
 */
export const DELIVERY_CHANNELS = ['in_app', 'email', 'wecom', 'dingtalk', 'feishu'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** The group robots (群机器人) a webhook can post to. */
export const ROBOT_KINDS = ['wecom', 'dingtalk', 'feishu'] as const;
export type RobotKind = (typeof ROBOT_KINDS)[number];

export const DELIVERY_CHANNEL_LABELS: Record<DeliveryChannel, Label> = {
  in_app: { zh: '站内通知', en: 'In-app' },
  email: { zh: '电子邮件', en: 'Email' },
  wecom: { zh: '企业微信群机器人', en: 'WeCom group robot' },
  dingtalk: { zh: '钉钉群机器人', en: 'DingTalk group robot' },
  feishu: { zh: '飞书群机器人', en: 'Feishu group robot' },
};

export function isRobotKind(value: unknown): value is RobotKind {
  return typeof value === 'string' && (ROBOT_KINDS as readonly string[]).includes(value);
}

/** A secret as the API shows it: never in full — the last 4 characters after a fixed mask (`••••••a1b2`). */
export function maskSecret(secret: string | null | undefined): string | null {
  if (!secret) return null;
  return `••••••${secret.length > 8 ? secret.slice(-4) : ''}`;
}

/**
 * A robot webhook URL as the API shows it: the URL is itself a credential (WeCom's `key`, DingTalk's
 * `access_token`, Feishu's hook id), so every query value and a long last path segment keep only their
 * first and last 4 characters. Enough to recognise a webhook, not to post to it.
 */
export function maskWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '••••••';
  }
  const hide = (value: string) => (value.length > 8 ? `${value.slice(0, 4)}…${value.slice(-4)}` : '••••');
  const segments = parsed.pathname.split('/');
  const last = segments[segments.length - 1];
  if (last && last.length >= 16) segments[segments.length - 1] = hide(last);
  const query = [...parsed.searchParams.entries()].map(([key, value]) => `${key}=${hide(value)}`).join('&');
  return `${parsed.protocol}//${parsed.host}${segments.join('/')}${query ? `?${query}` : ''}`;
}
