import { Injectable } from '@nestjs/common';
import { Clock } from '@zs/config';
import { dingtalkSignedUrl, feishuSignature, type RobotKind } from '@zs/domain';

export interface RobotTarget {
  kind: RobotKind;
  url: string;
  secret: string | null;
}

export class RobotSendError extends Error {}

const TIMEOUT_MS = 10_000;

/**
 * Posts a message to a group robot's webhook: WeCom (企业微信, no signature: the URL's key is the secret),
 * DingTalk (钉钉, `timestamp` + `sign` in the query when a secret is set) and Feishu (飞书, `timestamp` +
 * `sign` in the body when a secret is set). A non-2xx answer, a timeout, or a 200 whose JSON reports an
 * error (`errcode` ≠ 0 for WeCom and DingTalk, `code` ≠ 0 for Feishu) is a failure: it throws.
 */
@Injectable()
export class RobotSender {
  constructor(private readonly clock: Clock) {}

  async send(target: RobotTarget, payload: Record<string, unknown>): Promise<void> {
    const now = this.clock.now().getTime();
    let url = target.url;
    let body = payload;
    if (target.kind === 'dingtalk' && target.secret) url = dingtalkSignedUrl(url, target.secret, now);
    if (target.kind === 'feishu' && target.secret) {
      const timestamp = Math.floor(now / 1000);
      body = { timestamp: String(timestamp), sign: feishuSignature(target.secret, timestamp), ...payload };
    }
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new RobotSendError(`${target.kind} webhook unreachable: ${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new RobotSendError(`${target.kind} webhook answered HTTP ${response.status}: ${text.slice(0, 200)}`);
    let answer: Record<string, unknown> | null = null;
    try {
      answer = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      /* not JSON: a 2xx is taken as delivered */
    }
    const code = answer ? (answer.errcode ?? answer.code ?? answer.StatusCode) : undefined;
    if (code !== undefined && code !== null && Number(code) !== 0) {
      const reason = answer?.errmsg ?? answer?.msg ?? answer?.StatusMessage ?? '';
      throw new RobotSendError(`${target.kind} webhook refused the message: ${String(code)} ${String(reason)}`.trim());
    }
  }
}
