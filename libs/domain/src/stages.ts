import { isOneOf } from './enums';
import type { Label } from './labels';

/** The pipeline, in order: a project moves forward along it. */
export const PIPELINE_STAGES = [
  'intention',
  'negotiation',
  'agreement',
  'contract',
  'land_delivered',
  'construction',
  'production',
] as const;
/** Off the path: a project on hold or dropped remembers the pipeline stage it left. */
export const OFF_PATH_STAGES = ['on_hold', 'dropped'] as const;
export const STAGES = [...PIPELINE_STAGES, ...OFF_PATH_STAGES] as const;

export type PipelineStage = (typeof PIPELINE_STAGES)[number];
export type OffPathStage = (typeof OFF_PATH_STAGES)[number];
export type Stage = PipelineStage | OffPathStage;

/** Position on the pipeline (0 = intention … 6 = production); -1 for on_hold and dropped. */
export function stageIndex(stage: Stage): number {
  return (PIPELINE_STAGES as readonly string[]).indexOf(stage);
}

export function isPipelineStage(value: unknown): value is PipelineStage {
  return isOneOf(PIPELINE_STAGES, value);
}

export function isOffPathStage(value: unknown): value is OffPathStage {
  return isOneOf(OFF_PATH_STAGES, value);
}

export function isStage(value: unknown): value is Stage {
  return isPipelineStage(value) || isOffPathStage(value);
}

export const STAGE_LABELS: Record<Stage, Label> = {
  intention: { zh: '意向', en: 'Intention' },
  negotiation: { zh: '洽谈', en: 'Negotiation' },
  agreement: { zh: '签约', en: 'Agreement signed' },
  contract: { zh: '合同', en: 'Contract' },
  land_delivered: { zh: '供地', en: 'Land delivered' },
  construction: { zh: '开工', en: 'Construction' },
  production: { zh: '投产', en: 'Production' },
  on_hold: { zh: '暂缓', en: 'On hold' },
  dropped: { zh: '终止', en: 'Dropped' },
};
