import { DomainError, ErrorCode } from './domain-error';
import { allowedTargets, planTransition, type StageEvidence, type TransitionInput } from './stage-machine';
import { PIPELINE_STAGES, type PipelineStage, type Stage, STAGES } from './stages';

const NOW = new Date('2026-03-10T02:00:00Z');

const fullEvidence = (): StageEvidence => ({
  agreementKinds: ['intent', 'investment'],
  landDeliveredOn: '2026-01-05',
  constructionStartedOn: '2026-02-01',
  productionStartedOn: '2026-03-01',
});

const noEvidence = (): StageEvidence => ({
  agreementKinds: [],
  landDeliveredOn: null,
  constructionStartedOn: null,
  productionStartedOn: null,
});

function makeInput(overrides: Partial<TransitionInput> & Pick<TransitionInput, 'from' | 'to'>): TransitionInput {
  return {
    previousStage: null,
    note: null,
    occurredAt: null,
    now: NOW,
    timeZone: 'Asia/Shanghai',
    evidence: fullEvidence(),
    ...overrides,
  };
}

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, none was thrown');
}

describe('planTransition: the full (from, to) matrix', () => {
  // Rows: from; columns: to, in STAGES order. F forward, B backward, H hold, D drop, - illegal.
  // With full evidence and a note, so that only legality is at stake.
  const columns: Stage[] = [...STAGES];
  const matrix: Record<PipelineStage, string> = {
    //               int neg agr con lan cns pro hol drp
    intention: '      -   F   F   F   F   F   F   H   D',
    negotiation: '    B   -   F   F   F   F   F   H   D',
    agreement: '      B   B   -   F   F   F   F   H   D',
    contract: '       B   B   B   -   F   F   F   H   D',
    land_delivered: ' B   B   B   B   -   F   F   H   D',
    construction: '   B   B   B   B   B   -   F   H   D',
    production: '     B   B   B   B   B   B   -   H   D',
  };
  const kinds: Record<string, string> = { F: 'forward', B: 'backward', H: 'hold', D: 'drop' };

  const pipelineCases = PIPELINE_STAGES.flatMap((from) => {
    const cells = matrix[from].trim().split(/\s+/);
    return columns.map((to, i) => ({ from, to, cell: cells[i] }));
  });

  it('covers all 63 moves out of a pipeline stage', () => {
    expect(pipelineCases).toHaveLength(PIPELINE_STAGES.length * STAGES.length);
    expect(pipelineCases.every(({ cell }) => ['F', 'B', 'H', 'D', '-'].includes(cell))).toBe(true);
  });

  it.each(pipelineCases.filter((c) => c.cell !== '-'))('allows $from → $to', ({ from, to, cell }) => {
    const plan = planTransition(makeInput({ from, to, note: '原因说明' }));
    expect(plan).toMatchObject({ from, to, kind: kinds[cell] });
  });

  it.each(pipelineCases.filter((c) => c.cell === '-'))('rejects $from → $to as illegal', ({ from, to }) => {
    expect(errorOf(() => planTransition(makeInput({ from, to, note: '原因说明' }))).code).toBe(
      ErrorCode.IllegalTransition,
    );
  });

  // Out of on_hold / dropped, for every stage the project may have left: only back to that stage.
  const offPathCases = (['on_hold', 'dropped'] as const).flatMap((from) =>
    PIPELINE_STAGES.flatMap((previousStage) => STAGES.map((to) => ({ from, previousStage, to }))),
  );

  it.each(offPathCases.filter((c) => c.to === c.previousStage))(
    'allows $from → $to when the project left $previousStage (reactivate)',
    ({ from, to, previousStage }) => {
      const plan = planTransition(makeInput({ from, to, previousStage, evidence: noEvidence() }));
      expect(plan).toMatchObject({ from, to, kind: 'reactivate', skipped: [], dateFields: {} });
    },
  );

  it.each(offPathCases.filter((c) => c.to !== c.previousStage))(
    'rejects $from → $to when the project left $previousStage',
    ({ from, to, previousStage }) => {
      const error = errorOf(() => planTransition(makeInput({ from, to, previousStage, note: '说明' })));
      expect(error.code).toBe(ErrorCode.IllegalTransition);
    },
  );

  it('names the allowed stage when refusing a move out of on_hold', () => {
    const error = errorOf(() =>
      planTransition(makeInput({ from: 'on_hold', to: 'contract', previousStage: 'negotiation' })),
    );
    expect(error.message).toContain('洽谈');
    expect(error.message).toContain('negotiation');
  });

  it('rejects leaving dropped when the stage it left is unknown', () => {
    expect(errorOf(() => planTransition(makeInput({ from: 'dropped', to: 'intention' }))).code).toBe(
      ErrorCode.IllegalTransition,
    );
  });

  it('lists the same legal targets as the matrix', () => {
    for (const from of PIPELINE_STAGES) {
      const cells = matrix[from].trim().split(/\s+/);
      expect(allowedTargets(from, null)).toEqual(columns.filter((_, i) => cells[i] !== '-'));
    }
    expect(allowedTargets('on_hold', 'agreement')).toEqual(['agreement']);
    expect(allowedTargets('dropped', null)).toEqual([]);
  });
});

