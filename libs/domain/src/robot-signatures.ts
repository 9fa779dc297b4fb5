import { createHmac } from 'node:crypto';

/**
 * Signatures of the group robots' signed requests (pure: the timestamp is an argument).
 *
 * - DingTalk (钉钉, "加签"): string to sign `${timestamp}\n${secret}` with `timestamp` in milliseconds,
 *   HmacSHA256 keyed with the secret, Base64, then URL-encoded into the webhook's query as
 *   `&timestamp=…&sign=…`. DingTalk refuses a timestamp more than an hour off.
 * - Feishu (飞书, "签名校验"): `timestamp` in seconds; HmacSHA256 keyed with `${timestamp}\n${secret}` over an
 *   EMPTY message, Base64; sent in the JSON body as `timestamp` (string) and `sign`.
 * - WeCom (企业微信) group robots have no signature: the webhook's `key` is the secret.
 */

/** DingTalk's `sign` before URL encoding. */
export function dingtalkSignature(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The DingTalk webhook URL with `timestamp` and the URL-encoded `sign` appended. */
export function dingtalkSignedUrl(webhookUrl: string, secret: string, timestampMs: number): string {
  const separator = webhookUrl.includes('?') ? '&' : '?';
  return `${webhookUrl}${separator}timestamp=${timestampMs}&sign=${encodeURIComponent(dingtalkSignature(secret, timestampMs))}`;
}

/** Feishu's `sign` for a timestamp in seconds. */
export function feishuSignature(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('', 'utf8').digest('base64');
}
