import { pipelineLevel, stageFacts, stageSpans, standingAt, type StageMove } from './stage-reach';

const at = (day: string) => new Date(`${day}T09:00:00+08:00`);
let written = 0;
const move = (from: StageMove['from'], to: StageMove['to'], day: string): StageMove => ({ from, to, occurredAt: at(day), createdAt: new Date(++written) });

describe('stage reach', () => {
  it('gives pipeline levels, none off the path', () => {
    expect(pipelineLevel('intention')).toBe(0);
    expect(pipelineLevel('production')).toBe(6);
    expect(pipelineLevel('on_hold')).toBeNull();
    expect(pipelineLevel(null)).toBeNull();
  });

  it('reaches the skipped levels with the move that skips them', () => {
    const facts = stageFacts([move(null, 'intention', '2025-01-01'), move('intention', 'land_delivered', '2025-02-01')]);
    expect(facts.reached).toEqual([at('2025-01-01'), at('2025-02-01'), at('2025-02-01'), at('2025-02-01'), at('2025-02-01'), null, null]);
    expect(facts).toMatchObject({ standingStage: 'land_delivered', standingLevel: 4, lastMoveAt: at('2025-02-01') });
  });

  it('does not count a second reach after a backward move as a first one', () => {
    const spans = stageSpans([
      move(null, 'intention', '2025-01-01'), move('intention', 'contract', '2025-01-21'),
      move('contract', 'negotiation', '2025-03-02'), move('negotiation', 'agreement', '2025-03-12'), move('agreement', 'contract', '2025-04-01'),
    ]);
    expect(spans.map((s) => [s.stage, s.reachFrom, s.reachTo])).toEqual([
      ['intention', 0, 0], ['contract', 1, 3], ['negotiation', null, null], ['agreement', null, null], ['contract', null, null],
    ]);
    expect(spans.map((s) => s.endedAt)).toEqual([at('2025-01-21'), at('2025-03-02'), at('2025-03-12'), at('2025-04-01'), null]);
  });

  it('stands on hold and dropped where the stage they left belongs, and reactivation reaches nothing new', () => {
    const moves = [
      move(null, 'intention', '2025-02-01'), move('intention', 'negotiation', '2025-02-11'), move('negotiation', 'on_hold', '2025-03-13'),
      move('on_hold', 'negotiation', '2025-04-12'), move('negotiation', 'dropped', '2025-05-02'),
    ];
    const spans = stageSpans(moves);
    expect(spans.map((s) => [s.stage, s.level, s.standingLevel, s.reachTo])).toEqual([
      ['intention', 0, 0, 0], ['negotiation', 1, 1, 1], ['on_hold', null, 1, null], ['negotiation', 1, 1, null], ['dropped', null, 1, null],
    ]);
    expect(standingAt(moves, at('2025-04-01'))).toEqual({ stage: 'on_hold', level: 1 });
    expect(standingAt(moves, at('2025-01-01'))).toBeNull();
    expect(stageFacts(moves)).toMatchObject({ standingStage: 'dropped', standingLevel: 1 });
  });

  it('orders moves by occurredAt, then by when they were written (a backdated move slots in)', () => {
    const late = move(null, 'intention', '2025-01-01');
    const backdated = move('intention', 'negotiation', '2025-01-01');
    const spans = stageSpans([backdated, late].reverse());
    expect(spans.map((s) => s.stage)).toEqual(['intention', 'negotiation']);
    expect(spans[0].endedAt).toEqual(at('2025-01-01'));
  });

  it('has no facts without history', () => {
    expect(stageFacts([])).toEqual({ reached: [null, null, null, null, null, null, null], standingStage: null, standingLevel: null, lastMoveAt: null });
  });
});