describe('planTransition: forward evidence', () => {
  it('moves from intention to negotiation without any evidence', () => {
    const plan = planTransition(makeInput({ from: 'intention', to: 'negotiation', evidence: noEvidence() }));
    expect(plan.kind).toBe('forward');
  });

  it('rejects a move to agreement without an agreement record', () => {
    const error = errorOf(() =>
      planTransition(makeInput({ from: 'negotiation', to: 'agreement', evidence: noEvidence() })),
    );
    expect(error.code).toBe(ErrorCode.MissingEvidence);
    expect(error.details).toEqual([{ field: 'agreement', message: expect.stringContaining('协议') }]);
  });

  it('accepts any agreement kind as evidence for agreement', () => {
    const evidence = { ...noEvidence(), agreementKinds: ['supplementary' as const] };
    expect(planTransition(makeInput({ from: 'negotiation', to: 'agreement', evidence })).kind).toBe('forward');
  });

  it('rejects a move to contract with only an intent agreement, saying a contract is needed', () => {
    const evidence = { ...noEvidence(), agreementKinds: ['intent' as const, 'framework' as const] };
    const error = errorOf(() => planTransition(makeInput({ from: 'agreement', to: 'contract', evidence })));
    expect(error.code).toBe(ErrorCode.MissingEvidence);
    expect(error.details).toEqual([{ field: 'agreement', message: expect.stringContaining('合同') }]);
  });

  it.each(['investment', 'land_transfer'] as const)('accepts an agreement of kind %s as evidence for contract', (kind) => {
    const evidence = { ...noEvidence(), agreementKinds: [kind] };
    expect(planTransition(makeInput({ from: 'agreement', to: 'contract', evidence })).kind).toBe('forward');
  });

  it.each([
    ['land_delivered', 'contract', 'landDeliveredOn'],
    ['construction', 'land_delivered', 'constructionStartedOn'],
    ['production', 'construction', 'productionStartedOn'],
  ] as const)('rejects a move to %s without its date (%s → …, field %s)', (to, from, field) => {
    const evidence = { ...fullEvidence(), [field]: null };
    const error = errorOf(() => planTransition(makeInput({ from, to, evidence })));
    expect(error.code).toBe(ErrorCode.MissingEvidence);
    expect(error.details).toEqual([{ field, message: expect.any(String) }]);
  });

  it('lists every missing item of every stage entered when skipping forward', () => {
    const error = errorOf(() =>
      planTransition(makeInput({ from: 'intention', to: 'construction', evidence: noEvidence() })),
    );
    expect(error.code).toBe(ErrorCode.MissingEvidence);
    expect(error.details?.map((d) => d.field)).toEqual([
      'agreement',
      'agreement',
      'landDeliveredOn',
      'constructionStartedOn',
    ]);
    expect(error.message).toContain('开工');
  });

  it('skips stages when the evidence of each is there and reports the stages skipped', () => {
    const plan = planTransition(makeInput({ from: 'negotiation', to: 'land_delivered' }));
    expect(plan.kind).toBe('forward');
    expect(plan.skipped).toEqual(['agreement', 'contract']);
  });

  it('reports nothing skipped for a one-step move', () => {
    expect(planTransition(makeInput({ from: 'contract', to: 'land_delivered' })).skipped).toEqual([]);
  });

  it('does not ask for evidence of the stage being left', () => {
    const evidence = { ...fullEvidence(), agreementKinds: [] };
    // The project is already in contract: only land_delivered's evidence matters.
    expect(planTransition(makeInput({ from: 'contract', to: 'land_delivered', evidence })).kind).toBe('forward');
  });
});

