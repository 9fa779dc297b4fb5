import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Env } from '@zs/config';
import { cancelResolvedDeliveries, loadWorkCalendar, type ReminderRuleSettings, scanCauses, type ScannedCause } from '@zs/db';
import {
  type CauseFacts, type DeliveryChannel, type DueLevel, escalationPlan, levelsDue, REMINDER_RULES, reminderMessage, type ReminderRule,
  RULE_DEFINITIONS, type RuleSettings, scanBounds, type WorkCalendar,
} from '@zs/domain';
import { DataSource } from 'typeorm';
import { ChannelDispatcher } from '../channels/channel-dispatcher';
import { DeliveryRelay, type RelayRow } from './delivery-relay.service';

/** Causes read per query; a rule with more due at once is read in several rounds. */
const BATCH = 500;
const MAX_ROUNDS = 40;

export interface ReconcileResult {
  /** Levels of causes that fell due and were recorded now. */
  fired: number;
  /** Deliveries written (one per recipient and channel). */
  deliveries: number;
  /** Pending deliveries cancelled because their cause was resolved. */
  cancelled: number;
  /** Pending deliveries handed to BullMQ (again). */
  relayed: number;
}

interface Firing {
  rule: ReminderRule;
  cause: ScannedCause;
  due: DueLevel;
}

interface Manager {
  id: string;
  path: string;
}

/** Per reconciliation: the managers, and each recipient's channels, read once. */
interface RunCache {
  managers?: Manager[];
  channels: Map<string, DeliveryChannel[]>;
}

/**
 * The reminder engine's reconciliation (the recurring `reconcile-reminders` job, any number of replicas):
 * 1. for each enabled rule, reads the open causes that may have a level due (set-based, bounded, indexed),
 *    computes the exact due time of each level (working days, the admin's calendar), and for each level due
 *    now records it in `reminders` and writes its `deliveries` (in-app + the recipient's channels) in ONE
 *    transaction; the unique keys make a concurrent replica's second write a no-op;
 * 2. cancels pending deliveries whose cause was resolved;
 * 3. relays every pending delivery that may be sent now to BullMQ (job id = delivery id), re-creating lost jobs.
 */
