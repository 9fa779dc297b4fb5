// Pure: the park tree (/api/parks/tree) as the forms need it — TreeSelect data, names, and who may be given a
// record of a park (the API lets a user see a park's records when the user belongs to that park or above it).
import type { ParkTreeNode } from '../api/types';

export interface ParkOption {
  value: string;
  title: string;
  children: ParkOption[];
}

export function parkOptions(nodes: ParkTreeNode[]): ParkOption[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: parkOptions(n.children) }));
}

export function parkNames(nodes: ParkTreeNode[], into = new Map<string, string>()): Map<string, string> {
  for (const n of nodes) {
    into.set(n.id, n.name);
    parkNames(n.children, into);
  }
  return into;
}

/** The park and the parks above it, as far as the tree goes (empty when the park is not in the tree). */
export function parkAndAncestors(nodes: ParkTreeNode[], parkId: string): string[] {
  for (const n of nodes) {
    if (n.id === parkId) return [n.id];
    const below = parkAndAncestors(n.children, parkId);
    if (below.length) return [n.id, ...below];
  }
  return [];
}

/** Whether the tree has more than one park (only then is there a park to choose). */
export function hasSeveralParks(nodes: ParkTreeNode[]): boolean {
  return nodes.length > 1 || nodes.some((n) => n.children.length > 0);
}

/**
 * Whether a user of `userParkId` may be given a record of `parkId` (assignee, owner): that park or one above it.
 * A park the tree does not show (above the caller's own) counts as above; an unknown `parkId` rules no one out.
 */
export function canHoldRecordOf(nodes: ParkTreeNode[], parkId: string, userParkId: string): boolean {
  const line = parkAndAncestors(nodes, parkId);
  if (!line.length) return true;
  if (line.includes(userParkId)) return true;
  return !parkNames(nodes).has(userParkId);
}
