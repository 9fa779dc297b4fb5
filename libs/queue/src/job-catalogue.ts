/** The one typed catalogue of queues and jobs: each job's queue and payload. Payloads carry ids, never records. */
export enum QueueName {
  System = 'system',
  /** The morning digests and the weekly dispatch list (each decides once per recipient and period in PostgreSQL). */
  Digests = 'digests',
  /** The reminder engine: the recurring reconciliation (scan + relay) and one Deliver job per outbox row. */
  Reminders = 'reminders',
}

export enum JobName {
  /** Recurring: proves a worker is alive and the backend delivers; the API's health reads its last run. */
  Heartbeat = 'heartbeat',
  /** Recurring: on a working day from the start of office hours, each user's digest of what is due today or overdue. */
  DailyDigests = 'daily-digests',
  /** Recurring: on the week's first working day from the start of office hours, the dispatch list (每周调度) for managers. */
  WeeklyDispatch = 'weekly-dispatch',
  /**
   * Recurring (≤ 30 s): finds the causes that fell due and writes their deliveries (the outbox), cancels those
   * whose cause was resolved, and hands every pending delivery to BullMQ again (re-creating jobs Redis lost).
   */
  ReconcileReminders = 'reconcile-reminders',
  /** One delivery (job id = the delivery id): in-app → a notification; other channels → ChannelDispatcher. */
  DeliverReminder = 'deliver-reminder',
  /** Up to a few hundred in-app deliveries at once, set-based (the engine's usual way to notify in-app). */
  DeliverInApp = 'deliver-in-app',
}

export interface JobPayloads {
  [JobName.Heartbeat]: { scheduledBy: string };
  [JobName.DailyDigests]: { scheduledBy: string };
  [JobName.WeeklyDispatch]: { scheduledBy: string };
  /**
   * `rules`, `dueAfter`, `dueBefore` (ISO): a precise timer's run, set for the instant causes of those rules fall
   * due: scans only those rules' causes due in (dueAfter, dueBefore], and skips the cancellation and relay passes;
   * `burst`: more causes fall due in that slot than one round reads (the timer keeps the reconciliation off the rule).
   */
  [JobName.ReconcileReminders]: { scheduledBy: string; rules?: string[]; dueAfter?: string; dueBefore?: string; burst?: boolean };
  [JobName.DeliverReminder]: { deliveryId: string };
  [JobName.DeliverInApp]: { deliveryIds: string[] };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.Heartbeat]: QueueName.System,
  [JobName.DailyDigests]: QueueName.Digests,
  [JobName.WeeklyDispatch]: QueueName.Digests,
  [JobName.ReconcileReminders]: QueueName.Reminders,
  [JobName.DeliverReminder]: QueueName.Reminders,
  [JobName.DeliverInApp]: QueueName.Reminders,
};

/**
 * One recurring job: every `everyMs`, or (`atOfficeStart`) each day at the start of office hours (OFFICE_HOURS)
 * in the park's time zone (TZ_PARK), as a cron scheduler; BullMQ keeps the next run as a delayed job, so a
 * worker down at that moment runs it when it comes back.
 */
export interface Schedule {
  key: string;
  job: JobName;
  everyMs?: number;
  atOfficeStart?: boolean;
  data: JobPayloads[JobName];
}

/** Stable scheduler keys for recurring work (`upsertJobScheduler`), never `setInterval`. */
export const SCHEDULES: Schedule[] = [
  { key: 'heartbeat', job: JobName.Heartbeat, everyMs: 30_000, data: { scheduledBy: 'scheduler' } },
  // each day at the start of office hours: the job itself skips days off (and, weekly, all but the week's first
  // working day); the digests table makes a second run the same day a no-op
  { key: 'daily-digests', job: JobName.DailyDigests, atOfficeStart: true, data: { scheduledBy: 'scheduler' } },
  { key: 'weekly-dispatch', job: JobName.WeeklyDispatch, atOfficeStart: true, data: { scheduledBy: 'scheduler' } },
  // in-app notifications appear within this long of falling due; lost jobs are re-created as quickly
  { key: 'reminders-reconcile', job: JobName.ReconcileReminders, everyMs: 15_000, data: { scheduledBy: 'scheduler' } },
];

/**
 * Deliver jobs: retried with exponential backoff (2 s, 4 s, 8 s, 16 s); after the last attempt the delivery is
 * recorded `failed` with its last error (admins: GET /api/reminders/deliveries?status=failed).
 */
export const DELIVERY_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
};

/** Keep few completed jobs and many failed ones (BullMQ production guide). */
export const DEFAULT_JOB_OPTIONS = {
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 5000 },
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
};
