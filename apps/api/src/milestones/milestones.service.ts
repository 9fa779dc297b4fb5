import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Env } from '@zs/config';
import { Milestone } from '@zs/db';
import { toZonedDate, validationError, type Language } from '@zs/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { notFound, updateWithVersion } from '../common/optimistic-update';
import { ProjectAccessService } from '../projects/project-access.service';
import { ProjectsService } from '../projects/projects.service';
import { assertProjectPeople } from '../tasks/project-people';
import { UpdateMilestoneDto } from './dto/milestone.dto';
import { MilestoneList, MilestoneView, toMilestoneView } from './milestone.view';

/** The permit chain (前期手续): the standard steps created with each project, tracked, never added or deleted. */
@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ProjectAccessService,
    private readonly projects: ProjectsService,
    private readonly env: Env,
  ) {}

  async listForProject(actor: Actor, projectId: string, language: Language): Promise<MilestoneList> {
    await this.access.require(actor, projectId, 'read');
    const steps = await this.db.manager.find(Milestone, { where: { projectId }, order: { sortOrder: 'ASC', key: 'ASC' } });
    const today = this.today();
    return { items: steps.map((m) => toMilestoneView(m, language, today)), nextCursor: null };
  }

  async get(actor: Actor, id: string, language: Language): Promise<MilestoneView> {
    const step = await this.load(this.db.manager, id);
    await this.access.require(actor, step.projectId, 'read');
    return toMilestoneView(step, language, this.today());
  }

  /**
   * `done` without a doneOn sets doneOn to today (park time zone); a doneOn needs the status done (400 otherwise);
   * leaving `done` clears doneOn.
   */
  async update(actor: Actor, id: string, dto: UpdateMilestoneDto, language: Language): Promise<MilestoneView> {
    const today = this.today();
    await this.db.transaction(async (tx) => {
      const step = await this.load(tx, id);
      const project = await this.access.require(actor, step.projectId, 'write', { manager: tx });
      const { version, status, dueOn, doneOn, ownerId, note } = dto;
      const nextStatus = status ?? step.status;
      const changes: Partial<Milestone> = {};
      if (status !== undefined) changes.status = status;
      if (dueOn !== undefined) changes.dueOn = dueOn;
      if (note !== undefined) changes.note = note;
      if (ownerId !== undefined) {
        if (ownerId) await assertProjectPeople(tx, project.parkId, [ownerId], 'ownerId');
        changes.ownerId = ownerId;
      }
      if (doneOn) {
        if (nextStatus !== 'done') throw validationError('doneOn', 'doneOn 仅适用于已完成的步骤 (doneOn needs status done)');
        if (doneOn > today) throw validationError('doneOn', 'doneOn 不能晚于今天 (cannot be in the future)');
      }
      if (nextStatus === 'done') {
        const done = doneOn ?? (doneOn === null ? null : step.doneOn) ?? today;
        if (done !== step.doneOn) changes.doneOn = done;
      } else if (step.doneOn !== null) {
        changes.doneOn = null;
      }
      await updateWithVersion(tx, Milestone, id, version, changes);
      await this.projects.touchActivity(tx, step.projectId);
    });
    return this.get(actor, id, language);
  }

  private async load(manager: EntityManager, id: string): Promise<Milestone> {
    const step = await manager.findOne(Milestone, { where: { id } });
    if (!step) throw notFound('前期手续步骤');
    return step;
  }

  private today(): string {
    return toZonedDate(new Date(), this.env.TZ_PARK);
  }
}
