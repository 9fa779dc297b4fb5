import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Env } from '@zs/config';
import { Project, Visit } from '@zs/db';
import { isDateOnly, validationError } from '@zs/domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/actor';
import { notFound, updateWithVersion, definedOnly } from '../common/optimistic-update';
import { keysetPage, Page } from '../common/pagination';
import { applyDeletedFilter } from '../common/soft-delete';
import { ProjectAccessService } from '../projects/project-access.service';
import { ProjectsService } from '../projects/projects.service';
import { assertProjectPeople } from '../tasks/project-people';
import { parseTimestamp, TasksService } from '../tasks/tasks.service';
import { CreateVisitDto, ListProjectVisitsQueryDto, ListVisitsQueryDto, UpdateVisitDto } from './dto/visit.dto';
import { toVisitView, VisitView } from './visit.view';

/** How far ahead of now a visit may be logged (a meeting later today in another time zone, a clock a little off). */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * Visits and interactions (走访/洽谈记录). Logging one marks activity on the project; its `nextFollowUpAt`
 * becomes an open task for the project's owner, in the same transaction.
 */
@Injectable()
export class VisitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ProjectAccessService,
    private readonly projects: ProjectsService,
    private readonly tasks: TasksService,
    private readonly env: Env,
  ) {}

  async listForProject(actor: Actor, projectId: string, query: ListProjectVisitsQueryDto): Promise<Page<VisitView>> {
    await this.access.require(actor, projectId, 'read');
    const qb = this.withProject(this.db.createQueryBuilder(Visit, 'v')).where('v.project_id = :projectId', { projectId });
    applyDeletedFilter(qb, 'v', actor, query.deleted);
    this.applyFilters(qb, query);
    const page = await keysetPage(qb, 'v', query);
    return { items: page.items.map(toVisitView), nextCursor: page.nextCursor };
  }

  /** Visits across the projects the caller may read; `ownerId` is the project's owner. */
  async list(actor: Actor, query: ListVisitsQueryDto): Promise<Page<VisitView>> {
    const readable = this.access.readableCondition(actor, 'p');
    const qb = this.withProject(this.db.createQueryBuilder(Visit, 'v')).where(readable.sql, readable.params);
    applyDeletedFilter(qb, 'v', actor, query.deleted);
    if (query.ownerId) qb.andWhere('p.owner_id = :ownerId', { ownerId: query.ownerId === 'me' ? actor.id : query.ownerId });
    if (query.projectId) qb.andWhere('v.project_id = :projectId', { projectId: query.projectId });
    this.applyFilters(qb, query);
    const page = await keysetPage(qb, 'v', query);
    return { items: page.items.map(toVisitView), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<VisitView> {
    const visit = await this.withProject(this.db.createQueryBuilder(Visit, 'v')).where('v.id = :id', { id }).getOne();
    if (!visit) throw notFound('走访记录');
    await this.access.require(actor, visit.projectId, 'read');
    return toVisitView(visit);
  }

  async create(actor: Actor, projectId: string, dto: CreateVisitDto): Promise<VisitView> {
    const occurredAt = this.occurredAt(dto.occurredAt);
    const nextFollowUpAt = dto.nextFollowUpAt ? parseTimestamp(dto.nextFollowUpAt, 'nextFollowUpAt') : null;
    assertFollowUpAfter(occurredAt, nextFollowUpAt);
    const id = await this.db.transaction(async (tx) => {
      const project = await this.access.require(actor, projectId, 'write', { manager: tx, lock: true });
      await this.assertParticipants(tx, project, dto.officerIds, dto.contactIds);
      const visit = await tx.save(tx.create(Visit, {
        projectId,
        kind: dto.kind,
        occurredAt,
        place: dto.place ?? null,
        officerIds: unique(dto.officerIds),
        contactIds: unique(dto.contactIds),
        otherParticipants: dto.otherParticipants ?? null,
        summary: dto.summary,
        outcome: dto.outcome ?? null,
        nextStep: dto.nextStep ?? null,
        nextFollowUpAt,
        createdById: actor.id,
      }));
      await this.projects.touchActivity(tx, projectId, earliest(occurredAt, new Date()));
      if (nextFollowUpAt) {
        await this.tasks.createInTransaction(tx, actor, project, {
          title: followUpTitle(visit), dueAt: nextFollowUpAt, assigneeId: project.ownerId, visitId: visit.id,
        });
      }
      return visit.id;
    });
    return this.get(actor, id);
  }

  /** A changed `nextFollowUpAt` moves (or creates, or removes) the visit's open follow-up task. */
  async update(actor: Actor, id: string, dto: UpdateVisitDto): Promise<VisitView> {
    await this.db.transaction(async (tx) => {
      const visit = await this.load(tx, id);
      const project = await this.access.require(actor, visit.projectId, 'write', { manager: tx, lock: true });
      const { version, occurredAt: occurredText, nextFollowUpAt: followUpText, officerIds, contactIds, ...fields } = dto;
      const changes: Partial<Visit> = definedOnly(fields);
      if (occurredText !== undefined) changes.occurredAt = this.occurredAt(occurredText);
      if (followUpText !== undefined) changes.nextFollowUpAt = followUpText === null ? null : parseTimestamp(followUpText, 'nextFollowUpAt');
      if (officerIds !== undefined) changes.officerIds = unique(officerIds ?? undefined);
      if (contactIds !== undefined) changes.contactIds = unique(contactIds ?? undefined);
      const next = { ...visit, ...changes };
      assertFollowUpAfter(next.occurredAt, next.nextFollowUpAt);
      await this.assertParticipants(tx, project, changes.officerIds, changes.contactIds);
      await updateWithVersion(tx, Visit, id, version, changes);
      if (changes.occurredAt) await this.projects.touchActivity(tx, project.id, earliest(changes.occurredAt, new Date()));
      if (changes.nextFollowUpAt !== undefined && changes.nextFollowUpAt?.getTime() !== visit.nextFollowUpAt?.getTime()) {
        await this.tasks.syncVisitFollowUp(tx, actor, project, id, changes.nextFollowUpAt, followUpTitle(next));
      }
    });
    return this.get(actor, id);
  }

  /** Deletes softly, and with it the visit's open follow-up task. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const visit = await this.load(tx, id);
      await this.access.require(actor, visit.projectId, 'write', { manager: tx, lock: true });
      const at = new Date();
      await tx.update(Visit, { id }, { deletedAt: at });
      await this.tasks.removeVisitFollowUps(tx, id, visit.projectId, at);
    });
  }

  /** Brings back the visit and the follow-up task its deletion took along. */
  async restore(actor: Actor, id: string): Promise<VisitView> {
    await this.db.transaction(async (tx) => {
      const visit = await tx.findOne(Visit, { where: { id }, withDeleted: true });
      if (!visit?.deletedAt) throw notFound('已删除的走访记录');
      await this.access.require(actor, visit.projectId, 'write', { manager: tx, lock: true });
      await tx.restore(Visit, { id });
      await this.tasks.restoreVisitFollowUps(tx, id, visit.projectId, visit.deletedAt);
    });
    return this.get(actor, id);
  }

  private withProject(qb: SelectQueryBuilder<Visit>): SelectQueryBuilder<Visit> {
    return qb.innerJoin('v.project', 'p').addSelect(['p.id', 'p.name']);
  }

  private applyFilters(qb: SelectQueryBuilder<Visit>, query: ListProjectVisitsQueryDto): void {
    if (query.kind) qb.andWhere('v.kind = :kind', { kind: query.kind });
    if (query.from) {
      if (isDateOnlyText(query.from, 'from')) {
        qb.andWhere(`v.occurred_at >= (CAST(:fromDate AS date)::timestamp AT TIME ZONE :fromTz)`, { fromDate: query.from, fromTz: this.env.TZ_PARK });
      } else {
        qb.andWhere('v.occurred_at >= :fromAt', { fromAt: parseTimestamp(query.from, 'from') });
      }
    }
    if (query.to) {
      if (isDateOnlyText(query.to, 'to')) {
        qb.andWhere(`v.occurred_at < ((CAST(:toDate AS date) + 1)::timestamp AT TIME ZONE :toTz)`, { toDate: query.to, toTz: this.env.TZ_PARK });
      } else {
        qb.andWhere('v.occurred_at <= :toAt', { toAt: parseTimestamp(query.to, 'to') });
      }
    }
  }

  private async load(tx: EntityManager, id: string): Promise<Visit> {
    const visit = await tx.findOne(Visit, { where: { id } });
    if (!visit) throw notFound('走访记录');
    return visit;
  }

  private occurredAt(text: string): Date {
    const at = parseTimestamp(text, 'occurredAt');
    if (at.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
      throw validationError('occurredAt', 'occurredAt 不能晚于明天此时 (at most one day in the future)');
    }
    return at;
  }

  /** Officers must be active users of the project's park branch; contacts must be the project's company's. */
  private async assertParticipants(tx: EntityManager, project: Project, officerIds?: string[] | null, contactIds?: string[] | null): Promise<void> {
    if (officerIds?.length) await assertProjectPeople(tx, project.parkId, officerIds, 'officerIds');
    const contacts = unique(contactIds ?? undefined);
    if (contacts.length) {
      const rows: { id: string }[] = await tx.query(
        `SELECT id FROM contacts WHERE id = ANY($1::uuid[]) AND company_id = $2 AND deleted_at IS NULL`,
        [contacts, project.companyId],
      );
      if (rows.length !== contacts.length) {
        throw validationError('contactIds', 'contactIds 须为本项目企业的联系人 (must be contacts of the project’s company)');
      }
    }
  }
}

function assertFollowUpAfter(occurredAt: Date, nextFollowUpAt: Date | null): void {
  if (nextFollowUpAt && nextFollowUpAt.getTime() < occurredAt.getTime()) {
    throw validationError('nextFollowUpAt', 'nextFollowUpAt 不能早于 occurredAt (the follow-up cannot precede the visit)');
  }
}

function isDateOnlyText(text: string, field: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  if (!isDateOnly(text)) throw validationError(field, `${field} 不是有效日期 (invalid date)`);
  return true;
}

/** `跟进：` and the next step (or the summary) cut to a short line. */
export function followUpTitle(visit: Pick<Visit, 'nextStep' | 'summary'>): string {
  const text = (visit.nextStep?.trim() || visit.summary).replace(/\s+/g, ' ').trim();
  const chars = [...text];
  return `跟进：${chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : text}`;
}

function unique(ids: string[] | undefined): string[] {
  return [...new Set((ids ?? []).map((id) => id.toLowerCase()))];
}

function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

