import { isOffPathStage, isPipelineStage, isStage, PIPELINE_STAGES, STAGE_LABELS, STAGES, stageIndex } from './stages';

describe('stages', () => {
  it('orders the pipeline from intention to production, then the two off-path stages', () => {
    expect(STAGES).toEqual([
      'intention',
      'negotiation',
      'agreement',
      'contract',
      'land_delivered',
      'construction',
      'production',
      'on_hold',
      'dropped',
    ]);
  });

  it('gives each pipeline stage its position and the off-path stages -1', () => {
    expect(PIPELINE_STAGES.map(stageIndex)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(stageIndex('on_hold')).toBe(-1);
    expect(stageIndex('dropped')).toBe(-1);
  });

  it('tells pipeline, off-path and unknown stages apart', () => {
    expect(isPipelineStage('contract')).toBe(true);
    expect(isPipelineStage('on_hold')).toBe(false);
    expect(isOffPathStage('dropped')).toBe(true);
    expect(isStage('dropped')).toBe(true);
    expect(isStage('lead')).toBe(false);
    expect(isStage(3)).toBe(false);
  });

  it('labels the stages as the reports name them', () => {
    expect(STAGES.map((s) => STAGE_LABELS[s].zh)).toEqual([
      '意向',
      '洽谈',
      '签约',
      '合同',
      '供地',
      '开工',
      '投产',
      '暂缓',
      '终止',
    ]);
    expect(STAGES.every((s) => STAGE_LABELS[s].en.length > 0)).toBe(true);
  });
});
