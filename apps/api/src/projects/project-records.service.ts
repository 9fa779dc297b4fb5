import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget } from 'typeorm';
import type { Actor } from '../common/actor';
import { notFound } from '../common/optimistic-update';
import { AccessMode, ProjectAccessService } from './project-access.service';

interface ProjectRecord {
  id: string;
  projectId: string;
  deletedAt: Date | null;
}

/**
 * Loading, soft-deleting and restoring a record that belongs to a project (agreement, blocker, fund …), each
 * through the project's access check: one implementation for every such record.
 */
@Injectable()
export class ProjectRecordsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ProjectAccessService,
  ) {}

  /** The live record, if the caller may `mode` its project (else 404 / 403 as the project rules say). */
  async load<T extends ProjectRecord>(actor: Actor, target: EntityTarget<T>, id: string, mode: AccessMode, label: string, manager: EntityManager = this.db.manager): Promise<T> {
    const record = (await manager.findOne(target, { where: { id } as never })) as T | null;
    if (!record) throw notFound(label);
    await this.access.require(actor, record.projectId, mode, { manager });
    return record;
  }

  async softDelete<T extends ProjectRecord>(actor: Actor, target: EntityTarget<T>, id: string, label: string): Promise<void> {
    await this.load(actor, target, id, 'write', label);
    await this.db.manager.softDelete(target, { id } as never);
  }

  async restore<T extends ProjectRecord>(actor: Actor, target: EntityTarget<T>, id: string, label: string): Promise<void> {
    const record = (await this.db.manager.findOne(target, { where: { id } as never, withDeleted: true })) as T | null;
    if (!record?.deletedAt) throw notFound(`已删除的${label}`);
    await this.access.require(actor, record.projectId, 'write');
    await this.db.manager.restore(target, { id } as never);
  }
}
