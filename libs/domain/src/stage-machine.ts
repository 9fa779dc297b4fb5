import { toZonedDate } from './dates';
import { DomainError, ErrorCode, type FieldIssue, validationError } from './domain-error';
import type { AgreementKind } from './enums';
import {
  isOffPathStage,
  isPipelineStage,
  PIPELINE_STAGES,
  type PipelineStage,
  type Stage,
  STAGE_LABELS,
  STAGES,
  stageIndex,
} from './stages';

/** What the project already holds that can justify entering a stage. */
export interface StageEvidence {
  agreementKinds: AgreementKind[];
  landDeliveredOn: string | null;
  constructionStartedOn: string | null;
  productionStartedOn: string | null;
}

export interface TransitionInput {
  from: Stage;
  to: Stage;
  /** The pipeline stage the project left when it went on_hold/dropped (ignored from a pipeline stage). */
  previousStage: PipelineStage | null;
  note?: string | null;
  /** When the move happened; defaults to `now`; may be in the past, never in the future. */
  occurredAt?: Date | null;
  now: Date;
  /**
   * When the project entered its current stage. A move cannot predate it: the stage history stays in
   * chronological order, so that durations computed from it are never negative.
   */
  currentStageEnteredAt?: Date | null;
  /** The park's time zone, e.g. 'Asia/Shanghai': the zone in which `occurredAt` becomes a date. */
  timeZone: string;
  evidence: StageEvidence;
}

export type TransitionKind = 'forward' | 'backward' | 'hold' | 'drop' | 'reactivate';

export type StageDateField = 'landDeliveredOn' | 'constructionStartedOn' | 'productionStartedOn';

export interface TransitionPlan {
  from: Stage;
  to: Stage;
  kind: TransitionKind;
  occurredAt: Date;
  /** Pipeline stages jumped over by a forward move (strictly between `from` and `to`). */
  skipped: PipelineStage[];
  /** Project date fields the move sets: `YYYY-MM-DD` of `occurredAt` in `timeZone`. */
  dateFields: Partial<Record<StageDateField, string>>;
}

/** The project date field that records entering a stage, for the stages that have one. */
export const STAGE_DATE_FIELDS: Partial<Record<PipelineStage, StageDateField>> = {
  land_delivered: 'landDeliveredOn',
  construction: 'constructionStartedOn',
  production: 'productionStartedOn',
};

const CONTRACT_KINDS: readonly AgreementKind[] = ['investment', 'land_transfer'];

const zh = (stage: Stage): string => `“${STAGE_LABELS[stage].zh}”`;

/** The evidence missing to enter `stage`, or null when the evidence is there (or none is needed). */
export function missingEvidenceFor(stage: PipelineStage, evidence: StageEvidence): FieldIssue | null {
  switch (stage) {
    case 'intention':
    case 'negotiation':
      return null;
    case 'agreement':
      return evidence.agreementKinds.length > 0
        ? null
        : { field: 'agreement', message: `进入${zh(stage)}阶段需要至少一份签约协议记录` };
    case 'contract':
      return evidence.agreementKinds.some((kind) => CONTRACT_KINDS.includes(kind))
        ? null
        : { field: 'agreement', message: `进入${zh(stage)}阶段需要一份合同（投资协议或土地出让合同）` };
    case 'land_delivered':
      return evidence.landDeliveredOn
        ? null
        : { field: 'landDeliveredOn', message: `进入${zh(stage)}阶段需要供地日期` };
    case 'construction':
      return evidence.constructionStartedOn
        ? null
        : { field: 'constructionStartedOn', message: `进入${zh(stage)}阶段需要开工日期` };
    case 'production':
      return evidence.productionStartedOn
        ? null
        : { field: 'productionStartedOn', message: `进入${zh(stage)}阶段需要投产日期` };
  }
}

/**
 * The stages a project in `from` may move to (evidence and notes aside). From on_hold or dropped that
 * is only the stage it left; without a known `previousStage` there is none.
 */
