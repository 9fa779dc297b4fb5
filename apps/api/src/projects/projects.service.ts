import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Env } from '@zs/config';
import { Agreement, cancelResolvedDeliveries, Company, FieldChange, Milestone, Park, Project, StageChange } from '@zs/db';
import {
  formatProjectCode, MILESTONE_KEYS, nameBigrams, planTransition, toZonedDate, validationError,
  type AgreementKind,
} from '@zs/domain';
import { DataSource, EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Actor, inScope, isManagerOrAdmin } from '../common/actor';
import { forbidden, notFound, updateWithVersion } from '../common/optimistic-update';
import { Page } from '../common/pagination';
import { applyDeletedFilter } from '../common/soft-delete';
import { DictionariesService } from '../dictionaries/dictionaries.service';
import { CreateProjectDto, ListProjectsQueryDto, type ProjectFilters, TransitionDto, UpdateProjectDto } from './dto/project.dto';
import { applyProjectCursor, narrowToSearch, projectListPage } from './project-list';
import { ProjectAccessService } from './project-access.service';
import { ProjectHistory, ProjectView, toProjectView } from './project.view';

/** Fields whose every change is kept in the project's history. */
const TRACKED_FIELDS = [
  'name', 'companyId', 'industry', 'channel', 'originRegion', 'totalInvestment', 'fixedAssetInvestment', 'registeredCapital',
  'landAreaMu', 'expectedAnnualOutput', 'expectedTax', 'expectedJobs', 'buildType', 'phase', 'ownerId', 'leaderId',
  'assistantIds', 'confidential', 'projectCode', 'landDeliveredOn', 'constructionStartedOn', 'completedOn', 'productionStartedOn',
] as const satisfies readonly (keyof Project)[];

