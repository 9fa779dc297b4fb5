import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Project } from '@zs/db';
import { DomainError, ErrorCode, projectAccess } from '@zs/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, inScope, parkScope } from '../common/actor';
import { notFound } from '../common/optimistic-update';

export type AccessMode = 'read' | 'write';

/**
 * The one place that decides whether a caller may read or write a project and, through it, every record of
 * the project (visits, agreements, milestones, blockers, funds, tasks, history). Outside the caller's park
 * subtree, deleted, or confidential without being on its team → 404; readable but not writable → 403.
 */
@Injectable()
export class ProjectAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Loads the project for `mode`; pass the transaction's manager and `lock` to lock it for an update. */
  async require(actor: Actor, projectId: string, mode: AccessMode, options: { manager?: EntityManager; lock?: boolean } = {}): Promise<Project> {
    const qb = (options.manager ?? this.db.manager).createQueryBuilder(Project, 'p').where('p.id = :projectId', { projectId });
    if (options.lock) qb.setLock('pessimistic_write');
    const project = await qb.getOne();
    if (!project || !inScope(actor, project.parkId)) throw notFound('项目');
    const access = projectAccess(actor, project);
    if (access === 'none') throw notFound('项目');
    if (mode === 'write' && access !== 'write') {
      throw new DomainError(ErrorCode.Forbidden, '只有项目团队、招商局领导或管理员可以修改该项目 (project team, managers or admins only)');
    }
    return project;
  }

  /**
   * The SQL condition of the projects a caller may read (alias `p`): in the park subtree, live, and not
   * confidential unless the caller is on the team or a manager/admin.
   */
  readableCondition(actor: Actor, alias = 'p'): { sql: string; params: Record<string, unknown> } {
    const scope = parkScope(actor, `${alias}.park_id`);
    const parts = [scope.sql, `${alias}.deleted_at IS NULL`];
    const params: Record<string, unknown> = { ...scope.params };
    if (actor.role !== 'admin' && actor.role !== 'manager') {
      parts.push(`(NOT ${alias}.confidential OR ${alias}.owner_id = :accessUserId OR ${alias}.leader_id = :accessUserId OR :accessUserId = ANY(${alias}.assistant_ids))`);
      params.accessUserId = actor.id;
    }
    return { sql: parts.join(' AND '), params };
  }
}
