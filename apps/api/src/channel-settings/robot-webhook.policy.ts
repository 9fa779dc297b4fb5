import { Injectable } from '@nestjs/common';
import { Env } from '@zs/config';
import { parseRobotWebhookHosts, type RobotKind, robotWebhookHostAllowed, validationError } from '@zs/domain';

/** WeCom group robots have no signing secret (the key in the URL is the secret). */
export function assertSecretFits(kind: RobotKind, secret: string | null | undefined, field = 'secret'): void {
  if (kind === 'wecom' && secret) throw validationError(field, '企业微信群机器人不使用签名密钥 (WeCom robots take no secret)');
}

/** The webhook hosts the worker may call (ROBOT_WEBHOOK_HOSTS): a URL elsewhere is refused, naming its field. */
@Injectable()
export class RobotWebhookPolicy {
  private readonly hosts: string[];

  constructor(env: Env) {
    this.hosts = parseRobotWebhookHosts(env.ROBOT_WEBHOOK_HOSTS);
  }

  assertUrlAllowed(url: string | undefined, field = 'url'): void {
    if (url === undefined || robotWebhookHostAllowed(url, this.hosts)) return;
    throw validationError(field, `机器人地址的主机不在允许列表中：${this.hosts.join('、')} (the webhook host must be one of ROBOT_WEBHOOK_HOSTS)`);
  }
}
