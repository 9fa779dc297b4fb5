/** The one typed catalogue of queues and jobs: each job's queue and payload. Payloads carry ids, never records. */
export enum QueueName {
  System = 'system',
}

export enum JobName {
  /** Recurring: proves a worker is alive and the backend delivers; the API's health reads its last run. */
  Heartbeat = 'heartbeat',
}

export interface JobPayloads {
  [JobName.Heartbeat]: { scheduledBy: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.Heartbeat]: QueueName.System,
};

/** Stable scheduler keys for recurring work (`upsertJobScheduler`), never `setInterval`. */
export const SCHEDULES: { key: string; job: JobName; everyMs: number; data: JobPayloads[JobName] }[] = [
  { key: 'heartbeat', job: JobName.Heartbeat, everyMs: 30_000, data: { scheduledBy: 'scheduler' } },
];

/** Keep few completed jobs and many failed ones (BullMQ production guide). */
export const DEFAULT_JOB_OPTIONS = {
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 5000 },
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
};