export function allowedTargets(from: Stage, previousStage: PipelineStage | null): Stage[] {
  if (isOffPathStage(from)) return previousStage ? [previousStage] : [];
  return STAGES.filter((stage) => stage !== from);
}

function requireNote(note: string | null | undefined, message: string): void {
  if (!note || note.trim() === '') throw validationError('note', message);
}

/**
 * Decides one stage move: whether it is legal, what kind it is and what it sets. Pure: it reads only
 * its input and throws a DomainError (IllegalTransition, MissingEvidence or Validation) when the move
 * cannot be made. The caller persists the plan and the stage-history row.
 */
export function planTransition(input: TransitionInput): TransitionPlan {
  const { from, to, previousStage, note, now, timeZone, evidence } = input;

  if (to === from) {
    throw new DomainError(ErrorCode.IllegalTransition, `项目已处于${zh(to)}阶段`);
  }
  const explicitAt = input.occurredAt ?? null;
  if (explicitAt !== null) {
    if (Number.isNaN(explicitAt.getTime())) throw validationError('occurredAt', '发生时间无效');
    if (explicitAt.getTime() > now.getTime()) throw validationError('occurredAt', '发生时间不能晚于当前时间');
    const enteredAt = input.currentStageEnteredAt;
    if (enteredAt && explicitAt.getTime() < enteredAt.getTime()) {
      throw validationError('occurredAt', `发生时间不能早于进入当前阶段（${zh(from)}）的时间 ${enteredAt.toISOString()}`);
    }
  }
  const occurredAt = explicitAt ?? now;
  const plan = (kind: TransitionKind, skipped: PipelineStage[] = [], dateFields = {}): TransitionPlan => ({
    from,
    to,
    kind,
    occurredAt,
    skipped,
    dateFields,
  });

  if (isOffPathStage(from)) {
    if (previousStage === null) {
      throw new DomainError(ErrorCode.IllegalTransition, `无法确定项目${zh(from)}前所处的阶段，不能恢复`);
    }
    if (to !== previousStage) {
      throw new DomainError(
        ErrorCode.IllegalTransition,
        `项目处于${zh(from)}状态，只能恢复到原阶段${zh(previousStage)}（${previousStage}）`,
      );
    }
    return plan('reactivate');
  }

  if (to === 'on_hold') return plan('hold');
  if (to === 'dropped') {
    requireNote(note, '终止项目必须填写原因');
    return plan('drop');
  }
  if (!isPipelineStage(to)) {
    // Unreachable for typed callers; guards against an unchecked string.
    throw new DomainError(ErrorCode.IllegalTransition, `未知的阶段：${String(to)}`);
  }

  const fromIndex = stageIndex(from);
  const toIndex = stageIndex(to);
  if (toIndex < fromIndex) {
    requireNote(note, `从${zh(from)}退回${zh(to)}必须填写说明`);
    return plan('backward');
  }

  // Forward: every stage entered (after `from`, up to and including `to`) needs its evidence. For the
  // target, an explicit occurredAt supplies the date that stage records.
  const dateFields: TransitionPlan['dateFields'] = {};
  const targetDateField = STAGE_DATE_FIELDS[to];
  if (targetDateField && explicitAt !== null) {
    dateFields[targetDateField] = toZonedDate(explicitAt, timeZone);
  }
  const effective: StageEvidence = { ...evidence, ...dateFields };
  const entered = PIPELINE_STAGES.slice(fromIndex + 1, toIndex + 1);
  const missing = entered
    .map((stage) => missingEvidenceFor(stage, effective))
    .filter((issue): issue is FieldIssue => issue !== null);
  if (missing.length > 0) {
    throw new DomainError(
      ErrorCode.MissingEvidence,
      `推进到${zh(to)}阶段缺少依据：${missing.map((issue) => issue.message).join('；')}`,
      missing,
    );
  }
  return plan('forward', PIPELINE_STAGES.slice(fromIndex + 1, toIndex), dateFields);
}
