import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Env } from '@zs/config';
import {
  cancelResolvedDeliveries, loadWorkCalendar, type PlannedLevel, recordLevels, type ReminderRuleSettings, scanCauses, type ScannedCause, type SubjectRange,
  subjectRanges, upcomingTaskDueSlots,
} from '@zs/db';
import {
  type CauseFacts, type DeliveryChannel, type DueLevel, escalationPlan, levelsDue, REMINDER_RULES, reminderMessage, type ReminderRule,
  RULE_DEFINITIONS, type RuleSettings, scanBounds, type ScanBounds, type WorkCalendar,
} from '@zs/domain';
import { JobName, QueueName, SCHEDULES } from '@zs/queue';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ChannelDispatcher } from '../channels/channel-dispatcher';
import { DeliveryRelay } from './delivery-relay.service';
import { WriteSlots } from './write-slots';

/** Causes read per query; a rule with more due at once is read in several rounds (each round's deliveries are queued at once). */
const BATCH = 5000;
const MAX_ROUNDS = 40;
/** Causes whose levels and deliveries are written per statement (one transaction each). */
const WRITE_CHUNK = 1000;
/** Chunks being written at once (each on its own connection), while the next one is prepared. */
const WRITES_IN_FLIGHT = 2;
/**
 * Readers of a burst timer's slot (more causes than one round reads): each reads its own range of subject ids
 * round by round, at the same time as the others, so that the rounds' reads (random reads of the causes'
 * projects) overlap instead of following one another. They share the WriteSlots (at least one per reader).
 */
const BURST_READERS = 3;

/** The advisory lock of scheduled reconciliations (an arbitrary constant). */
const RECONCILE_LOCK = 0x5a53_5243;

/**
 * The advisory lock (two-key form: this and the rule's index in TIMED_RULES) of a timer reading a burst: taken
 * shared from its start by each timer whose slot holds more causes than one round reads (the reconciliation
 * that set it counted them), tried exclusively by a reconciliation before it scans that rule. A
 * reconciliation that finds a burst being read leaves the rule to the timers this time (the next one scans
 * it), instead of reading and writing the same causes at the same time.
 */
const BURST_LOCK = 0x5a53_4254;
/** How often a burst timer that found its rule's BURST_LOCK held tries it again (while it reads). */
const LOCK_RETRY_MS = 100;

/** Rules whose causes fall due at an instant (a task's due time plus hours): the worker sets precise timers for them. */
const TIMED_RULES: readonly ReminderRule[] = ['task_due', 'task_overdue'];
/** Timers are set for what falls due before the reconciliation after next (its interval plus a margin). */
const TIMER_HORIZON_MS = (SCHEDULES.find((s) => s.job === JobName.ReconcileReminders)?.everyMs ?? 15_000) + 5_000;
/** Timers are grouped into slots this long (a reminder waits at most this much for its slot). */
const TIMER_SLOT_MS = 250;
/** A timer's scan also looks this far back before its slot (a cause at the slot's edge); older ones are the reconciliation's. */
const TIMER_LOOKBACK_MS = 100;

export interface ReconcileOptions {
  /**
   * A scheduled run: skipped if another scheduled run (of any replica) still holds the reconciliation's advisory
   * lock, so that runs do not pile up on each other while a large batch is being written.
   */
  exclusive?: boolean;
  /** A timer's run: only these rules, only causes that fell due in (dueAfter, dueBefore]; no cancellation or relay pass. */
  rules?: string[];
  dueAfter?: Date;
  dueBefore?: Date;
  /** A timer's run whose slot holds a burst: it holds the rules' BURST_LOCK (shared) while it reads them. */
  burst?: boolean;
}

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

