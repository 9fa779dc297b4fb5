import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Env } from '@zs/config';
import { Blocker } from '@zs/db';
import { DomainError, ErrorCode, toZonedDate, validationError } from '@zs/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { notFound, updateWithVersion, definedOnly } from '../common/optimistic-update';
import { keysetPage, Page } from '../common/pagination';
import { applyDeletedFilter } from '../common/soft-delete';
import { ProjectAccessService } from '../projects/project-access.service';
import { ProjectRecordsService } from '../projects/project-records.service';
import { ProjectsService } from '../projects/projects.service';
import { assertProjectPeople } from '../tasks/project-people';
import { parseTimestamp } from '../tasks/tasks.service';
import { BlockerView, toBlockerView } from './blocker.view';
import { CreateBlockerDto, ListBlockersQueryDto, ResolveBlockerDto, UpdateBlockerDto } from './dto/blocker.dto';

/** Problems holding projects back (问题/困难): category, owner, due date, resolution. */
@Injectable()
export class BlockersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ProjectAccessService,
    private readonly records: ProjectRecordsService,
    private readonly projects: ProjectsService,
    private readonly env: Env,
  ) {}

  async listForProject(actor: Actor, projectId: string, query: ListBlockersQueryDto): Promise<Page<BlockerView>> {
    await this.access.require(actor, projectId, 'read');
    const today = this.today();
    const qb = this.db.createQueryBuilder(Blocker, 'b').where('b.project_id = :projectId', { projectId });
    applyDeletedFilter(qb, 'b', actor, query.deleted);
    if (query.status === 'open') qb.andWhere('b.resolved_at IS NULL');
    if (query.status === 'overdue') qb.andWhere('b.resolved_at IS NULL AND b.due_on < :today', { today });
    if (query.status === 'resolved') qb.andWhere('b.resolved_at IS NOT NULL');
    if (query.category) qb.andWhere('b.category = :category', { category: query.category });
    if (query.ownerId) qb.andWhere('b.owner_id = :ownerId', { ownerId: query.ownerId === 'me' ? actor.id : query.ownerId });
    const page = await keysetPage(qb, 'b', query);
    return { items: page.items.map((b) => toBlockerView(b, today)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<BlockerView> {
    const blocker = await this.records.load(actor, Blocker, id, 'read', '问题');
    return toBlockerView(blocker, this.today());
  }

  async create(actor: Actor, projectId: string, dto: CreateBlockerDto): Promise<BlockerView> {
    const resolvedAt = dto.resolvedAt ? this.resolvedAt(dto.resolvedAt) : null;
    assertResolution(resolvedAt, dto.resolution ?? null);
    const blocker = await this.db.transaction(async (tx) => {
      const project = await this.access.require(actor, projectId, 'write', { manager: tx });
      await assertProjectPeople(tx, project.parkId, [dto.ownerId], 'ownerId');
      const saved = await tx.save(tx.create(Blocker, {
        projectId,
        category: dto.category,
        description: dto.description,
        ownerId: dto.ownerId,
        dueOn: dto.dueOn,
        resolvedAt,
        resolution: dto.resolution ?? null,
      }));
      await this.projects.touchActivity(tx, projectId);
      return saved;
    });
    return this.get(actor, blocker.id);
  }

  /** `resolvedAt: null` reopens a blocker (and clears its resolution unless one is sent). */
  async update(actor: Actor, id: string, dto: UpdateBlockerDto): Promise<BlockerView> {
    await this.db.transaction(async (tx) => {
      const blocker = await this.load(tx, id);
      const project = await this.access.require(actor, blocker.projectId, 'write', { manager: tx });
      const { version, resolvedAt: resolvedText, ...fields } = dto;
      const changes: Partial<Blocker> = definedOnly(fields);
      if (resolvedText !== undefined) {
        changes.resolvedAt = resolvedText === null ? null : this.resolvedAt(resolvedText);
        if (resolvedText === null && changes.resolution === undefined) changes.resolution = null;
      }
      const next = { ...blocker, ...changes };
      assertResolution(next.resolvedAt, next.resolution);
      if (changes.ownerId) await assertProjectPeople(tx, project.parkId, [changes.ownerId], 'ownerId');
      await updateWithVersion(tx, Blocker, id, version, changes);
      await this.projects.touchActivity(tx, blocker.projectId);
    });
    return this.get(actor, id);
  }

  /** Resolves an open blocker now: the project's team (or a manager/admin) or the blocker's owner. */
  async resolve(actor: Actor, id: string, dto: ResolveBlockerDto): Promise<BlockerView> {
    await this.db.transaction(async (tx) => {
      const blocker = await this.load(tx, id);
      try {
        await this.access.require(actor, blocker.projectId, 'write', { manager: tx });
      } catch (error) {
        const ownerMayAct = blocker.ownerId === actor.id && error instanceof DomainError && error.code === ErrorCode.Forbidden;
        if (!ownerMayAct) throw error;
      }
      const [, affected] = await tx.query(
        `UPDATE blockers SET resolved_at = now(), resolution = $2, version = version + 1, updated_at = now()
          WHERE id = $1 AND resolved_at IS NULL AND deleted_at IS NULL`,
        [id, dto.resolution],
      );
      if (!affected) {
        throw new DomainError(ErrorCode.Conflict, '该问题已解决 (already resolved)', [{ field: 'resolvedAt', message: '该问题已解决 (already resolved)' }]);
      }
      await this.projects.touchActivity(tx, blocker.projectId);
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.records.softDelete(actor, Blocker, id, '问题');
  }

  async restore(actor: Actor, id: string): Promise<BlockerView> {
    await this.records.restore(actor, Blocker, id, '问题');
    return this.get(actor, id);
  }

  private async load(manager: EntityManager, id: string): Promise<Blocker> {
    const blocker = await manager.findOne(Blocker, { where: { id } });
    if (!blocker) throw notFound('问题');
    return blocker;
  }

  private today(): string {
    return toZonedDate(new Date(), this.env.TZ_PARK);
  }

  private resolvedAt(text: string): Date {
    const at = parseTimestamp(text, 'resolvedAt');
    if (at.getTime() > Date.now()) throw validationError('resolvedAt', 'resolvedAt 不能晚于现在 (cannot be in the future)');
    return at;
  }
}

/** A resolved blocker says how (resolution); an open one has no resolution yet. */
function assertResolution(resolvedAt: Date | null, resolution: string | null): void {
  if (resolvedAt && !resolution?.trim()) throw validationError('resolution', '已解决的问题须填写解决情况 (a resolved blocker needs a resolution)');
  if (!resolvedAt && resolution) throw validationError('resolvedAt', '填写解决情况须同时给出 resolvedAt，或使用 POST /api/blockers/:id/resolve (resolution without resolvedAt)');
}

