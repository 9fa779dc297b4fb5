import { planLedgerHistory, type LedgerHistoryInput } from './ledger-history';

const base: LedgerHistoryInput = {
  stage: 'intention', previousStage: null, stageEnteredAt: null, createdAt: null, landDeliveredOn: null, constructionStartedOn: null, productionStartedOn: null,
};
const moves = (input: Partial<LedgerHistoryInput>) => planLedgerHistory({ ...base, ...input }, '2026-11-25');

describe('the stage history of an imported ledger row', () => {
  it('starts with the creation day, or today when the ledger has no date', () => {
    expect(moves({ createdAt: '2025-01-02' })).toEqual([{ from: null, to: 'intention', on: '2025-01-02', field: 'createdAt' }]);
    expect(moves({})).toEqual([{ from: null, to: 'intention', on: '2026-11-25', field: 'createdAt' }]);
  });

  it('goes through each dated stage on its date and skips the undated ones', () => {
    expect(moves({ stage: 'production', createdAt: '2005-06-01', stageEnteredAt: '2008-12-01', landDeliveredOn: '2005-09-20', constructionStartedOn: '2005-10-08', productionStartedOn: '2008-12-01' })).toEqual([
      { from: null, to: 'intention', on: '2005-06-01', field: 'createdAt' },
      { from: 'intention', to: 'land_delivered', on: '2005-09-20', field: 'landDeliveredOn' },
      { from: 'land_delivered', to: 'construction', on: '2005-10-08', field: 'constructionStartedOn' },
      { from: 'construction', to: 'production', on: '2008-12-01', field: 'stageEnteredAt' },
    ]);
  });

  it('puts an on-hold or dropped project in the stage it left first', () => {
    expect(moves({ stage: 'on_hold', previousStage: 'agreement', createdAt: '2024-03-01', stageEnteredAt: '2025-01-15' })).toEqual([
      { from: null, to: 'intention', on: '2024-03-01', field: 'createdAt' },
      { from: 'intention', to: 'agreement', on: '2024-03-01', field: 'previousStage' },
      { from: 'agreement', to: 'on_hold', on: '2025-01-15', field: 'stageEnteredAt' },
    ]);
  });

  it('asks for the dates the stage machine asks for, refuses the future and dates going backwards', () => {
    expect(moves({ stage: 'construction', landDeliveredOn: '2025-01-01' })).toEqual([{ field: 'constructionStartedOn', message: expect.stringContaining('开工日期') }]);
    expect(moves({ stage: 'negotiation', stageEnteredAt: '2027-01-01' })).toEqual([{ field: 'stageEnteredAt', message: expect.stringContaining('不能晚于今天') }]);
    expect(moves({ stage: 'land_delivered', createdAt: '2025-05-01', landDeliveredOn: '2025-04-01' })).toEqual([
      { field: 'landDeliveredOn', message: expect.stringContaining('早于录入日期') },
    ]);
  });
});
