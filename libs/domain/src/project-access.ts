import type { Role } from './enums';

/**
 * Who may see and change a project and its records. Park scoping (a user sees only their park's subtree)
 * is applied in SQL elsewhere; this decides within it.
 */

export type Actor = { id: string; role: Role };

export interface ProjectTeam {
  ownerId: string;
  leaderId: string | null;
  assistantIds: string[];
  confidential: boolean;
}

/** 'none': the project does not exist for the actor (404); 'read': may read, writes are 403; 'write'. */
export type ProjectAccess = 'none' | 'read' | 'write';

/** The owner, the leading official (包抓领导) and the assistants form a project's team. */
export function isTeamMember(actor: Pick<Actor, 'id'> | string, team: ProjectTeam): boolean {
  const actorId = typeof actor === 'string' ? actor : actor.id;
  return team.ownerId === actorId || team.leaderId === actorId || team.assistantIds.includes(actorId);
}

export function projectAccess(actor: Actor, team: ProjectTeam): ProjectAccess {
  if (actor.role === 'admin' || actor.role === 'manager') return 'write';
  if (isTeamMember(actor, team)) return 'write';
  return team.confidential ? 'none' : 'read';
}

export function canReadProject(actor: Actor, team: ProjectTeam): boolean {
  return projectAccess(actor, team) !== 'none';
}

export function canWriteProject(actor: Actor, team: ProjectTeam): boolean {
  return projectAccess(actor, team) === 'write';
}
