import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Env } from '@zs/config';
import { loadWorkCalendar } from '@zs/db';
import { type DeliveryChannel, nextOfficeTime, parseOfficeHours, parseRobotWebhookHosts, ROBOT_KINDS, robotWebhookHostAllowed, type RobotKind, isRobotKind, type OfficeHours, type WorkCalendar } from '@zs/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { EmailSender } from './email.sender';
import { absoluteLink, formatEmail, type MessageContent, robotPayload } from './message-format';
import { RobotSender } from './robot.sender';

/**
 * What the dispatcher needs of a `deliveries` row (the engine's outbox): structurally typed, so the engine's
 * `Delivery` entity is accepted as it is.
 */
export interface OutboundDelivery {
  id: string;
  /** The cause (e.g. `task_overdue:<taskId>`; digests: `digest:<userId>:<date>`). */
  causeKey: string;
  recipientId: string;
  /** 0 = the officer, 1 = the leading official, 2 = the managers. */
  level: number;
  channel: DeliveryChannel | string;
  rule: string;
  title: string;
  body: string;
  link: string | null;
  projectId: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
}

/** Rules whose messages are personal: they go to the recipient's email and own webhooks, never a park's. */
export const PERSONAL_RULES: ReadonlySet<string> = new Set(['digest', 'weekly_dispatch']);

/**
 * A problem retrying cannot fix (no address, the channel switched off, no webhook left): BullMQ fails the job
 * at once (UnrecoverableError) and the engine records the delivery as failed with this message.
 */
export class ChannelPermanentError extends UnrecoverableError {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelPermanentError';
  }
}

/**
 * Thrown by `dispatch` when it is called outside office hours (a job that ran late, or a row whose `not_before`
 * was not moved to office hours): the row's `not_before` has been moved to the next office time, nothing was
 * sent, and the relay queues it again then. Not a failure of the channel.
 */
export class ChannelHeldError extends Error {
  constructor(readonly until: Date) {
    super(`非办公时间，顺延至 ${until.toISOString()} 发送 (held until office hours)`);
    this.name = 'ChannelHeldError';
  }
}

/** How long a sender's claim on a robot message holds before another delivery (or its own retry) may take it over. */
const ROBOT_CLAIM_SECONDS = 120;

interface RecipientRow {
  id: string;
  display_name: string;
  email: string | null;
  park_id: string;
  disabled_at: Date | null;
  email_enabled: boolean;
}

interface WebhookRow {
  id: string;
  kind: RobotKind;
  url: string;
  secret: string | null;
  park_id: string | null;
  user_id: string | null;
}

/**
 * The outbound channels of reminders: which channels a user gets, and the sending of one delivery.
 *
 * - `email`: the user has an address, has not switched email off (`/api/me/channels`) and SMTP_URL is set.
 * - `wecom` / `dingtalk` / `feishu`: an enabled webhook of that kind belongs to the user, or to the user's
 *   park (the team). One delivery of a robot channel posts to every such webhook.
 * - Team webhooks are keyed per (webhook, cause, level) in `robot_sends`: a park's webhook receives a cause
 *   once per escalation level however many of its users are recipients of it (each of their deliveries
 *   resolves to the same webhook; the first to claim it sends, the others find it sent or claimed).
 *   The user's own webhooks use the same key (one user: one message per cause and level).
 * - In-app notifications are the engine's; digests and the weekly dispatch list go to personal channels only.
 *
 * `dispatch` throws on failure so that BullMQ retries with backoff (the engine marks the row failed after the
 * last attempt); a `ChannelPermanentError` means retrying is pointless.
 *
 * Office hours: email, robots and digests go out only in office hours (OFFICE_HOURS, TZ_PARK, working days of the
 * calendar with the admins' overrides); in-app never waits. The engine writes `not_before` of a non-in_app
 * delivery as `notBefore(channel, dueAt, calendar)` (= `nextOfficeTime` of @zs/domain) so the relay holds it;
 * `dispatch` checks again and throws ChannelHeldError (moving `not_before`) if it runs outside office hours.
 */
@Injectable()
export class ChannelDispatcher {
  private readonly logger = new Logger('Channels');

