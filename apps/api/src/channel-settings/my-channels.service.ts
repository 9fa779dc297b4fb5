import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Env } from '@zs/config';
import { RobotWebhook, User, UserChannelSettings } from '@zs/db';
import { type DeliveryChannel, ROBOT_KINDS, validationError } from '@zs/domain';
import { DataSource, IsNull } from 'typeorm';
import type { Actor } from '../common/actor';
import { notFound } from '../common/optimistic-update';
import { PutMyChannelsDto } from './dto/robot-webhook.dto';
import { MyChannelsView, toRobotWebhookView } from './robot-webhook.view';
import { assertSecretFits, RobotWebhookPolicy } from './robot-webhook.policy';

/** At most this many personal webhooks per user. */
export const MAX_OWN_WEBHOOKS = 10;

/** A user's own reminder channels (`/api/me/channels`): email on or off, and their personal robot webhooks. */
@Injectable()
export class MyChannelsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Env,
    private readonly policy: RobotWebhookPolicy,
  ) {}

  async get(actor: Actor): Promise<MyChannelsView> {
    const manager = this.db.manager;
    const user = await manager.findOneBy(User, { id: actor.id });
    if (!user) throw notFound('用户');
    const settings = await manager.findOneBy(UserChannelSettings, { userId: actor.id });
    const own = await manager.find(RobotWebhook, { where: { userId: actor.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const team = await manager.find(RobotWebhook, { where: { parkId: user.parkId, userId: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } });
    const emailEnabled = settings?.emailEnabled ?? true;
    const emailAvailable = !!this.env.SMTP_URL;
    const activeChannels: DeliveryChannel[] = ['in_app'];
    if (emailAvailable && emailEnabled && user.email) activeChannels.push('email');
    const kinds = new Set([...own, ...team].filter((w) => w.enabled).map((w) => w.kind));
    for (const kind of ROBOT_KINDS) if (kinds.has(kind)) activeChannels.push(kind);
    return {
      email: user.email,
      emailEnabled,
      emailAvailable,
      webhooks: own.map(toRobotWebhookView),
      teamWebhooks: team.map(toRobotWebhookView),
      activeChannels,
    };
  }

  /** Replaces what is sent: `emailEnabled`, and the complete list of own webhooks (absent fields: unchanged). */
  async put(actor: Actor, dto: PutMyChannelsDto): Promise<MyChannelsView> {
    const webhooks = dto.webhooks;
    if (webhooks && webhooks.length > MAX_OWN_WEBHOOKS) {
      throw validationError('webhooks', `个人机器人最多 ${MAX_OWN_WEBHOOKS} 个 (at most ${MAX_OWN_WEBHOOKS})`);
    }
    await this.db.transaction(async (tx) => {
      if (dto.emailEnabled !== undefined) {
        await tx.query(
          `INSERT INTO user_channel_settings (user_id, email_enabled) VALUES ($1, $2)
           ON CONFLICT (user_id) DO UPDATE SET email_enabled = EXCLUDED.email_enabled,
             version = user_channel_settings.version + 1, updated_at = now()`,
          [actor.id, dto.emailEnabled],
        );
      }
      if (!webhooks) return;
      const existing = new Map((await tx.find(RobotWebhook, { where: { userId: actor.id } })).map((w) => [w.id, w]));
      const kept = new Set<string>();
      for (const [i, item] of webhooks.entries()) {
        if (item.id) {
          const current = existing.get(item.id);
          if (!current || kept.has(item.id)) throw validationError(`webhooks.${i}.id`, '不是您的机器人 (not one of your webhooks)');
          if (item.kind !== current.kind) throw validationError(`webhooks.${i}.kind`, '机器人类型不可修改 (the kind cannot change)');
          const secret = item.secret === undefined ? current.secret : item.secret;
          assertSecretFits(item.kind, secret, `webhooks.${i}.secret`);
          this.policy.assertUrlAllowed(item.url, `webhooks.${i}.url`);
          kept.add(item.id);
          await tx.update(RobotWebhook, { id: item.id }, {
            url: item.url ?? current.url,
            secret,
            name: item.name === undefined ? current.name : item.name,
            enabled: item.enabled ?? current.enabled,
            version: () => 'version + 1',
          });
        } else {
          if (!item.url) throw validationError(`webhooks.${i}.url`, '新机器人需要填写地址 (a new webhook needs its url)');
          assertSecretFits(item.kind, item.secret, `webhooks.${i}.secret`);
          this.policy.assertUrlAllowed(item.url, `webhooks.${i}.url`);
          await tx.save(tx.create(RobotWebhook, {
            kind: item.kind,
            url: item.url,
            secret: item.secret ?? null,
            name: item.name ?? null,
            userId: actor.id,
            parkId: null,
            enabled: item.enabled ?? true,
            createdById: actor.id,
          }));
        }
      }
      const removed = [...existing.keys()].filter((id) => !kept.has(id));
      if (removed.length) await tx.softDelete(RobotWebhook, removed);
    });
    return this.get(actor);
  }
}