@Injectable()
export class ReminderScanner {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly dispatcher: ChannelDispatcher,
    private readonly relay: DeliveryRelay,
  ) {}

  async reconcile(): Promise<ReconcileResult> {
    const now = this.clock.now();
    const calendar = await loadWorkCalendar(this.db);
    const settings = await this.loadSettings();
    const cache: RunCache = { channels: new Map() };
    const result: ReconcileResult = { fired: 0, deliveries: 0, cancelled: 0, relayed: 0 };
    for (const rule of REMINDER_RULES) {
      const rows = await this.scanRule(rule, settings.get(rule), now, calendar, cache, result);
      await this.relay.enqueue(rows);
    }
    result.cancelled = await cancelResolvedDeliveries(this.db, {});
    result.relayed = (await this.relay.relayDue(now)).relayed;
    if (result.fired || result.cancelled) {
      this.logger.log(`reminders: ${result.fired} fell due (${result.deliveries} deliveries), ${result.cancelled} cancelled, ${result.relayed} relayed`);
    }
    return result;
  }

  private async scanRule(
    rule: ReminderRule,
    settings: RuleSettings | undefined,
    now: Date,
    calendar: WorkCalendar,
    cache: RunCache,
    result: ReconcileResult,
  ): Promise<RelayRow[]> {
    if (!settings?.enabled) return [];
    const bounds = scanBounds(rule, settings, now, this.env.TZ_PARK);
    if (!bounds) return [];
    const levels = escalationPlan(settings).map((p) => p.level);
    const written: RelayRow[] = [];
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const causes = await scanCauses(this.db, rule, bounds, levels, BATCH);
      const firings: Firing[] = causes.flatMap((cause) =>
        levelsDue(rule, factsOf(cause), settings, cause.fired, now, this.env.TZ_PARK, calendar).map((due) => ({ rule, cause, due })),
      );
      if (firings.length) {
        const rows = await this.fire(settings, firings, now, calendar, cache, result);
        written.push(...rows);
      }
      if (causes.length < BATCH || !firings.length) break;
    }
    return written;
  }

  /** Records the levels and writes their deliveries in one transaction; returns the deliveries written. */
  private async fire(settings: RuleSettings, firings: Firing[], now: Date, calendar: WorkCalendar, cache: RunCache, result: ReconcileResult): Promise<RelayRow[]> {
    const planned = [];
    for (const firing of firings) {
      const recipients = await this.recipients(firing, cache);
      const { title, body } = reminderMessage(
        {
          rule: firing.rule,
          level: firing.due.level,
          projectName: firing.cause.project_name,
          subjectTitle: firing.cause.subject_title,
          leadCompanyName: firing.cause.lead_company_name,
          milestoneKey: firing.cause.milestone_key,
          blockerCategory: firing.cause.blocker_category,
          committedKind: firing.cause.committed_kind,
          idleLandStep: firing.cause.idle_land_step,
          dueAt: firing.cause.due_at,
          dueOn: firing.cause.due_on,
          lastActivityAt: firing.cause.last_activity_at,
          stage: firing.cause.stage,
          threshold: firing.rule === 'stale_project' && firing.cause.stage ? (settings.stageThresholds?.[firing.cause.stage as never] ?? null) : settings.threshold,
          responsibleName: firing.due.level > 0 ? firing.cause.officer_name : null,
        },
        now,
        this.env.TZ_PARK,
      );
      const deliveries: { recipientId: string; channel: DeliveryChannel }[] = [];
      for (const recipientId of recipients) {
        deliveries.push({ recipientId, channel: 'in_app' });
        for (const channel of await this.channelsOf(recipientId, cache)) {
          if ((settings.channels as readonly string[]).includes(channel)) deliveries.push({ recipientId, channel });
        }
      }
      planned.push({ firing, title, body, link: this.link(firing.cause), deliveries });
    }

    const written: RelayRow[] = [];
    for (let i = 0; i < planned.length; i += 200) {
      const chunk = planned.slice(i, i + 200);
      await this.db.transaction(async (tx) => {
        const inserted: { id: string; cause_key: string; level: number }[] = await tx.query(
          `INSERT INTO reminders (cause_key, rule, level, subject_type, subject_id, project_id, due_at, recipient_count)
           SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::smallint[], $4::varchar[], $5::uuid[], $6::uuid[], $7::timestamptz[], $8::int[])
           ON CONFLICT (cause_key, level) DO NOTHING
           RETURNING id, cause_key, level`,
          [
            chunk.map((p) => p.firing.cause.cause_key),
            chunk.map((p) => p.firing.rule),
            chunk.map((p) => p.firing.due.level),
            chunk.map((p) => p.firing.cause.subject_type),
            chunk.map((p) => p.firing.cause.subject_id),
            chunk.map((p) => p.firing.cause.project_id),
            chunk.map((p) => p.firing.due.at),
            chunk.map((p) => new Set(p.deliveries.map((d) => d.recipientId)).size),
          ],
        );
        // a replica that recorded the same level first wrote its deliveries: write only for the levels recorded here
        const mine = new Map(inserted.map((r) => [`${r.cause_key}#${r.level}`, r.id]));
        const rows = chunk.flatMap((p) => {
          const reminderId = mine.get(`${p.firing.cause.cause_key}#${p.firing.due.level}`);
          // in-app at once; email and robots not before office hours (the channels decide when)
          return reminderId ? p.deliveries.map((d) => ({ ...d, p, reminderId, notBefore: this.dispatcher.notBefore(d.channel, p.firing.due.at, calendar) })) : [];
        });
        result.fired += mine.size;
        if (!rows.length) return;
        const created: RelayRow[] = await tx.query(
          `INSERT INTO deliveries (reminder_id, cause_key, rule, level, recipient_id, channel, project_id, subject_type, subject_id,
                                   title, body, link, due_at, not_before)
           SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::smallint[], $5::uuid[], $6::varchar[], $7::uuid[],
                                $8::varchar[], $9::uuid[], $10::varchar[], $11::text[], $12::varchar[], $13::timestamptz[], $14::timestamptz[])
           ON CONFLICT (cause_key, recipient_id, level, channel) DO NOTHING
           RETURNING id`,
          [
            rows.map((r) => r.reminderId),
            rows.map((r) => r.p.firing.cause.cause_key),
            rows.map((r) => r.p.firing.rule),
            rows.map((r) => r.p.firing.due.level),
            rows.map((r) => r.recipientId),
            rows.map((r) => r.channel),
            rows.map((r) => r.p.firing.cause.project_id),
            rows.map((r) => r.p.firing.cause.subject_type),
            rows.map((r) => r.p.firing.cause.subject_id),
            rows.map((r) => r.p.title.slice(0, 300)),
            rows.map((r) => r.p.body),
            rows.map((r) => r.p.link),
            rows.map((r) => r.p.firing.due.at),
            rows.map((r) => r.notBefore),
          ],
        );
        result.deliveries += created.length;
        written.push(...created);
      });
    }
    return written;
  }

  /** Who a level goes to: the responsible officer, the project's leading official, or the managers whose parks contain it. */
  private async recipients(firing: Firing, cache: RunCache): Promise<string[]> {
    const { cause, due } = firing;
    switch (due.target) {
      case 'officer':
        return cause.officer_id && cause.officer_active ? [cause.officer_id] : [];
      case 'leader':
        return cause.leader_id && cause.leader_active ? [cause.leader_id] : [];
      case 'managers': {
        cache.managers ??= await this.db.query(
          `SELECT u.id, pk.path FROM users u JOIN parks pk ON pk.id = u.park_id WHERE u.role = 'manager' AND u.disabled_at IS NULL ORDER BY u.id`,
        );
        return cache.managers!.filter((m) => cause.park_path.startsWith(m.path)).map((m) => m.id);
      }
    }
  }

  private async channelsOf(recipientId: string, cache: RunCache): Promise<DeliveryChannel[]> {
    let channels = cache.channels.get(recipientId);
    if (!channels) {
      channels = (await this.dispatcher.channelsFor(recipientId)).filter((c) => c !== 'in_app');
      cache.channels.set(recipientId, channels);
    }
    return channels;
  }

  private link(cause: ScannedCause): string {
    const base = (this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/+$/, '');
    return cause.project_id ? `${base}/projects/${cause.project_id}` : `${base}/leads/${cause.subject_id}`;
  }

  private async loadSettings(): Promise<Map<ReminderRule, RuleSettings>> {
    const rows: ReminderRuleSettings[] = await this.db.query(
      `SELECT rule, enabled, threshold, stage_thresholds AS "stageThresholds", escalation, channels FROM reminder_rules`,
    );
    const settings = new Map<ReminderRule, RuleSettings>();
    for (const row of rows) {
      if (!(row.rule in RULE_DEFINITIONS)) continue;
      settings.set(row.rule, { enabled: row.enabled, threshold: row.threshold, stageThresholds: row.stageThresholds, escalation: row.escalation, channels: row.channels });
    }
    return settings;
  }
}

function factsOf(cause: ScannedCause): CauseFacts {
  return {
    createdAt: cause.created_at,
    dueAt: cause.due_at,
    dueOn: cause.due_on,
    lastActivityAt: cause.last_activity_at,
    stage: cause.stage,
  };
}