describe('planTransition: occurredAt and date fields', () => {
  it('defaults occurredAt to now', () => {
    expect(planTransition(makeInput({ from: 'intention', to: 'negotiation' })).occurredAt).toBe(NOW);
  });

  it('keeps a backdated occurredAt', () => {
    const at = new Date('2025-12-01T01:00:00Z');
    expect(planTransition(makeInput({ from: 'intention', to: 'negotiation', occurredAt: at })).occurredAt).toBe(at);
  });

  it('accepts an occurredAt equal to now', () => {
    expect(planTransition(makeInput({ from: 'intention', to: 'negotiation', occurredAt: NOW })).occurredAt).toBe(NOW);
  });

  it('rejects an occurredAt in the future with a validation error on occurredAt', () => {
    const error = errorOf(() =>
      planTransition(
        makeInput({ from: 'intention', to: 'negotiation', occurredAt: new Date(NOW.getTime() + 1000) }),
      ),
    );
    expect(error.code).toBe(ErrorCode.Validation);
    expect(error.details).toEqual([{ field: 'occurredAt', message: expect.any(String) }]);
  });

  it('rejects an occurredAt before the project entered its current stage, keeping the history in order', () => {
    const enteredAt = new Date('2026-02-01T00:00:00Z');
    const error = errorOf(() =>
      planTransition(makeInput({ from: 'intention', to: 'negotiation', currentStageEnteredAt: enteredAt, occurredAt: new Date('2026-01-31T23:59:59Z') })),
    );
    expect(error.code).toBe(ErrorCode.Validation);
    expect(error.details?.[0].field).toBe('occurredAt');
    expect(planTransition(makeInput({ from: 'intention', to: 'negotiation', currentStageEnteredAt: enteredAt, occurredAt: enteredAt })).occurredAt).toBe(enteredAt);
  });

  it('rejects an invalid occurredAt', () => {
    const error = errorOf(() =>
      planTransition(makeInput({ from: 'intention', to: 'negotiation', occurredAt: new Date('nope') })),
    );
    expect(error.details?.[0].field).toBe('occurredAt');
  });

  it('sets the construction date from occurredAt as the date in Asia/Shanghai', () => {
    const plan = planTransition(
      makeInput({
        from: 'land_delivered',
        to: 'construction',
        occurredAt: new Date('2026-03-01T17:00:00Z'),
        evidence: { ...fullEvidence(), constructionStartedOn: null },
      }),
    );
    expect(plan.dateFields).toEqual({ constructionStartedOn: '2026-03-02' });
  });

  it('uses the given time zone for the date', () => {
    const plan = planTransition(
      makeInput({
        from: 'contract',
        to: 'land_delivered',
        occurredAt: new Date('2026-03-01T17:00:00Z'),
        timeZone: 'UTC',
      }),
    );
    expect(plan.dateFields).toEqual({ landDeliveredOn: '2026-03-01' });
  });

  it('lets occurredAt supply the missing production date of the target stage', () => {
    const plan = planTransition(
      makeInput({
        from: 'construction',
        to: 'production',
        occurredAt: new Date('2026-03-05T00:00:00Z'),
        evidence: { ...fullEvidence(), productionStartedOn: null },
      }),
    );
    expect(plan.dateFields).toEqual({ productionStartedOn: '2026-03-05' });
  });

  it('does not let occurredAt supply the date of a skipped stage', () => {
    const error = errorOf(() =>
      planTransition(
        makeInput({
          from: 'contract',
          to: 'construction',
          occurredAt: new Date('2026-03-05T00:00:00Z'),
          evidence: { ...fullEvidence(), landDeliveredOn: null, constructionStartedOn: null },
        }),
      ),
    );
    expect(error.code).toBe(ErrorCode.MissingEvidence);
    expect(error.details?.map((d) => d.field)).toEqual(['landDeliveredOn']);
  });

  it('sets no date field without an explicit occurredAt', () => {
    expect(planTransition(makeInput({ from: 'contract', to: 'land_delivered' })).dateFields).toEqual({});
  });

  it('sets no date field for a target stage that has none', () => {
    const plan = planTransition(
      makeInput({ from: 'intention', to: 'agreement', occurredAt: new Date('2026-03-05T00:00:00Z') }),
    );
    expect(plan.dateFields).toEqual({});
  });
});

describe('planTransition: backward, hold and drop', () => {
  it('moves backward with a note and without evidence', () => {
    const plan = planTransition(
      makeInput({ from: 'contract', to: 'negotiation', note: '合同解除，重新洽谈', evidence: noEvidence() }),
    );
    expect(plan).toMatchObject({ kind: 'backward', skipped: [], dateFields: {} });
  });

  it.each([null, undefined, '', '   '])('rejects a backward move with note %p', (note) => {
    const error = errorOf(() => planTransition(makeInput({ from: 'agreement', to: 'intention', note })));
    expect(error.code).toBe(ErrorCode.Validation);
    expect(error.details).toEqual([{ field: 'note', message: expect.any(String) }]);
  });

  it('puts a project on hold without a note', () => {
    expect(planTransition(makeInput({ from: 'negotiation', to: 'on_hold' })).kind).toBe('hold');
  });

  it('drops a project with a reason', () => {
    expect(planTransition(makeInput({ from: 'negotiation', to: 'dropped', note: '企业资金链断裂' })).kind).toBe(
      'drop',
    );
  });

  it('rejects dropping a project with a blank note', () => {
    const error = errorOf(() => planTransition(makeInput({ from: 'negotiation', to: 'dropped', note: ' ' })));
    expect(error.code).toBe(ErrorCode.Validation);
    expect(error.details?.[0].field).toBe('note');
  });

  it('reactivates without a note and without evidence', () => {
    const plan = planTransition(
      makeInput({ from: 'on_hold', to: 'construction', previousStage: 'construction', evidence: noEvidence() }),
    );
    expect(plan.kind).toBe('reactivate');
  });

  it('rejects a move from on_hold to on_hold as illegal', () => {
    const error = errorOf(() => planTransition(makeInput({ from: 'on_hold', to: 'on_hold', previousStage: 'intention' })));
    expect(error.code).toBe(ErrorCode.IllegalTransition);
  });
});