  private readonly hours: OfficeHours;
  private readonly robotHosts: string[];
  private calendarCache: { calendar: WorkCalendar; at: number } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Env,
    private readonly clock: Clock,
    private readonly email: EmailSender,
    private readonly robots: RobotSender,
  ) {
    this.hours = parseOfficeHours(env.OFFICE_HOURS);
    this.robotHosts = parseRobotWebhookHosts(env.ROBOT_WEBHOOK_HOSTS);
  }

  /**
   * When a delivery over `channel` falling due at `dueAt` may go out: in-app at once, every other channel at the
   * next office time (`nextOfficeTime(dueAt, calendar, TZ_PARK, OFFICE_HOURS)`). For `deliveries.not_before`.
   */
  notBefore(channel: DeliveryChannel | string, dueAt: Date, calendar: WorkCalendar): Date {
    return channel === 'in_app' ? dueAt : nextOfficeTime(dueAt, calendar, this.env.TZ_PARK, this.hours);
  }

  /** The non-in_app channels a user gets now (email first, then the robots); none for a disabled user. */
  async channelsFor(recipientId: string, options: { personalOnly?: boolean } = {}): Promise<DeliveryChannel[]> {
    return (await this.channelsForMany([recipientId], options)).get(recipientId) ?? [];
  }

  /**
   * `channelsFor` of several users at once, in two queries whatever their number (the engine asks for every
   * recipient of a chunk of reminders together): each id maps to its channels, none for an unknown or disabled user.
   */
  async channelsForMany(recipientIds: readonly string[], options: { personalOnly?: boolean } = {}): Promise<Map<string, DeliveryChannel[]>> {
    const ids = [...new Set(recipientIds)];
    const result = new Map<string, DeliveryChannel[]>(ids.map((id) => [id, []]));
    if (!ids.length) return result;
    const personalOnly = options.personalOnly ?? false;
    const recipients = ((await this.db.query(
      `SELECT u.id, u.park_id, u.email, coalesce(s.email_enabled, true) AS email_enabled
         FROM users u LEFT JOIN user_channel_settings s ON s.user_id = u.id
        WHERE u.id = ANY($1::uuid[]) AND u.disabled_at IS NULL`,
      [ids],
    )) as Pick<RecipientRow, 'id' | 'park_id' | 'email' | 'email_enabled'>[]);
    if (!recipients.length) return result;
    const webhooks = (await this.db.query(
      `SELECT kind, park_id, user_id FROM robot_webhooks
        WHERE deleted_at IS NULL AND enabled AND (user_id = ANY($1::uuid[]) OR (NOT $3 AND park_id = ANY($2::uuid[])))`,
      [recipients.map((r) => r.id), [...new Set(recipients.map((r) => r.park_id))], personalOnly],
    )) as Pick<WebhookRow, 'kind' | 'park_id' | 'user_id'>[];
    for (const recipient of recipients) {
      const channels: DeliveryChannel[] = [];
      if (this.email.enabled && recipient.email && recipient.email_enabled) channels.push('email');
      // as `webhooks` reads them for one user: their own, and (unless personal only) their park's
      const kinds = new Set(webhooks.filter((w) => w.user_id === recipient.id || (!personalOnly && w.park_id === recipient.park_id)).map((w) => w.kind));
      for (const kind of ROBOT_KINDS) if (kinds.has(kind)) channels.push(kind);
      result.set(recipient.id, channels);
    }
    return result;
  }

  /** Resolves the target(s), formats the message and sends it; throws on failure. */
  async dispatch(delivery: OutboundDelivery): Promise<void> {
    const recipient = await this.recipient(delivery.recipientId);
    if (!recipient) throw new ChannelPermanentError(`收件人不存在 (recipient ${delivery.recipientId} not found)`);
    if (recipient.disabled_at) throw new ChannelPermanentError('收件人账号已停用 (recipient disabled)');
    if (delivery.channel !== 'in_app') await this.holdOutsideOfficeHours(delivery);
    if (delivery.channel === 'email') return this.sendEmail(delivery, recipient);
    if (isRobotKind(delivery.channel)) return this.sendRobots(delivery, delivery.channel, recipient);
    throw new ChannelPermanentError(`渠道 ${delivery.channel} 不由外发渠道处理 (in-app notifications are written by the engine)`);
  }

  /** Outside office hours: moves the row's not_before to the next office time and throws ChannelHeldError. */
  private async holdOutsideOfficeHours(delivery: OutboundDelivery): Promise<void> {
    const now = this.clock.now();
    const until = nextOfficeTime(now, await this.calendar(), this.env.TZ_PARK, this.hours);
    if (until.getTime() === now.getTime()) return;
    await this.db.query(
      `UPDATE deliveries SET not_before = $2, locked_until = NULL, updated_at = now() WHERE id = $1 AND status = 'pending' AND not_before < $2`,
      [delivery.id, until],
    );
    throw new ChannelHeldError(until);
  }

  /** The working-day calendar with the admins' overrides, re-read at most once a minute. */
  private async calendar(): Promise<WorkCalendar> {
    if (!this.calendarCache || Date.now() - this.calendarCache.at > 60_000) {
      this.calendarCache = { calendar: await loadWorkCalendar(this.db), at: Date.now() };
    }
    return this.calendarCache.calendar;
  }

  private async sendEmail(delivery: OutboundDelivery, recipient: RecipientRow): Promise<void> {
    if (!this.email.enabled) throw new ChannelPermanentError('邮件渠道未启用 (SMTP_URL is not set)');
    if (!recipient.email) throw new ChannelPermanentError('收件人未设置邮箱 (the recipient has no email address)');
    if (!recipient.email_enabled) throw new ChannelPermanentError('收件人已关闭邮件提醒 (the recipient switched email off)');
    const content = await this.content(delivery, { recipientName: recipient.display_name, team: false });
    const { subject, text, html } = formatEmail(content);
    await this.email.send({ to: recipient.email, subject, text, html });
    this.logger.debug(`email ${delivery.id} sent to ${recipient.id}`);
  }

  private async sendRobots(delivery: OutboundDelivery, kind: RobotKind, recipient: RecipientRow): Promise<void> {
    const enabled = await this.webhooks(recipient, kind, PERSONAL_RULES.has(delivery.rule));
    if (!enabled.length) throw new ChannelPermanentError(`没有可用的${kind}机器人 (no enabled ${kind} webhook for the recipient or their park)`);
    // webhooks stored before ROBOT_WEBHOOK_HOSTS was narrowed are never called
    const targets = enabled.filter((target) => robotWebhookHostAllowed(target.url, this.robotHosts));
    for (const refused of enabled.filter((target) => !targets.includes(target))) {
      this.logger.warn(`webhook ${refused.id} skipped: its host is not in ROBOT_WEBHOOK_HOSTS`);
    }
    if (!targets.length) throw new ChannelPermanentError(`${kind}机器人地址不在允许的主机列表中 (the webhook host is not in ROBOT_WEBHOOK_HOSTS)`);
    const failures: string[] = [];
    for (const target of targets) {
      const claim = await this.claimRobotSend(target.id, delivery);
      if (!claim) continue; // sent already, or another recipient's delivery is sending it now
      try {
        const team = target.park_id !== null;
        const content = await this.content(delivery, { recipientName: team && delivery.level >= 2 ? null : recipient.display_name, team });
        await this.robots.send({ kind, url: target.url, secret: target.secret }, robotPayload(content, kind));
        await this.db.query(
          `UPDATE robot_sends SET status = 'sent', sent_at = now(), claimed_until = NULL, last_error = NULL WHERE id = $1`,
          [claim],
        );
      } catch (error) {
        const message = (error as Error).message;
        failures.push(`webhook ${target.id}: ${message}`);
        await this.db.query(`UPDATE robot_sends SET claimed_until = NULL, last_error = $2 WHERE id = $1`, [claim, message.slice(0, 2000)]);
      }
    }
    if (failures.length) throw new Error(`${kind} 发送失败 (send failed): ${failures.join('; ')}`);
  }

  /**
   * Claims the message of one cause and level to one webhook for this delivery: returns the robot_sends id,
   * or null when it was sent already or another delivery holds a live claim. A delivery's retry re-takes its
   * own claim at once; a crashed sender's claim expires after ROBOT_CLAIM_SECONDS.
   */
  private async claimRobotSend(webhookId: string, delivery: OutboundDelivery): Promise<string | null> {
    await this.db.query(
      `INSERT INTO robot_sends (webhook_id, cause_key, level) VALUES ($1, $2, $3) ON CONFLICT (webhook_id, cause_key, level) DO NOTHING`,
      [webhookId, delivery.causeKey, delivery.level],
    );
    const [rows] = (await this.db.query(
      `UPDATE robot_sends SET claimed_by = $4, claimed_until = now() + make_interval(secs => $5), attempts = attempts + 1
        WHERE webhook_id = $1 AND cause_key = $2 AND level = $3 AND status = 'pending'
          AND (claimed_by = $4 OR claimed_until IS NULL OR claimed_until < now())
        RETURNING id`,
      [webhookId, delivery.causeKey, delivery.level, delivery.id, ROBOT_CLAIM_SECONDS],
    )) as [{ id: string }[], number];
    return rows[0]?.id ?? null;
  }

  private async content(delivery: OutboundDelivery, who: { recipientName: string | null; team: boolean }): Promise<MessageContent> {
    let project: MessageContent['project'] = null;
    if (delivery.projectId) {
      const [row] = (await this.db.query(`SELECT name, code FROM projects WHERE id = $1`, [delivery.projectId])) as { name: string; code: string }[];
      if (row) project = row;
    }
    const publicUrl = this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`;
    return {
      title: delivery.title,
      body: delivery.body,
      project,
      link: absoluteLink(publicUrl, delivery.link, delivery.projectId),
      level: delivery.level,
      recipientName: who.recipientName,
      team: who.team,
    };
  }

  private async recipient(userId: string): Promise<RecipientRow | null> {
    const [row] = (await this.db.query(
      `SELECT u.id, u.display_name, u.email, u.park_id, u.disabled_at, coalesce(s.email_enabled, true) AS email_enabled
         FROM users u LEFT JOIN user_channel_settings s ON s.user_id = u.id
        WHERE u.id = $1`,
      [userId],
    )) as RecipientRow[];
    return row ?? null;
  }

  /** The enabled webhooks that reach a user: their own, and (unless personal only) their park's. */
  private async webhooks(recipient: RecipientRow, kind: RobotKind | null, personalOnly: boolean): Promise<WebhookRow[]> {
    return (await this.db.query(
      `SELECT id, kind, url, secret, park_id, user_id FROM robot_webhooks
        WHERE deleted_at IS NULL AND enabled AND ($2::varchar IS NULL OR kind = $2)
          AND (user_id = $1 OR (NOT $4 AND park_id = $3))
        ORDER BY user_id NULLS LAST, created_at, id`,
      [recipient.id, kind, recipient.park_id, personalOnly],
    )) as WebhookRow[];
  }
}
