import { isOffPathStage, PIPELINE_STAGES, type Stage, stageIndex } from './stages';

/**
 * What the analytics derive from a project's stage history (the rules the triggers of migration
 * 1795591000001-ProjectStageDerived keep in project_stage_spans / project_stage_facts, stated once as plain
 * functions): the stays between moves, the first reach of each pipeline level, and where the project stands.
 */

export interface StageMove {
  from: Stage | null;
  to: Stage;
  occurredAt: Date;
  /** When the entry was written: orders moves that share an `occurredAt`. */
  createdAt: Date;
}

export interface StageSpan {
  stage: Stage;
  from: Stage | null;
  /** Pipeline level of `stage` (0 = intention … 6 = production); null for on_hold / dropped. */
  level: number | null;
  /** Where the project stands during the stay: on_hold / dropped stand where the stage they left belongs. */
  standingLevel: number | null;
  startedAt: Date;
  /** The next move; null while the stay lasts. */
  endedAt: Date | null;
  /** The levels this move reached for the first time (`reachFrom` … `reachTo`), null when none. */
  reachFrom: number | null;
  reachTo: number | null;
}

export interface StageFacts {
  /** `reached[level]`: the first time the project reached that level or one beyond it; null if never. */
  reached: (Date | null)[];
  standingStage: Stage | null;
  standingLevel: number | null;
  lastMoveAt: Date | null;
}

/** Pipeline level of a stage; null off the path. */
export function pipelineLevel(stage: Stage | null): number | null {
  if (stage === null) return null;
  const index = stageIndex(stage);
  return index < 0 ? null : index;
}

/** The history in the order every figure reads it: by `occurredAt`, then by when it was written. */
export function orderMoves(moves: readonly StageMove[]): StageMove[] {
  return [...moves].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
}

/** One stay per move, up to the next move; a move reaches for the first time the levels above all earlier moves'. */
export function stageSpans(moves: readonly StageMove[]): StageSpan[] {
  const ordered = orderMoves(moves);
  let highest = -1;
  return ordered.map((move, i) => {
    const level = pipelineLevel(move.to);
    const firstReach = level !== null && level > highest;
    const span: StageSpan = {
      stage: move.to,
      from: move.from,
      level,
      standingLevel: pipelineLevel(isOffPathStage(move.to) ? move.from : move.to),
      startedAt: move.occurredAt,
      endedAt: ordered[i + 1]?.occurredAt ?? null,
      reachFrom: firstReach ? highest + 1 : null,
      reachTo: firstReach ? level : null,
    };
    if (firstReach) highest = level;
    return span;
  });
}

/** First reaches and the standing after the last move. */
export function stageFacts(moves: readonly StageMove[]): StageFacts {
  const spans = stageSpans(moves);
  const reached: (Date | null)[] = PIPELINE_STAGES.map(() => null);
  for (const span of spans) {
    if (span.reachFrom === null || span.reachTo === null) continue;
    for (let level = span.reachFrom; level <= span.reachTo; level++) reached[level] = span.startedAt;
  }
  const last = spans[spans.length - 1];
  return { reached, standingStage: last?.stage ?? null, standingLevel: last?.standingLevel ?? null, lastMoveAt: last?.startedAt ?? null };
}

/** Where the project stood just before `instant` (its last move before it): what the KPIs read at a period's end. */
export function standingAt(moves: readonly StageMove[], instant: Date): { stage: Stage; level: number | null } | null {
  const span = stageSpans(moves).filter((s) => s.startedAt < instant).pop();
  return span ? { stage: span.stage, level: span.standingLevel } : null;
}
