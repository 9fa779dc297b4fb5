import type { ParkTreeNode } from '../api/types';
import { canHoldRecordOf, hasSeveralParks, parkAndAncestors, parkNames, parkOptions } from './parks';

const node = (id: string, children: ParkTreeNode[] = [], parentId: string | null = null): ParkTreeNode => ({ id, name: `园区${id}`, parentId, children });
// bureau → 工业城 → 片区, and a sibling park 官渡
const tree = [node('bureau', [node('gyc', [node('gyc-a', [], 'gyc')], 'bureau'), node('guandu', [], 'bureau')])];

describe('park tree helpers', () => {
  it('turns the tree into TreeSelect options and a name map', () => {
    expect(parkOptions(tree)[0]).toMatchObject({ value: 'bureau', title: '园区bureau', children: [{ value: 'gyc' }, { value: 'guandu' }] });
    expect(parkNames(tree).get('gyc-a')).toBe('园区gyc-a');
    expect(parkNames(tree).size).toBe(4);
  });

  it('finds a park with the parks above it, and nothing for an unknown park', () => {
    expect(parkAndAncestors(tree, 'gyc-a')).toEqual(['bureau', 'gyc', 'gyc-a']);
    expect(parkAndAncestors(tree, 'bureau')).toEqual(['bureau']);
    expect(parkAndAncestors(tree, 'elsewhere')).toEqual([]);
  });

  it('offers a record of a park to users of that park or above it, never to a sibling park', () => {
    expect(canHoldRecordOf(tree, 'gyc', 'gyc')).toBe(true);
    expect(canHoldRecordOf(tree, 'gyc', 'bureau')).toBe(true);
    expect(canHoldRecordOf(tree, 'gyc', 'guandu')).toBe(false);
    expect(canHoldRecordOf(tree, 'gyc', 'gyc-a')).toBe(false); // a sub-area's officer cannot see the park's records
    expect(canHoldRecordOf(tree, 'bureau', 'gyc')).toBe(false); // the case that made the bureau's leads unassignable
    expect(canHoldRecordOf(tree, 'gyc', 'province')).toBe(true); // above the caller's tree
    expect(canHoldRecordOf(tree, 'unknown', 'guandu')).toBe(true);
  });

  it('knows when there is a park to choose', () => {
    expect(hasSeveralParks(tree)).toBe(true);
    expect(hasSeveralParks([node('gyc')])).toBe(false);
    expect(hasSeveralParks([])).toBe(false);
  });
});