/** What one rule's scan shares between its readers. */
interface RangeScan {
  rule: ReminderRule;
  settings: RuleSettings;
  bounds: ScanBounds;
  levels: number[];
  now: Date;
  calendar: WorkCalendar;
  cache: RunCache;
  result: ReconcileResult;
  slots: WriteSlots;
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
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
  ) {}

  async reconcile(options: ReconcileOptions = {}): Promise<ReconcileResult> {
    if (!options.exclusive) return this.run(options);
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [RECONCILE_LOCK]);
      if (!locked) return { fired: 0, deliveries: 0, cancelled: 0, relayed: 0 };
      try {
        return await this.run(options);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [RECONCILE_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async run(options: ReconcileOptions): Promise<ReconcileResult> {
    const now = this.clock.now();
    const calendar = await loadWorkCalendar(this.db);
    const settings = await this.loadSettings();
    const cache: RunCache = { channels: new Map() };
    const result: ReconcileResult = { fired: 0, deliveries: 0, cancelled: 0, relayed: 0 };
    const timer = options.rules !== undefined;
    // the timers first: the scans below read every open cause already due (at 1M projects, ~100,000 past-due
    // tasks whose reminders fired long ago take seconds to walk past), and timers set after them came too late
    // for what fell due meanwhile. The timers cover (now, now + horizon], the scans everything due at `now`.
    if (!timer) await this.setTimers(now, settings);
    for (const rule of REMINDER_RULES) {
      if (timer && !options.rules!.includes(rule)) continue;
      const burst = timer && options.burst && TIMED_RULES.includes(rule);
      const scan = () => this.scanRule(rule, settings.get(rule), now, calendar, cache, result, { dueAfter: options.dueAfter, dueBefore: options.dueBefore }, burst ? BURST_READERS : 1);
      if (burst) {
        // not waiting for a reconciliation scanning this rule now; keeps the next ones off it (see tryRuleLockShared)
        const release = await this.tryRuleLockShared(rule);
        try {
          await scan();
        } finally {
          await release();
        }
        continue;
      }
      if (timer || !TIMED_RULES.includes(rule)) {
        await scan();
        continue;
      }
      await this.withRuleLock(rule, async (locked) => {
        if (locked) return scan();
        this.logger.debug(`${rule}: a timer is reading a burst; left to it until the next reconciliation`);
      });
    }
    if (timer) {
      if (result.fired) this.logger.debug(`timer of ${options.dueBefore?.toISOString()}: started ${now.getTime() - (options.dueBefore?.getTime() ?? 0)} ms after its slot, ${result.fired} fell due, done ${this.clock.now().getTime() - now.getTime()} ms later`);
      return result;
    }
    result.cancelled = await cancelResolvedDeliveries(this.db, {});
    result.relayed = (await this.relay.relayDue(now)).relayed;
    if (result.fired || result.cancelled) {
      this.logger.log(`reminders: ${result.fired} fell due (${result.deliveries} deliveries), ${result.cancelled} cancelled, ${result.relayed} relayed`);
    }
    return result;
  }

  /**
   * Reads a rule's causes due within the bounds (and the window) round by round and fires their levels due now.
   * With several `readers`, the subject ids are split into as many ranges, each read by its own loop at the same
   * time (each cause is in exactly one range, so it is read by one reader only).
   */
  private async scanRule(
    rule: ReminderRule,
    settings: RuleSettings | undefined,
    now: Date,
    calendar: WorkCalendar,
    cache: RunCache,
    result: ReconcileResult,
    window: { dueAfter?: Date; dueBefore?: Date } = {},
    readers = 1,
  ): Promise<void> {
    if (!settings?.enabled) return;
    const bounds = scanBounds(rule, settings, now, this.env.TZ_PARK);
    if (!bounds) return;
    const levels = escalationPlan(settings).map((p) => p.level);
    const ranges = subjectRanges(readers);
    const slots = new WriteSlots(Math.max(WRITES_IN_FLIGHT, ranges.length));
    const scan: RangeScan = { rule, settings, bounds, levels, now, calendar, cache, result, slots };
    const outcomes = await Promise.allSettled(
      ranges.map((subjects, i) => this.scanRange(scan, { ...window, subjects }, ranges.length > 1 ? `${rule} reader ${i}` : rule)),
    );
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** One reader: keyset rounds over its range of subjects, each round's levels written while the next round is read. */
  private async scanRange(scan: RangeScan, window: { dueAfter?: Date; dueBefore?: Date; subjects?: SubjectRange }, label: string): Promise<void> {
    const { rule, settings, now, calendar } = scan;
    let after: { order: string; subjectId: string; causeKey: string } | undefined;
    // the previous round's writes: they go on while the next round is read (scanning overlaps writing, and
    // each chunk is handed to BullMQ as soon as it is committed, so that delivering overlaps both)
    let writing: Promise<void> | undefined;
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const started = Date.now();
        const causes = await scanCauses(this.db, rule, scan.bounds, scan.levels, BATCH, { ...window, after });
        const scanned = Date.now();
        const last = causes[causes.length - 1];
        // without a sort value (never for the engine's rules) the next round starts over, as a fresh scan would
        after = last?.scan_order != null ? { order: last.scan_order, subjectId: last.subject_id, causeKey: last.cause_key } : undefined;
        const firings: Firing[] = causes.flatMap((cause) =>
          levelsDue(rule, factsOf(cause), settings, cause.fired, now, this.env.TZ_PARK, calendar).map((due) => ({ rule, cause, due })),
        );
        if (writing) await writing;
        if (firings.length) {
          const write = this.fire(scan, firings).then(() =>
            this.logger.debug(`${label} round ${round}: ${causes.length} causes read in ${scanned - started} ms, ${firings.length} levels written and queued in ${Date.now() - scanned} ms`),
          );
          write.catch(() => undefined); // awaited below; not an unhandled rejection while the next round is read
          writing = write;
        } else {
          writing = undefined;
        }
        if (causes.length < BATCH || (!firings.length && !after)) break;
      }
    } finally {
      if (writing) await writing;
    }
  }

  /** Runs `fn` holding (if free) the rule's BURST_LOCK exclusively: `locked` says whether it got it. */
  private async withRuleLock<T>(rule: ReminderRule, fn: (locked: boolean) => Promise<T>): Promise<T> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const key = TIMED_RULES.indexOf(rule);
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1, $2) AS locked`, [BURST_LOCK, key]);
      try {
        return await fn(locked);
      } finally {
        if (locked) await runner.query(`SELECT pg_advisory_unlock($1, $2)`, [BURST_LOCK, key]);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Takes the rule's BURST_LOCK shared, on a connection of its own, without waiting: if a reconciliation holds it
   * (it is scanning the rule: it started before the instant, or it reads the burst too, which the unique keys
   * make harmless), the lock is tried again every LOCK_RETRY_MS while the timer reads, and held from the moment
   * that reconciliation lets it go, so that the next reconciliation finds it taken and leaves the burst to the
   * timer (before, the timer read without it, and the next reconciliation read the same burst at the same time).
   * Returns its release.
   */
  private async tryRuleLockShared(rule: ReminderRule): Promise<() => Promise<void>> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    const key = TIMED_RULES.indexOf(rule);
    const tryLock = async () => ((await runner.query(`SELECT pg_try_advisory_lock_shared($1, $2) AS locked`, [BURST_LOCK, key]))[0].locked as boolean);
    let locked = false;
    try {
      locked = await tryLock();
    } catch (error) {
      await runner.release();
      throw error;
    }
    let done = false;
    let wake: (() => void) | undefined;
    const retrying = (async () => {
      while (!locked && !done) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, LOCK_RETRY_MS);
        });
        if (!done) locked = await tryLock().catch(() => false);
      }
    })();
    return async () => {
      done = true;
      wake?.();
      try {
        await retrying;
        if (locked) await runner.query(`SELECT pg_advisory_unlock_shared($1, $2)`, [BURST_LOCK, key]);
      } finally {
        await runner.release();
      }
    };
  }

  /**
   * Precise timers: for the timed rules, a delayed run of this job (rules + window) in each slot where an
   * open task reaches a level within the horizon, so that in-app reminders appear within a slot of falling
   * due instead of at the next reconciliation. One job per rule and slot (its id); the reconciliation stays
   * the safety net (a task moved after its timer was set is found by it, or by a later timer).
   */
  private async setTimers(now: Date, settings: Map<ReminderRule, RuleSettings>): Promise<void> {
    for (const rule of TIMED_RULES) {
      const s = settings.get(rule);
      if (!s?.enabled) continue;
      const offsets = escalationPlan(s).filter((p) => p.delay.unit === 'hours').map((p) => p.delay.value * 3_600_000);
      const slots = await upcomingTaskDueSlots(this.db, offsets, now, new Date(now.getTime() + TIMER_HORIZON_MS), TIMER_SLOT_MS);
      if (slots.length) this.logger.debug(`${rule}: ${slots.length} timer(s) from ${new Date(slots[0].slot).toISOString()} to ${new Date(slots[slots.length - 1].slot).toISOString()}, set ${this.clock.now().getTime() - now.getTime()} ms after the run started`);
      for (const { slot, causes } of slots) {
        // from the clock now, not the run's start: the scans before took a while. A slot that passed meanwhile
        // (after this run's scan bound, `now`) runs at once: skipping it would leave its causes to the next
        // reconciliation, a whole interval later
        const delay = Math.max(0, slot - this.clock.now().getTime());
        await this.queue
          .add(
            JobName.ReconcileReminders,
            // its own slot only: timers of neighbouring slots may run at the same time without reading the same causes
            {
              scheduledBy: 'timer', rules: [rule], dueAfter: new Date(slot - TIMER_SLOT_MS - TIMER_LOOKBACK_MS).toISOString(), dueBefore: new Date(slot).toISOString(),
              ...(causes > BATCH ? { burst: true } : {}),
            },
            { jobId: `reminders-timer-${rule}-${slot}`, delay, attempts: 1, removeOnComplete: true, removeOnFail: 100 },
          )
          .catch((error: Error) => this.logger.warn(`could not set a reminder timer: ${error.message}`));
      }
    }
  }

  /**
   * Records the levels and writes their deliveries, chunk by chunk (one set-based statement each, see
   * `recordLevels`), and hands each chunk's deliveries to BullMQ as soon as it is committed. While a chunk is
   * written the next one is prepared (messages, recipients, channels); the scan's WriteSlots bound the chunks
   * written at once (by all its readers).
   */
  private async fire({ settings, now, calendar, cache, result, slots }: RangeScan, firings: Firing[]): Promise<void> {
    const inflight: Promise<void>[] = [];
    let failure: unknown;
    try {
      for (let i = 0; i < firings.length && failure === undefined; i += WRITE_CHUNK) {
        const levels = await this.plan(settings, firings.slice(i, i + WRITE_CHUNK), now, calendar, cache);
        const release = await slots.take();
        const write = this.write(levels, result).finally(release);
        write.catch((error: unknown) => (failure ??= error)); // stops the loop; rethrown below
        inflight.push(write);
      }
    } finally {
      await Promise.allSettled(inflight);
    }
    if (failure !== undefined) throw failure;
  }

  private async write(levels: PlannedLevel[], result: ReconcileResult): Promise<void> {
    const recorded = await recordLevels(this.db, levels);
    result.fired += recorded.fired;
    result.deliveries += recorded.deliveries.length;
    await this.relay.enqueue(recorded.deliveries, { marked: true });
  }

  /** A chunk's levels with their messages and deliveries (in-app + the recipient's channels the rule uses). */
  private async plan(settings: RuleSettings, firings: Firing[], now: Date, calendar: WorkCalendar, cache: RunCache): Promise<PlannedLevel[]> {
    const recipients = new Map<Firing, string[]>();
    for (const firing of firings) recipients.set(firing, await this.recipients(firing, cache));
    await this.loadChannels([...new Set([...recipients.values()].flat())], cache);
    return firings.map((firing) => {
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
      const deliveries: PlannedLevel['deliveries'] = [];
      for (const recipientId of recipients.get(firing)!) {
        const channels: DeliveryChannel[] = ['in_app', ...cache.channels.get(recipientId)!.filter((c) => (settings.channels as readonly string[]).includes(c))];
        // in-app at once; email and robots not before office hours (the channels decide when)
        for (const channel of channels) deliveries.push({ recipientId, channel, notBefore: this.dispatcher.notBefore(channel, firing.due.at, calendar) });
      }
      return {
        causeKey: firing.cause.cause_key,
        rule: firing.rule,
        level: firing.due.level,
        subjectType: firing.cause.subject_type,
        subjectId: firing.cause.subject_id,
        projectId: firing.cause.project_id,
        dueAt: firing.due.at,
        title,
        body,
        link: this.link(firing.cause),
        deliveries,
      };
    });
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

  /** The outbound channels (not in-app) of the recipients not read yet in this run: one batch for all of them. */
  private async loadChannels(recipientIds: string[], cache: RunCache): Promise<void> {
    const missing = recipientIds.filter((id) => !cache.channels.has(id));
    if (!missing.length) return;
    const channels = await this.dispatcher.channelsForMany(missing);
    for (const id of missing) cache.channels.set(id, (channels.get(id) ?? []).filter((c) => c !== 'in_app'));
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
