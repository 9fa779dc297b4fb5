import type { Role } from '@zs/domain';

/**
 * Who is asking, resolved once per request by the auth guard. Every service and repository method that
 * reads or writes tenant data takes it as its first argument: the park scope travels with the caller.
 */
export interface Actor {
  id: string;
  role: Role;
  displayName: string;
  parkId: string;
  /** The caller's park and its sub-areas; `null` for admins, who see every park. */
  parkIds: string[] | null;
}

/** A SQL condition restricting `column` to the actor's park subtree, with its parameters. */
export function parkScope(actor: Actor, column: string): { sql: string; params: Record<string, unknown> } {
  if (actor.parkIds === null) return { sql: 'TRUE', params: {} };
  return { sql: `${column} = ANY(:scopeParkIds)`, params: { scopeParkIds: actor.parkIds } };
}

export function inScope(actor: Actor, parkId: string): boolean {
  return actor.parkIds === null || actor.parkIds.includes(parkId);
}

export function isManagerOrAdmin(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'manager';
}