export interface ProjectOrigin {
  leadId?: string;
}

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ProjectAccessService,
    private readonly dictionaries: DictionariesService,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateProjectDto): Promise<ProjectView> {
    const project = await this.db.transaction((tx) => this.createInTransaction(tx, actor, dto));
    return this.get(actor, project.id);
  }

  /**
   * Creates a project in stage `intention` with its code, its permit chain (前期手续) and the first history
   * entry, inside the caller's transaction (lead conversion uses it too).
   */
  async createInTransaction(tx: EntityManager, actor: Actor, dto: CreateProjectDto, origin: ProjectOrigin = {}): Promise<Project> {
    const parkId = dto.parkId ?? actor.parkId;
    if (!inScope(actor, parkId) || !(await tx.existsBy(Park, { id: parkId }))) throw validationError('parkId', '园区不存在 (unknown park)');
    if (!isManagerOrAdmin(actor) && ![dto.ownerId, dto.leaderId, ...(dto.assistantIds ?? [])].includes(actor.id)) {
      throw forbidden('专员只能创建自己参与的项目 (officers create projects on whose team they are)');
    }
    await this.assertReferences(tx, actor, parkId, dto);
    const now = this.clock.now();
    const year = Number(toZonedDate(now, this.env.TZ_PARK).slice(0, 4));
    const [{ last }] = await tx.query(
      `INSERT INTO project_code_counters (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = project_code_counters.last + 1 RETURNING last`,
      [year],
    );
    const { parkId: _ignored, ...fields } = dto;
    const project = await tx.save(tx.create(Project, {
      ...fields,
      parkId,
      code: formatProjectCode(year, last),
      nameBigrams: nameBigrams(dto.name),
      assistantIds: dto.assistantIds ?? [],
      stage: 'intention',
      stageEnteredAt: now,
      lastActivityAt: now,
      leadId: origin.leadId ?? null,
      createdById: actor.id,
    }));
    await tx.insert(StageChange, { projectId: project.id, fromStage: null, toStage: 'intention', occurredAt: now, byId: actor.id, note: null });
    await tx.insert(Milestone, MILESTONE_KEYS.map((key, index) => ({ projectId: project.id, key, sortOrder: (index + 1) * 10, status: 'pending' as const })));
    return project;
  }

  async list(actor: Actor, query: ListProjectsQueryDto): Promise<Page<ProjectView>> {
    const qb = this.listQuery(actor, query);
    applyProjectCursor(qb, query);
    return projectListPage(qb, query);
  }

  /**
   * The projects the caller may read, narrowed by the list's filters and `q` (alias `p`, no columns, no order):
   * the list reads it a page at a time, the ledger export walks it whole. Throws for a refused filter
   * (`deleted=true` for a non-admin).
   */
  listQuery(actor: Actor, query: ProjectFilters): SelectQueryBuilder<Project> {
    const readable = this.access.readableCondition(actor, 'p');
    const qb = this.db.createQueryBuilder(Project, 'p')
      .where(readable.sql.replace('p.deleted_at IS NULL', 'TRUE'), readable.params);
    applyDeletedFilter(qb, 'p', actor, query.deleted);
    const me = (id?: string) => (id === 'me' ? actor.id : id);
    if (query.stage) qb.andWhere('p.stage = :stage', { stage: query.stage });
    if (query.industry) qb.andWhere('p.industry = :industry', { industry: query.industry });
    if (query.channel) qb.andWhere('p.channel = :channel', { channel: query.channel });
    if (query.originRegion) qb.andWhere('p.origin_region = :originRegion', { originRegion: query.originRegion });
    if (query.ownerId) qb.andWhere('p.owner_id = :ownerId', { ownerId: me(query.ownerId) });
    if (query.leaderId) qb.andWhere('p.leader_id = :leaderId', { leaderId: me(query.leaderId) });
    if (query.companyId) qb.andWhere('p.company_id = :companyId', { companyId: query.companyId });
    if (query.confidential !== undefined) qb.andWhere('p.confidential = :confidential', { confidential: query.confidential });
    if (query.minInvestment !== undefined) qb.andWhere('p.total_investment >= :minInvestment', { minInvestment: query.minInvestment });
    if (query.maxInvestment !== undefined) qb.andWhere('p.total_investment <= :maxInvestment', { maxInvestment: query.maxInvestment });
    if (query.over100m) qb.andWhere('p.total_investment >= 10000');
    if (query.parkId) {
      qb.andWhere(`p.park_id IN (SELECT s.id FROM parks s WHERE s.path LIKE (SELECT t.path FROM parks t WHERE t.id = :filterPark) || '%')`, { filterPark: query.parkId });
    }
    if (query.q) narrowToSearch(qb, query.q);
    return qb;
  }

  async get(actor: Actor, id: string): Promise<ProjectView> {
    const project = await this.access.require(actor, id, 'read');
    project.company = (await this.db.manager.findOne(Company, { where: { id: project.companyId }, withDeleted: true })) ?? undefined;
    return toProjectView(project);
  }

  async update(actor: Actor, id: string, dto: UpdateProjectDto): Promise<ProjectView> {
    await this.db.transaction(async (tx) => {
      const current = await this.access.require(actor, id, 'write', { manager: tx, lock: true });
      const { version, ...fields } = dto;
      if (current.version !== version) await updateWithVersion(tx, Project, id, version, {}); // throws 409
      await this.assertReferences(tx, actor, current.parkId, { ...current, ...fields });
      const changes: Partial<Project> = { ...fields };
      if (fields.name) changes.nameBigrams = nameBigrams(fields.name);
      const diffs = diffFields(current, fields);
      await updateWithVersion(tx, Project, id, version, { ...changes, lastActivityAt: this.clock.now() });
      if (diffs.length) {
        await this.recordChanges(tx, actor, id, diffs);
      }
      // a change is progress (stale project), and may meet a committed date: stop those reminders now
      await cancelResolvedDeliveries(tx, { projectId: id });
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.access.require(actor, id, 'write');
    if (!isManagerOrAdmin(actor)) throw forbidden('删除项目需要招商局领导或管理员 (managers only)');
    await this.db.manager.softDelete(Project, { id });
  }

  async restore(actor: Actor, id: string): Promise<ProjectView> {
    const project = await this.db.manager.findOne(Project, { where: { id }, withDeleted: true });
    if (!project || !project.deletedAt || !inScope(actor, project.parkId)) throw notFound('已删除的项目');
    await this.db.manager.restore(Project, { id });
    return this.get(actor, id);
  }

  /** A stage move checked by the pure stage machine against the project's real records, kept in the history. */
  async transition(actor: Actor, id: string, dto: TransitionDto): Promise<ProjectView> {
    await this.db.transaction(async (tx) => {
      const project = await this.access.require(actor, id, 'write', { manager: tx, lock: true });
      const kinds = await tx.createQueryBuilder(Agreement, 'a').select('DISTINCT a.kind', 'kind')
        .where('a.project_id = :id AND a.deleted_at IS NULL', { id }).getRawMany<{ kind: AgreementKind }>();
      const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : null;
      if (occurredAt && Number.isNaN(occurredAt.getTime())) throw validationError('occurredAt', 'occurredAt 不是有效时间 (invalid timestamp)');
      const plan = planTransition({
        from: project.stage,
        to: dto.to,
        previousStage: project.previousStage,
        note: dto.note,
        occurredAt,
        now: this.clock.now(),
        currentStageEnteredAt: project.stageEnteredAt,
        timeZone: this.env.TZ_PARK,
        evidence: {
          agreementKinds: kinds.map((k) => k.kind),
          landDeliveredOn: project.landDeliveredOn,
          constructionStartedOn: project.constructionStartedOn,
          productionStartedOn: project.productionStartedOn,
        },
      });
      const leavingPath = plan.kind === 'hold' || plan.kind === 'drop';
      await updateWithVersion(tx, Project, id, project.version, {
        stage: plan.to,
        stageEnteredAt: plan.occurredAt,
        previousStage: leavingPath ? (project.stage as Project['previousStage']) : plan.kind === 'reactivate' ? null : project.previousStage,
        lastActivityAt: this.clock.now(),
        ...plan.dateFields,
      });
      await tx.insert(StageChange, { projectId: id, fromStage: plan.from, toStage: plan.to, occurredAt: plan.occurredAt, byId: actor.id, note: dto.note ?? null });
      const dateDiffs = diffFields(project, plan.dateFields);
      if (dateDiffs.length) {
        await this.recordChanges(tx, actor, id, dateDiffs);
      }
      // reaching a stage meets its committed date and resets the stale clock: stop those reminders now
      await cancelResolvedDeliveries(tx, { projectId: id });
    });
    return this.get(actor, id);
  }

  async history(actor: Actor, id: string): Promise<ProjectHistory> {
    await this.access.require(actor, id, 'read');
    const stages = await this.db.query(
      `SELECT s.from_stage, s.to_stage, s.occurred_at, s.note, u.id AS by_id, u.display_name
         FROM project_stage_changes s LEFT JOIN users u ON u.id = s.by_id
        WHERE s.project_id = $1 ORDER BY s.occurred_at, s.created_at`,
      [id],
    );
    const changes = await this.db.query(
      `SELECT f.field, f.from_value, f.to_value, f.at, u.id AS by_id, u.display_name
         FROM project_field_changes f LEFT JOIN users u ON u.id = f.by_id
        WHERE f.project_id = $1 ORDER BY f.at, f.id`,
      [id],
    );
    const by = (row: { by_id: string | null; display_name: string | null }) => (row.by_id ? { id: row.by_id, displayName: row.display_name ?? '' } : null);
    return {
      stages: stages.map((r: any) => ({ from: r.from_stage, to: r.to_stage, at: r.occurred_at, by: by(r), note: r.note })),
      changes: changes.map((r: any) => ({ field: r.field, from: r.from_value, to: r.to_value, at: r.at, by: by(r) })),
    };
  }

  /**
   * Keeps `nextFollowUpAt` equal to the earliest open task's due time (called by the tasks service after every
   * task change), and cancels the pending reminders of tasks done, moved or deleted in the same transaction.
   */
  async refreshNextFollowUp(tx: EntityManager, projectId: string): Promise<void> {
    await tx.query(
      `UPDATE projects SET next_follow_up_at = (SELECT min(t.due_at) FROM tasks t WHERE t.project_id = $1 AND t.done_at IS NULL AND t.deleted_at IS NULL)
        WHERE id = $1`,
      [projectId],
    );
    await cancelResolvedDeliveries(tx, { projectId });
  }

  /**
   * Marks activity on a project (a visit, a record added), which the stale-project rule reads. Called after a
   * record changed (a milestone done, a blocker resolved, an agreement's dates …): the pending reminders whose
   * cause that resolved are cancelled in the same transaction.
   */
  async touchActivity(tx: EntityManager, projectId: string, at = this.clock.now()): Promise<void> {
    await tx.query(`UPDATE projects SET last_activity_at = GREATEST(last_activity_at, $2) WHERE id = $1`, [projectId, at]);
    await cancelResolvedDeliveries(tx, { projectId });
  }

  private async recordChanges(tx: EntityManager, actor: Actor, projectId: string, diffs: FieldDiff[]): Promise<void> {
    const at = this.clock.now();
    const rows = diffs.map((d) => ({ projectId, field: d.field, fromValue: d.from, toValue: d.to, at, byId: actor.id }));
    await tx.insert(FieldChange, rows as QueryDeepPartialEntity<FieldChange>[]);
  }

  /** The company must be one the caller's parks hold; people must be active users whose parks cover the project's park. */
  private async assertReferences(tx: EntityManager, actor: Actor, parkId: string, dto: References): Promise<void> {
    if (dto.industry) await this.dictionaries.assertKey('industries', dto.industry, 'industry');
    if (dto.originRegion) await this.dictionaries.assertKey('regions', dto.originRegion, 'originRegion');
    if (dto.companyId) {
      const company = await tx.findOne(Company, { where: { id: dto.companyId } });
      if (!company || !inScope(actor, company.parkId)) throw validationError('companyId', '企业不存在 (unknown company)');
    }
    const people: [string, string | null | undefined][] = [['ownerId', dto.ownerId], ['leaderId', dto.leaderId], ...(dto.assistantIds ?? []).map((id) => ['assistantIds', id] as [string, string])];
    for (const [field, userId] of people) {
      if (!userId) continue;
      const [ok] = await tx.query(
        `SELECT u.role FROM users u JOIN parks up ON up.id = u.park_id JOIN parks pp ON pp.id = $2
          WHERE u.id = $1 AND u.disabled_at IS NULL AND pp.path LIKE up.path || '%'`,
        [userId, parkId],
      );
      if (!ok) throw validationError(field, `${field} 不是本园区的有效用户 (not an active user of the project's park)`);
      if (field === 'leaderId' && !['leader', 'manager', 'admin'].includes(ok.role)) {
        throw validationError('leaderId', '包抓领导须为领导或招商局领导 (the leading official must be a leader or manager)');
      }
    }
  }
}

interface FieldDiff {
  field: string;
  from: unknown;
  to: unknown;
}

interface References {
  industry?: string;
  originRegion?: string | null;
  companyId?: string;
  ownerId?: string;
  leaderId?: string | null;
  assistantIds?: string[];
}

function diffFields(current: Project, next: Partial<Record<string, unknown>>): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const field of TRACKED_FIELDS) {
    if (!(field in next) || next[field] === undefined) continue;
    const before = current[field] ?? null;
    const after = next[field] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) diffs.push({ field, from: before, to: after });
  }
  return diffs;
}
