import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Park, RobotWebhook, User } from '@zs/db';
import { validationError } from '@zs/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, inScope } from '../common/actor';
import { definedOnly, notFound, updateWithVersion } from '../common/optimistic-update';
import { keysetPage, type Page } from '../common/pagination';
import { applyDeletedFilter } from '../common/soft-delete';
import { CreateRobotWebhookDto, ListRobotWebhooksQueryDto, UpdateRobotWebhookDto } from './dto/robot-webhook.dto';
import { assertSecretFits, RobotWebhookPolicy } from './robot-webhook.policy';
import { RobotWebhookView, toRobotWebhookView } from './robot-webhook.view';

/**
 * Robot webhooks of teams (parks) and of users, managed by managers (within their parks) and admins. A
 * webhook belongs to the park it names, or to the park of the user it names: outside the caller's parks it
 * does not exist (404).
 */
@Injectable()
export class RobotWebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly policy: RobotWebhookPolicy,
  ) {}

  async list(actor: Actor, query: ListRobotWebhooksQueryDto): Promise<Page<RobotWebhookView>> {
    const qb = this.db.createQueryBuilder(RobotWebhook, 'w');
    if (actor.parkIds !== null) {
      qb.where(
        '(w.park_id = ANY(:scopeParkIds) OR w.user_id IN (SELECT su.id FROM users su WHERE su.park_id = ANY(:scopeParkIds)))',
        { scopeParkIds: actor.parkIds },
      );
    }
    applyDeletedFilter(qb, 'w', actor, query.deleted);
    if (query.kind) qb.andWhere('w.kind = :kind', { kind: query.kind });
    if (query.parkId) qb.andWhere('w.park_id = :parkId', { parkId: query.parkId });
    if (query.userId) qb.andWhere('w.user_id = :userId', { userId: query.userId });
    const page = await keysetPage(qb, 'w', query);
    return { items: page.items.map(toRobotWebhookView), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<RobotWebhookView> {
    return toRobotWebhookView(await this.load(this.db.manager, actor, id));
  }

  async create(actor: Actor, dto: CreateRobotWebhookDto): Promise<RobotWebhookView> {
    if (dto.parkId && dto.userId) throw validationError('userId', '机器人归属于园区或个人，不能同时指定 (give parkId or userId, not both)');
    assertSecretFits(dto.kind, dto.secret);
    this.policy.assertUrlAllowed(dto.url);
    let parkId: string | null = null;
    if (dto.userId) {
      const user = await this.db.manager.findOneBy(User, { id: dto.userId });
      if (!user || !inScope(actor, user.parkId)) throw validationError('userId', '用户不存在 (unknown user)');
    } else {
      parkId = dto.parkId ?? actor.parkId;
      const park = await this.db.manager.findOneBy(Park, { id: parkId });
      if (!park || !inScope(actor, park.id)) throw validationError('parkId', '园区不存在 (unknown park)');
    }
    const saved = await this.db.manager.save(
      this.db.manager.create(RobotWebhook, {
        kind: dto.kind,
        url: dto.url,
        secret: dto.secret ?? null,
        name: dto.name ?? null,
        parkId,
        userId: dto.userId ?? null,
        enabled: dto.enabled ?? true,
        createdById: actor.id,
      }),
    );
    return this.get(actor, saved.id);
  }

  async update(actor: Actor, id: string, dto: UpdateRobotWebhookDto): Promise<RobotWebhookView> {
    const current = await this.load(this.db.manager, actor, id);
    const { version, ...fields } = dto;
    assertSecretFits(current.kind, fields.secret);
    this.policy.assertUrlAllowed(fields.url);
    await updateWithVersion(this.db.manager, RobotWebhook, id, version, definedOnly(fields));
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.load(this.db.manager, actor, id);
    await this.db.manager.softDelete(RobotWebhook, id);
  }

  async restore(actor: Actor, id: string): Promise<RobotWebhookView> {
    await this.load(this.db.manager, actor, id, true);
    await this.db.manager.restore(RobotWebhook, id);
    return this.get(actor, id);
  }

  /** A webhook within the caller's parks (its park, or its user's park), else 404; `deleted`: a deleted one only. */
  private async load(manager: EntityManager, actor: Actor, id: string, deleted = false): Promise<RobotWebhook> {
    const webhook = await manager.findOne(RobotWebhook, { where: { id }, withDeleted: deleted });
    if (!webhook || (deleted && !webhook.deletedAt)) throw notFound(deleted ? '已删除的机器人' : '机器人');
    let parkId = webhook.parkId;
    if (!parkId && webhook.userId) parkId = (await manager.findOneBy(User, { id: webhook.userId }))?.parkId ?? null;
    if (!parkId || !inScope(actor, parkId)) throw notFound('机器人');
    return webhook;
  }
}
