import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Env } from '@zs/config';
import { buildDispatchList, loadWorkCalendar } from '@zs/db';
import { addDays, dayOfWeek, parseOfficeHours, toZonedDate, type WorkCalendar, zonedDateTimeToInstant, zonedMinutesOfDay } from '@zs/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { ChannelDispatcher } from '../channels/channel-dispatcher';
import { absoluteLink } from '../channels/message-format';
import { DeliveryRelay } from '../reminders/delivery-relay.service';
import { dailyDigestMessage, type DigestItem, weeklyDispatchMessage } from './digest-message';

export interface DigestRunResult {
  /** Why nothing was decided (a day off, outside office hours, not the week's first working day), or null. */
  skipped: string | null;
  period: string;
  /** Recipients decided in this run (a digest row written), and of those how many had something to send. */
  decided: number;
  sent: number;
}

interface DigestRow {
  user_id: string;
  kind: DigestItem['kind'];
  item_id: string;
  project_id: string;
  project_name: string;
  project_code: string;
  title: string | null;
  key: string | null;
  due_on: string;
  due_at: Date | null;
}

/**
 * The morning digest (每日待办) of every active user on each working day, and the weekly dispatch list (每周调度)
 * for managers on the week's first working day, both from the start of office hours.
 *
 * Exactly once per recipient and period: the `digests` row (unique kind + recipient + period) is the claim, and
 * the digest's deliveries (in-app + the recipient's personal channels, cause key `digest:<user>:<date>` or
 * `weekly_dispatch:<user>:<monday>`) are written to the `deliveries` outbox in the same transaction; the
 * engine's relay (right after the commit, and again by every reconciliation) and Deliver job send them (retries,
 * failures recorded), like any reminder. A recipient with nothing due gets a row
 * with itemCount 0 and no message. Any number of workers may run it at once.
 */
