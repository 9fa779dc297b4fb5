import type { SqlRunner } from './causes';

/** One delivery of a level: a recipient and a channel, not to be sent before `notBefore`. */
export interface PlannedDelivery {
  recipientId: string;
  channel: string;
  notBefore: Date;
}

/** A level of a cause that fell due, with its message and the deliveries to write for it. */
export interface PlannedLevel {
  causeKey: string;
  rule: string;
  level: number;
  subjectType: string;
  subjectId: string;
  projectId: string | null;
  /** When the level fell due. */
  dueAt: Date;
  title: string;
  body: string;
  link: string | null;
  deliveries: PlannedDelivery[];
}

export interface RecordedLevels {
  /** Levels recorded by this call (rows of `reminders` inserted). */
  fired: number;
  /** Deliveries written by this call, for the relay. */
  deliveries: { id: string; channel: string }[];
}

/**
 * Records a chunk of levels and writes their deliveries in ONE statement (so one round trip and one
 * transaction per chunk, set-based): the levels are inserted with `ON CONFLICT (cause_key, level) DO
 * NOTHING`, and deliveries are written only for the levels this statement inserted (a replica that recorded
 * the same level first wrote its deliveries), again `ON CONFLICT DO NOTHING` on (cause, recipient, level,
 * channel). Writing the same chunk twice, one after the other or at the same time, records nothing twice.
 *
 * The deliveries are marked `enqueued_at = now()`: the caller hands them to BullMQ right after this commits
 * (the reconciliation's relay re-sends them if the process dies in between).
 */
export async function recordLevels(runner: SqlRunner, levels: readonly PlannedLevel[]): Promise<RecordedLevels> {
  if (!levels.length) return { fired: 0, deliveries: [] };
  const deliveries = levels.flatMap((l, i) => l.deliveries.map((d) => ({ ...d, i: i + 1 })));
  const [row]: { fired: number; deliveries: { id: string; channel: string }[] }[] = await runner.query(
    `WITH l AS (
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::smallint[], $4::varchar[], $5::uuid[], $6::uuid[], $7::timestamptz[], $8::int[],
                            $9::varchar[], $10::text[], $11::varchar[]) WITH ORDINALITY
                  AS l(cause_key, rule, level, subject_type, subject_id, project_id, due_at, recipient_count, title, body, link, i)),
     r AS (
       INSERT INTO reminders (cause_key, rule, level, subject_type, subject_id, project_id, due_at, recipient_count)
       SELECT cause_key, rule, level, subject_type, subject_id, project_id, due_at, recipient_count FROM l ORDER BY i
       ON CONFLICT (cause_key, level) DO NOTHING
       RETURNING cause_key, level, id),
     d AS (
       INSERT INTO deliveries (reminder_id, cause_key, rule, level, recipient_id, channel, project_id, subject_type, subject_id,
                               title, body, link, due_at, not_before, enqueued_at)
       SELECT r.id, l.cause_key, l.rule, l.level, x.recipient_id, x.channel, l.project_id, l.subject_type, l.subject_id,
              l.title, l.body, l.link, l.due_at, x.not_before, now()
         FROM unnest($12::bigint[], $13::uuid[], $14::varchar[], $15::timestamptz[]) AS x(i, recipient_id, channel, not_before)
         JOIN l ON l.i = x.i
         JOIN r ON r.cause_key = l.cause_key AND r.level = l.level
        ORDER BY x.i, x.recipient_id, x.channel
       ON CONFLICT (cause_key, recipient_id, level, channel) DO NOTHING
       RETURNING id, channel)
     SELECT (SELECT count(*) FROM r)::int AS fired,
            coalesce((SELECT json_agg(json_build_object('id', d.id, 'channel', d.channel)) FROM d), '[]'::json) AS deliveries`,
    [
      levels.map((l) => l.causeKey),
      levels.map((l) => l.rule),
      levels.map((l) => l.level),
      levels.map((l) => l.subjectType),
      levels.map((l) => l.subjectId),
      levels.map((l) => l.projectId),
      levels.map((l) => l.dueAt),
      levels.map((l) => new Set(l.deliveries.map((d) => d.recipientId)).size),
      levels.map((l) => l.title.slice(0, 300)),
      levels.map((l) => l.body),
      levels.map((l) => l.link),
      deliveries.map((d) => d.i),
      deliveries.map((d) => d.recipientId),
      deliveries.map((d) => d.channel),
      deliveries.map((d) => d.notBefore),
    ],
  );
  return { fired: row.fired, deliveries: row.deliveries };
}
