import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Project, Task } from '@zs/db';
import { DomainError, ErrorCode, validationError } from '@zs/domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/actor';
import { notFound, updateWithVersion } from '../common/optimistic-update';
import { keysetPage, Page } from '../common/pagination';
import { applyDeletedFilter } from '../common/soft-delete';
import { ProjectAccessService } from '../projects/project-access.service';
import { ProjectsService } from '../projects/projects.service';
import { CreateTaskDto, ListTasksQueryDto, UpdateTaskDto } from './dto/task.dto';
import { assertProjectPeople } from './project-people';
import { TaskView, toTaskView } from './task.view';

/** What a new task needs once access has been checked. */
export interface NewTask {
  title: string;
  dueAt: Date;
  assigneeId: string;
  visitId?: string | null;
}

/**
 * Follow-up tasks (跟进事项). Every change that can move a project's earliest open due time (create, done,
 * patch, delete, restore) refreshes the project's `nextFollowUpAt` in the same transaction, with the project
 * row locked first: two concurrent changes then refresh one after the other, each seeing the other's task.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ProjectAccessService,
    private readonly projects: ProjectsService,
  ) {}

  /** Tasks of the projects the caller may read; `sort=dueAt` pages earliest due first on its own cursor. */
  async list(actor: Actor, query: ListTasksQueryDto): Promise<Page<TaskView>> {
    const readable = this.access.readableCondition(actor, 'p');
    const qb = this.withProject(this.db.createQueryBuilder(Task, 't')).where(readable.sql, readable.params);
    applyDeletedFilter(qb, 't', actor, query.deleted);
    if (query.assigneeId) qb.andWhere('t.assignee_id = :assigneeId', { assigneeId: query.assigneeId === 'me' ? actor.id : query.assigneeId });
    if (query.projectId) qb.andWhere('t.project_id = :projectId', { projectId: query.projectId });
    if (query.status === 'open') qb.andWhere('t.done_at IS NULL');
    if (query.status === 'overdue') qb.andWhere('t.done_at IS NULL AND t.due_at < now()');
    if (query.status === 'done') qb.andWhere('t.done_at IS NOT NULL');
    const page = query.sort === 'dueAt' ? await dueAtPage(qb, query) : await keysetPage(qb, 't', query);
    const now = new Date();
    return { items: page.items.map((task) => toTaskView(task, now)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<TaskView> {
    const task = await this.withProject(this.db.createQueryBuilder(Task, 't')).where('t.id = :id', { id }).getOne();
    if (!task) throw notFound('任务');
    await this.access.require(actor, task.projectId, 'read');
    return toTaskView(task);
  }

  async create(actor: Actor, dto: CreateTaskDto): Promise<TaskView> {
    const task = await this.db.transaction(async (tx) => {
      const project = await this.access.require(actor, dto.projectId, 'write', { manager: tx, lock: true });
      await assertProjectPeople(tx, project.parkId, [dto.assigneeId], 'assigneeId');
      return this.createInTransaction(tx, actor, project, { title: dto.title, dueAt: parseTimestamp(dto.dueAt, 'dueAt'), assigneeId: dto.assigneeId });
    });
    return this.get(actor, task.id);
  }

  /**
   * Creates an open task in the caller's transaction (access already checked) and refreshes the project's
   * `nextFollowUpAt`. Visits use it for the follow-up a `nextFollowUpAt` asks for.
   */
  async createInTransaction(tx: EntityManager, actor: Actor, project: Project, task: NewTask): Promise<Task> {
    const saved = await tx.save(tx.create(Task, {
      projectId: project.id,
      title: task.title,
      dueAt: task.dueAt,
      assigneeId: task.assigneeId,
      visitId: task.visitId ?? null,
      createdById: actor.id,
    }));
    await this.projects.refreshNextFollowUp(tx, project.id);
    return saved;
  }

  async update(actor: Actor, id: string, dto: UpdateTaskDto): Promise<TaskView> {
    await this.db.transaction(async (tx) => {
      const task = await this.load(tx, id);
      const project = await this.access.require(actor, task.projectId, 'write', { manager: tx, lock: true });
      if (dto.assigneeId) await assertProjectPeople(tx, project.parkId, [dto.assigneeId], 'assigneeId');
      const { version, dueAt, ...fields } = dto;
      const changes: Partial<Task> = { ...fields };
      if (dueAt !== undefined) changes.dueAt = parseTimestamp(dueAt, 'dueAt');
      await updateWithVersion(tx, Task, id, version, changes);
      await this.projects.refreshNextFollowUp(tx, task.projectId);
    });
    return this.get(actor, id);
  }

  /**
   * Completes a task: the project's team (or a manager/admin) or the task's assignee. Idempotent: a done task
   * stays done with its first doneAt and doneById.
   */
  async done(actor: Actor, id: string): Promise<TaskView> {
    await this.db.transaction(async (tx) => {
      const task = await this.load(tx, id);
      await this.requireWrite(tx, actor, task, { allowAssignee: true });
      const [, affected] = await tx.query(
        `UPDATE tasks SET done_at = now(), done_by_id = $2, version = version + 1, updated_at = now()
          WHERE id = $1 AND done_at IS NULL AND deleted_at IS NULL`,
        [id, actor.id],
      );
      if (affected) {
        await this.projects.refreshNextFollowUp(tx, task.projectId);
        await this.projects.touchActivity(tx, task.projectId);
      }
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const task = await this.load(tx, id);
      await this.requireWrite(tx, actor, task);
      await tx.softDelete(Task, { id });
      await this.projects.refreshNextFollowUp(tx, task.projectId);
    });
  }

  async restore(actor: Actor, id: string): Promise<TaskView> {
    await this.db.transaction(async (tx) => {
      const task = await tx.findOne(Task, { where: { id }, withDeleted: true });
      if (!task?.deletedAt) throw notFound('已删除的任务');
      await this.access.require(actor, task.projectId, 'write', { manager: tx, lock: true });
      await tx.restore(Task, { id });
      await this.projects.refreshNextFollowUp(tx, task.projectId);
    });
    return this.get(actor, id);
  }

  /**
   * Keeps the open follow-up task of a visit in step with the visit's `nextFollowUpAt`: moves its due time,
   * creates it when there is none yet, deletes it when the visit no longer asks for a follow-up.
   */
  async syncVisitFollowUp(tx: EntityManager, actor: Actor, project: Project, visitId: string, dueAt: Date | null, title: string): Promise<void> {
    if (dueAt === null) {
      await tx.query(
        `UPDATE tasks SET deleted_at = now(), version = version + 1, updated_at = now()
          WHERE visit_id = $1 AND done_at IS NULL AND deleted_at IS NULL`,
        [visitId],
      );
    } else {
      const [, affected] = await tx.query(
        `UPDATE tasks SET due_at = $2, version = version + 1, updated_at = now()
          WHERE visit_id = $1 AND done_at IS NULL AND deleted_at IS NULL`,
        [visitId, dueAt],
      );
      if (!affected) {
        await this.createInTransaction(tx, actor, project, { title, dueAt, assigneeId: project.ownerId, visitId });
        return;
      }
    }
    await this.projects.refreshNextFollowUp(tx, project.id);
  }

  /** A deleted visit takes its open follow-up task with it (same deletion time, so that a restore brings it back). */
  async removeVisitFollowUps(tx: EntityManager, visitId: string, projectId: string, deletedAt: Date): Promise<void> {
    await tx.query(`UPDATE tasks SET deleted_at = $2 WHERE visit_id = $1 AND done_at IS NULL AND deleted_at IS NULL`, [visitId, deletedAt]);
    await this.projects.refreshNextFollowUp(tx, projectId);
  }

  async restoreVisitFollowUps(tx: EntityManager, visitId: string, projectId: string, deletedAt: Date): Promise<void> {
    await tx.query(`UPDATE tasks SET deleted_at = NULL WHERE visit_id = $1 AND deleted_at = $2`, [visitId, deletedAt]);
    await this.projects.refreshNextFollowUp(tx, projectId);
  }

  private withProject(qb: SelectQueryBuilder<Task>): SelectQueryBuilder<Task> {
    return qb.innerJoin('t.project', 'p').addSelect(['p.id', 'p.name', 'p.code']);
  }

  private async load(tx: EntityManager, id: string): Promise<Task> {
    const task = await tx.findOne(Task, { where: { id } });
    if (!task) throw notFound('任务');
    return task;
  }

  private async requireWrite(tx: EntityManager, actor: Actor, task: Task, options: { allowAssignee?: boolean } = {}): Promise<void> {
    try {
      await this.access.require(actor, task.projectId, 'write', { manager: tx, lock: true });
    } catch (error) {
      // The assignee may complete their own task on a project they can read but not write.
      const assigneeMayAct = options.allowAssignee && task.assigneeId === actor.id;
      if (!(assigneeMayAct && error instanceof DomainError && error.code === ErrorCode.Forbidden)) throw error;
    }
  }
}

export function parseTimestamp(value: string, field: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw validationError(field, `${field} 不是有效时间 (invalid timestamp)`);
  return at;
}

interface DueCursor {
  due: string;
  id: string;
}

function encodeDueCursor(due: Date, id: string): string {
  return Buffer.from(JSON.stringify({ due: due.toISOString(), id } satisfies DueCursor)).toString('base64url');
}

function decodeDueCursor(cursor: string): DueCursor {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as DueCursor;
    if (typeof key.id === 'string' && /^[0-9a-f-]{36}$/i.test(key.id) && typeof key.due === 'string' && !Number.isNaN(Date.parse(key.due))) return key;
  } catch {
    /* fall through */
  }
  throw validationError('cursor', '无效的分页游标 (invalid cursor)');
}

/** Keyset pages on `(due_at, id)` ascending: the earliest due first (served by the `(…, due_at, id)` indexes). */
async function dueAtPage(qb: SelectQueryBuilder<Task>, query: ListTasksQueryDto): Promise<Page<Task>> {
  const limit = query.limit ?? 50;
  if (query.cursor) {
    const key = decodeDueCursor(query.cursor);
    qb.andWhere('(t.due_at, t.id) > (:cursorDue, :cursorId)', { cursorDue: new Date(key.due), cursorId: key.id });
  }
  const rows = await qb.orderBy('t.due_at', 'ASC').addOrderBy('t.id', 'ASC').limit(limit + 1).getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeDueCursor(last.dueAt, last.id) : null };
}