@Injectable()
export class DigestsService {
  private readonly logger = new Logger('Digests');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Env,
    private readonly clock: Clock,
    private readonly channels: ChannelDispatcher,
    private readonly relay: DeliveryRelay,
  ) {}

  async runDaily(): Promise<DigestRunResult> {
    const now = this.clock.now();
    const timeZone = this.env.TZ_PARK;
    const today = toZonedDate(now, timeZone);
    const skipped = await this.outsideOfficeHours(now, today);
    if (skipped) return { skipped, period: today, decided: 0, sent: 0 };

    const users = (await this.db.query(
      `SELECT u.id FROM users u
        WHERE u.disabled_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM digests d WHERE d.kind = 'daily' AND d.recipient_id = u.id AND d.period = $1::date)
        ORDER BY u.id`,
      [today],
    )) as { id: string }[];
    if (!users.length) return { skipped: null, period: today, decided: 0, sent: 0 };

    const items = await this.dailyItems(users.map((u) => u.id), now, today);
    let decided = 0;
    let sent = 0;
    for (const { id } of users) {
      const mine = items.get(id) ?? [];
      const message = mine.length ? dailyDigestMessage(mine, now, timeZone) : null;
      const wrote = await this.decide('daily', id, today, mine.length, message && {
        rule: 'digest',
        causeKey: `digest:${id}:${today}`,
        link: '/',
        ...message,
      });
      if (wrote) decided++;
      if (wrote && message) sent++;
    }
    if (decided) this.logger.log(`daily digests for ${today}: ${sent} sent, ${decided - sent} with nothing due`);
    return { skipped: null, period: today, decided, sent };
  }

  async runWeekly(): Promise<DigestRunResult> {
    const now = this.clock.now();
    const timeZone = this.env.TZ_PARK;
    const today = toZonedDate(now, timeZone);
    const monday = addDays(today, -((dayOfWeek(today) + 6) % 7));
    const calendar = await loadWorkCalendar(this.db);
    const skipped = await this.outsideOfficeHours(now, today, calendar);
    if (skipped) return { skipped, period: monday, decided: 0, sent: 0 };
    if (calendar.addWorkingDays(monday, 0) !== today) {
      return { skipped: 'not the first working day of the week', period: monday, decided: 0, sent: 0 };
    }

    const managers = (await this.db.query(
      `SELECT u.id, (SELECT array_agg(s.id) FROM parks s WHERE s.path LIKE p.path || '%' AND s.deleted_at IS NULL) AS park_ids
         FROM users u JOIN parks p ON p.id = u.park_id
        WHERE u.role = 'manager' AND u.disabled_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM digests d WHERE d.kind = 'weekly' AND d.recipient_id = u.id AND d.period = $1::date)
        ORDER BY u.id`,
      [monday],
    )) as { id: string; park_ids: string[] }[];
    let decided = 0;
    let sent = 0;
    for (const manager of managers) {
      const list = await buildDispatchList(this.db, { parkIds: manager.park_ids, asOf: now, timeZone });
      const message = list.projectCount ? weeklyDispatchMessage(list) : null;
      const wrote = await this.decide('weekly', manager.id, monday, list.itemCount, message && {
        rule: 'weekly_dispatch',
        causeKey: `weekly_dispatch:${manager.id}:${monday}`,
        link: '/cockpit',
        ...message,
      });
      if (wrote) decided++;
      if (wrote && message) sent++;
    }
    if (decided) this.logger.log(`weekly dispatch lists for the week of ${monday}: ${sent} sent, ${decided - sent} empty`);
    return { skipped: null, period: monday, decided, sent };
  }

  /** Why a run now decides nothing: a day off, or before/after office hours (in TZ_PARK). */
  private async outsideOfficeHours(now: Date, today: string, calendar?: WorkCalendar): Promise<string | null> {
    const work = calendar ?? (await loadWorkCalendar(this.db));
    if (!work.isWorkingDay(today)) return `${today} is not a working day`;
    const hours = parseOfficeHours(this.env.OFFICE_HOURS);
    const minutes = zonedMinutesOfDay(now, this.env.TZ_PARK);
    if (minutes < hours.startMinutes) return 'before office hours';
    if (minutes >= hours.endMinutes) return 'after office hours';
    return null;
  }

  /**
   * Claims the digest of one recipient and period, and with it writes the message's deliveries (in-app and the
   * recipient's personal channels) in one transaction, then hands them to the relay. False when another run
   * decided it first.
   */
  private async decide(
    kind: 'daily' | 'weekly',
    recipientId: string,
    period: string,
    itemCount: number,
    message: { rule: string; causeKey: string; link: string; title: string; body: string } | null,
  ): Promise<boolean> {
    const channels = message ? ['in_app', ...(await this.channels.channelsFor(recipientId, { personalOnly: true }))] : [];
    const now = this.clock.now();
    const publicUrl = this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`;
    const created: { id: string }[] = [];
    const decided = await this.db.transaction(async (tx: EntityManager) => {
      const claimed = (await tx.query(
        `INSERT INTO digests (kind, recipient_id, period, item_count) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind, recipient_id, period) DO NOTHING RETURNING id`,
        [kind, recipientId, period, itemCount],
      )) as { id: string }[];
      if (!claimed.length || !message) return claimed.length > 0;
      for (const channel of channels) {
        const rows = (await tx.query(
          `INSERT INTO deliveries (cause_key, rule, level, recipient_id, channel, project_id, subject_type, subject_id,
                                   title, body, link, due_at, not_before)
           VALUES ($1, $2, 0, $3, $4, NULL, 'digest', $5, $6, $7, $8, $9, $9)
           ON CONFLICT (cause_key, recipient_id, level, channel) DO NOTHING
           RETURNING id`,
          [message.causeKey, message.rule, recipientId, channel, claimed[0].id, message.title.slice(0, 300), message.body,
            absoluteLink(publicUrl, message.link, null), now],
        )) as { id: string }[];
        created.push(...rows);
      }
      return true;
    });
    // after the commit (a crash before this is made good by the reconciliation's relay)
    await this.relay.enqueue(created);
    return decided;
  }

  /** Per user: open tasks assigned to them due by the end of today; milestones and blockers due by today that they own or whose project they own. */
  private async dailyItems(userIds: string[], now: Date, today: string): Promise<Map<string, DigestItem[]>> {
    const endOfToday = zonedDateTimeToInstant(addDays(today, 1), 0, this.env.TZ_PARK);
    const rows = (await this.db.query(
      `WITH items AS (
         SELECT t.assignee_id AS user_id, 'task' AS kind, t.id AS item_id, t.project_id, t.title::text AS title, NULL::text AS key,
                to_char(t.due_at AT TIME ZONE $4, 'YYYY-MM-DD') AS due_on, t.due_at
           FROM tasks t
          WHERE t.done_at IS NULL AND t.deleted_at IS NULL AND t.due_at < $2 AND t.assignee_id = ANY($1::uuid[])
         UNION
         SELECT o.user_id, 'milestone', m.id, m.project_id, NULL, m.key::text, to_char(m.due_on, 'YYYY-MM-DD'), NULL::timestamptz
           FROM milestones m JOIN projects mp ON mp.id = m.project_id
          CROSS JOIN LATERAL (VALUES (m.owner_id), (mp.owner_id)) AS o(user_id)
          WHERE m.status IN ('pending', 'in_progress') AND m.due_on <= $3::date AND o.user_id = ANY($1::uuid[])
         UNION
         SELECT o.user_id, 'blocker', b.id, b.project_id, b.description, b.category::text, to_char(b.due_on, 'YYYY-MM-DD'), NULL::timestamptz
           FROM blockers b JOIN projects bp ON bp.id = b.project_id
          CROSS JOIN LATERAL (VALUES (b.owner_id), (bp.owner_id)) AS o(user_id)
          WHERE b.resolved_at IS NULL AND b.deleted_at IS NULL AND b.due_on <= $3::date AND o.user_id = ANY($1::uuid[])
       )
       SELECT i.*, p.name AS project_name, p.code AS project_code
         FROM items i JOIN projects p ON p.id = i.project_id AND p.deleted_at IS NULL AND p.stage <> 'dropped'
        ORDER BY i.user_id, p.code, i.due_on, i.kind, i.item_id`,
      [userIds, endOfToday, today, this.env.TZ_PARK],
    )) as DigestRow[];
    const byUser = new Map<string, DigestItem[]>();
    for (const row of rows) {
      const item: DigestItem = {
        kind: row.kind,
        id: row.item_id,
        projectId: row.project_id,
        projectName: row.project_name,
        projectCode: row.project_code,
        title: row.title,
        key: row.key,
        dueOn: row.due_on,
        dueAt: row.due_at ? new Date(row.due_at) : null,
      };
      byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), item]);
    }
    return byUser;
  }
}
