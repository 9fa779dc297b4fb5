import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Env } from '@zs/config';
import { cancelResolvedDeliveries, Company, Contact, Lead, Park } from '@zs/db';
import {
  checkCreditCode, DomainError, ErrorCode, nameBigrams, normalizeCompanyName, normalizeCreditCode, normalizeMobile,
  toZonedDate, validationError, type WorkCalendar,
} from '@zs/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, inScope, isManagerOrAdmin, parkScope } from '../common/actor';
import { forbidden, notFound, updateWithVersion } from '../common/optimistic-update';
import { keysetPage, Page } from '../common/pagination';
import { nameSearch } from '../common/search';
import { applyDeletedFilter } from '../common/soft-delete';
import { CompaniesService } from '../companies/companies.service';
import { CompanyView, toCompanyView } from '../companies/company.view';
import { ContactView, toContactView } from '../companies/contact.view';
import { ContactsService } from '../companies/contacts.service';
import { CalendarService } from '../calendar/calendar.service';
import { DictionariesService } from '../dictionaries/dictionaries.service';
import { parkSubtreeFilter } from '../parks/park-subtree';
import type { CreateProjectDto } from '../projects/dto/project.dto';
import { ProjectsService } from '../projects/projects.service';
import { ConvertLeadDto, ConvertLeadResult } from './dto/convert-lead.dto';
import { AssignLeadDto, CreateLeadDto, ListLeadsQueryDto, ScreenLeadDto, UpdateLeadDto } from './dto/lead.dto';
import { LeadDuplicatesService } from './lead-duplicates.service';
import { LeadDuplicates, LeadView, toLeadView } from './lead.view';
import { screeningDueOn } from './screening-due';

/**
 * 招商线索: logged by anyone, assigned by managers, screened (研判) by the assignee, converted into a project (with
 * its company and contact) or rejected. Officers and leaders see the leads they reported or were assigned;
 * managers and admins every lead of their park subtree; anything else is 404.
 */
@Injectable()
export class LeadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dictionaries: DictionariesService,
    private readonly companies: CompaniesService,
    private readonly contacts: ContactsService,
    private readonly projects: ProjectsService,
    private readonly duplicates: LeadDuplicatesService,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly calendars: CalendarService,
  ) {}

  async create(actor: Actor, dto: CreateLeadDto): Promise<LeadView> {
    if (dto.assigneeId && dto.assigneeId !== actor.id && !isManagerOrAdmin(actor)) {
      throw forbidden('专员只能将线索分派给自己 (officers may assign a lead only to themselves)');
    }
    const now = this.clock.now();
    const parkId = dto.parkId ?? actor.parkId;
    if (!inScope(actor, parkId) || !(await this.db.manager.existsBy(Park, { id: parkId }))) throw validationError('parkId', '园区不存在 (unknown park)');
    await this.assertFields(actor, dto, now);
    if (dto.assigneeId) await this.assertAssignee(this.db.manager, dto.assigneeId, parkId);
    const lead = this.db.manager.create(Lead, {
      parkId,
      title: dto.title,
      companyId: dto.companyId ?? null,
      creditCode: creditCodeOf(dto.creditCode),
      contactName: blankToNull(dto.contactName),
      industry: dto.industry,
      channel: dto.channel,
      referrer: blankToNull(dto.referrer),
      originRegion: dto.originRegion ?? null,
      estimatedInvestment: dto.estimatedInvestment ?? null,
      summary: dto.summary,
      receivedOn: dto.receivedOn,
      reportedById: actor.id,
      ...nameColumns(dto.title, dto.companyName),
      ...mobileColumns(dto.contactMobile),
      ...(dto.assigneeId ? this.assignment(dto.assigneeId, now, await this.calendars.calendar()) : { status: 'new' as const }),
    });
    await this.db.manager.insert(Lead, lead);
    return toLeadView(await this.db.manager.findOneByOrFail(Lead, { id: lead.id }));
  }

  async list(actor: Actor, query: ListLeadsQueryDto): Promise<Page<LeadView>> {
    const visible = this.visibleCondition(actor, 'l');
    const qb = this.db.createQueryBuilder(Lead, 'l').where(visible.sql, visible.params);
    applyDeletedFilter(qb, 'l', actor, query.deleted);
    const me = (id: string) => (id === 'me' ? actor.id : id);
    if (query.status) qb.andWhere('l.status = :status', { status: query.status });
    if (query.assigneeId) qb.andWhere('l.assignee_id = :assigneeId', { assigneeId: me(query.assigneeId) });
    if (query.reportedById) qb.andWhere('l.reported_by_id = :reportedById', { reportedById: me(query.reportedById) });
    if (query.channel) qb.andWhere('l.channel = :channel', { channel: query.channel });
    if (query.industry) qb.andWhere('l.industry = :industry', { industry: query.industry });
    if (query.receivedFrom) qb.andWhere('l.received_on >= :receivedFrom', { receivedFrom: query.receivedFrom });
    if (query.receivedTo) qb.andWhere('l.received_on <= :receivedTo', { receivedTo: query.receivedTo });
    if (query.parkId) {
      const subtree = parkSubtreeFilter('l.park_id', query.parkId);
      qb.andWhere(subtree.sql, subtree.params);
    }
    if (query.q?.trim()) {
      // One bigram column holds the bigrams of title and company name; ILIKE confirms the substring in either.
      const search = nameSearch('l', query.q, 'title');
      const like = '(l.title ILIKE :qLike OR l.company_name ILIKE :qLike)';
      qb.andWhere(search.params.qGrams ? `(l.name_bigrams @> :qGrams::text[] AND ${like})` : like, search.params);
    }
    const page = await keysetPage(qb, 'l', query);
    return { items: page.items.map(toLeadView), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<LeadView> {
    return toLeadView(await this.loadVisible(actor, id));
  }

  /** Any field but the workflow's; a converted lead is history (409). */
  async update(actor: Actor, id: string, dto: UpdateLeadDto): Promise<LeadView> {
    await this.db.transaction(async (tx) => {
      const lead = await this.loadVisible(actor, id, tx, true);
      if (lead.status === 'converted') throw conflict('已转化的线索不能修改 (a converted lead cannot be changed)');
      for (const key of REQUIRED_FIELDS) {
        if (dto[key] === null) throw validationError(key, `${key} 不能为空 (required)`);
      }
      await this.assertFields(actor, dto, this.clock.now());
      const { version, title, companyName, contactMobile, creditCode, ...fields } = dto;
      const changes: Partial<Lead> = defined(fields);
      for (const key of ['contactName', 'referrer'] as const) if (dto[key] !== undefined) changes[key] = blankToNull(dto[key]);
      if (title !== undefined || companyName !== undefined) {
        Object.assign(changes, { title: title ?? lead.title }, nameColumns(title ?? lead.title, companyName ?? lead.companyName));
      }
      if (contactMobile !== undefined) Object.assign(changes, mobileColumns(contactMobile));
      if (creditCode !== undefined) changes.creditCode = creditCodeOf(creditCode);
      await updateWithVersion(tx, Lead, id, version, changes);
    });
    return this.get(actor, id);
  }

  /** Soft delete: managers and admins (403 for others who can see it). */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.loadVisible(actor, id);
    if (!isManagerOrAdmin(actor)) throw forbidden('删除线索需要招商局领导或管理员 (managers only)');
    await this.db.manager.softDelete(Lead, { id });
  }

  /** Admins: brings a deleted lead back. */
  async restore(actor: Actor, id: string): Promise<LeadView> {
    const lead = await this.db.manager.findOne(Lead, { where: { id }, withDeleted: true });
    if (!lead || !lead.deletedAt || !inScope(actor, lead.parkId)) throw notFound('已删除的线索');
    await this.db.manager.restore(Lead, { id });
    return this.get(actor, id);
  }

  /**
   * Managers (the route checks the role): assigns or re-assigns the lead; its screening falls due
   * LEAD_SCREENING_WORKING_DAYS working days after the day of assignment. A lead already being pursued is
   * handed over (it stays `pursuing`); a converted or rejected one is closed (409).
   */
  async assign(actor: Actor, id: string, dto: AssignLeadDto): Promise<LeadView> {
    await this.db.transaction(async (tx) => {
      const lead = await this.loadVisible(actor, id, tx, true);
      if (lead.status === 'converted' || lead.status === 'rejected') {
        throw conflict(`线索已${lead.status === 'converted' ? '转化' : '驳回'}，不能再分派 (a ${lead.status} lead cannot be assigned)`);
      }
      await this.assertAssignee(tx, dto.assigneeId, lead.parkId);
      const now = this.clock.now();
      const changes = lead.status === 'pursuing' ? { assigneeId: dto.assigneeId, assignedAt: now } : this.assignment(dto.assigneeId, now, await this.calendars.calendar());
      await updateWithVersion(tx, Lead, id, lead.version, changes);
      await cancelResolvedDeliveries(tx, { subjectId: id }); // assigned: "not assigned" is resolved
    });
    return this.get(actor, id);
  }

  /** 研判: the assignee (managers and admins too) decides to pursue or reject an assigned lead. */
  async screen(actor: Actor, id: string, dto: ScreenLeadDto): Promise<LeadView> {
    await this.db.transaction(async (tx) => {
      const lead = await this.loadVisible(actor, id, tx, true);
      this.assertAssigneeOrManager(actor, lead, '研判');
      if (lead.status === 'new') throw conflict('线索尚未分派，不能研判 (assign the lead before screening it)');
      if (lead.status === 'converted' || lead.status === 'rejected') {
        throw conflict(`线索已${lead.status === 'converted' ? '转化' : '驳回'}，不能再研判 (a ${lead.status} lead cannot be screened)`);
      }
      await updateWithVersion(tx, Lead, id, lead.version, {
        status: dto.decision === 'pursue' ? 'pursuing' : 'rejected',
        screenedAt: this.clock.now(),
        screeningOpinion: dto.opinion,
        screeningNote: blankToNull(dto.note),
      });
      await cancelResolvedDeliveries(tx, { subjectId: id }); // screened: "not screened" is resolved
    });
    return this.get(actor, id);
  }

  /**
   * Converts a `pursuing` lead in ONE transaction: reuses or creates the company, creates the contact, creates
   * the project (stage `intention`, `leadId` set) through the companies' and projects' own services, and marks
   * the lead converted. Any failure rolls all of it back.
   */
  async convert(actor: Actor, id: string, dto: ConvertLeadDto): Promise<ConvertLeadResult> {
    if (dto.companyId && dto.company) {
      throw validationError('company', '请只提供 companyId 或 company 之一 (give companyId or company, not both)');
    }
    const { company, contact, projectId } = await this.db.transaction(async (tx) => {
      const lead = await this.loadVisible(actor, id, tx, true);
      this.assertAssigneeOrManager(actor, lead, '转化');
      if (lead.status !== 'pursuing') {
        throw conflict(lead.status === 'converted'
          ? '线索已转化 (the lead has already been converted)'
          : '只有研判为跟进 (pursuing) 的线索可以转化 (only a pursuing lead can be converted)');
      }
      const company = await this.companyFor(tx, actor, lead, dto);
      const contact = await this.contactFor(tx, actor, lead, company.id, dto);
      const project = await this.createProject(tx, actor, lead, company.id, dto);
      await updateWithVersion(tx, Lead, id, lead.version, {
        status: 'converted',
        projectId: project.id,
        companyId: company.id,
        convertedAt: this.clock.now(),
      });
      return { company, contact, projectId: project.id };
    });
    return { company, contact, project: await this.projects.get(actor, projectId) };
  }

  async findDuplicates(actor: Actor, id: string): Promise<LeadDuplicates> {
    const lead = await this.loadVisible(actor, id);
    return { items: await this.duplicates.find(actor, lead) };
  }

  // ——— conversion steps ———

  /** The explicit companyId, else the lead's company, else a live company with the same credit code, else a new one. */
  private async companyFor(tx: EntityManager, actor: Actor, lead: Lead, dto: ConvertLeadDto): Promise<CompanyView> {
    if (dto.companyId) {
      const company = await tx.findOneBy(Company, { id: dto.companyId });
      if (!company || !inScope(actor, company.parkId)) throw validationError('companyId', '企业不存在 (unknown company)');
      return toCompanyView(company);
    }
    if (lead.companyId) {
      const company = await tx.findOneBy(Company, { id: lead.companyId });
      if (company && inScope(actor, company.parkId)) return toCompanyView(company);
    }
    const creditCode = dto.company?.creditCode ? normalizeCreditCode(dto.company.creditCode) : lead.creditCode;
    if (creditCode) {
      const company = await tx.findOneBy(Company, { creditCode });
      if (company && inScope(actor, company.parkId)) return toCompanyView(company);
    }
    return this.companies.createInTransaction(tx, actor, {
      name: lead.companyName,
      creditCode: lead.creditCode,
      industry: lead.industry,
      country: 'CN',
      ...defined(dto.company),
      parkId: lead.parkId,
    }, { fieldPrefix: 'company' });
  }

  /**
   * A contact from `dto.contact` over the lead's contactName/contactMobile; none when neither names one. A live
   * contact of the company with the same mobile (or, without a mobile, the same name) is reused, not duplicated.
   */
  private async contactFor(tx: EntityManager, actor: Actor, lead: Lead, companyId: string, dto: ConvertLeadDto): Promise<ContactView | null> {
    if (!dto.contact && !lead.contactName) return null;
    const fields = { name: lead.contactName ?? undefined, mobile: lead.contactMobile, ...defined(dto.contact) };
    if (!fields.name?.trim()) throw validationError('contact.name', '联系人姓名必填 (contact.name is required: the lead has no contactName)');
    const mobileNorm = fields.mobile ? normalizeMobile(fields.mobile) || null : null;
    const existing = await tx.findOne(Contact, {
      where: mobileNorm ? { companyId, mobileNorm } : { companyId, name: fields.name },
      order: { createdAt: 'ASC' },
    });
    if (existing) return toContactView(existing);
    return this.contacts.createInTransaction(tx, actor, companyId, { ...fields, name: fields.name }, { fieldPrefix: 'contact' });
  }

  /** The project, its fields defaulting from the lead; validation errors name the request's `project.…` fields. */
  private async createProject(tx: EntityManager, actor: Actor, lead: Lead, companyId: string, dto: ConvertLeadDto) {
    const fields: CreateProjectDto = {
      name: lead.title,
      industry: lead.industry,
      channel: lead.channel,
      ...(lead.originRegion ? { originRegion: lead.originRegion } : {}),
      totalInvestment: lead.estimatedInvestment ?? 0,
      ownerId: lead.assigneeId ?? actor.id,
      ...defined(dto.project),
      companyId,
      parkId: lead.parkId,
    };
    try {
      return await this.projects.createInTransaction(tx, actor, fields, { leadId: lead.id });
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.Validation && error.details?.length) {
        const details = error.details.map((d) => ({ ...d, field: d.field.startsWith('project.') ? d.field : `project.${d.field}` }));
        throw new DomainError(ErrorCode.Validation, error.message, details);
      }
      throw error;
    }
  }

  // ——— rules shared by the operations ———

  /** Officers and leaders: the leads they reported or are assigned; managers and admins: their park subtree. */
  private visibleCondition(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const scope = parkScope(actor, `${alias}.park_id`);
    if (isManagerOrAdmin(actor)) return scope;
    return {
      sql: `${scope.sql} AND (${alias}.reported_by_id = :leadViewer OR ${alias}.assignee_id = :leadViewer)`,
      params: { ...scope.params, leadViewer: actor.id },
    };
  }

  /** A live lead the caller may see, else 404; `lock` takes a row lock in the transaction `manager`. */
  private async loadVisible(actor: Actor, id: string, manager: EntityManager = this.db.manager, lock = false): Promise<Lead> {
    const visible = this.visibleCondition(actor, 'l');
    const qb = manager.createQueryBuilder(Lead, 'l').where('l.id = :id', { id }).andWhere(visible.sql, visible.params);
    if (lock) qb.setLock('pessimistic_write');
    const lead = await qb.getOne();
    if (!lead) throw notFound('线索');
    return lead;
  }

  private assertAssigneeOrManager(actor: Actor, lead: Lead, what: string): void {
    if (lead.assigneeId !== actor.id && !isManagerOrAdmin(actor)) {
      throw forbidden(`只有线索的承办人或招商局领导可以${what} (only the assignee or a manager may do this)`);
    }
  }

  /** The dictionary keys, the company, the credit code and the received date of a create or update. */
  private async assertFields(actor: Actor, dto: Partial<CreateLeadDto>, now: Date): Promise<void> {
    if (dto.industry !== undefined) await this.dictionaries.assertKey('industries', dto.industry, 'industry');
    if (dto.originRegion) await this.dictionaries.assertKey('regions', dto.originRegion, 'originRegion');
    if (dto.creditCode) creditCodeOf(dto.creditCode);
    if (dto.companyId) {
      const company = await this.db.manager.findOneBy(Company, { id: dto.companyId });
      if (!company || !inScope(actor, company.parkId)) throw validationError('companyId', '企业不存在 (unknown company)');
    }
    if (dto.receivedOn && dto.receivedOn > toZonedDate(now, this.env.TZ_PARK)) {
      throw validationError('receivedOn', 'receivedOn 不能晚于今天 (the day a lead came in cannot be in the future)');
    }
  }

  /** An active user whose park subtree covers the lead's park (so that they can see it), else 400 naming assigneeId. */
  private async assertAssignee(manager: EntityManager, userId: string, parkId: string): Promise<void> {
    const [ok] = await manager.query(
      `SELECT 1 FROM users u JOIN parks up ON up.id = u.park_id JOIN parks lp ON lp.id = $2
        WHERE u.id = $1 AND u.disabled_at IS NULL AND lp.path LIKE up.path || '%'`,
      [userId, parkId],
    );
    if (!ok) throw validationError('assigneeId', 'assigneeId 不是本园区的有效用户 (not an active user of the lead’s park)');
  }

  /** The columns of an assignment at `now`: status assigned, the screening due date on the working-day calendar. */
  private assignment(assigneeId: string, now: Date, calendar: WorkCalendar): Pick<Lead, 'assigneeId' | 'assignedAt' | 'status' | 'screeningDueOn'> {
    return {
      assigneeId,
      assignedAt: now,
      status: 'assigned',
      screeningDueOn: screeningDueOn(now, this.env.TZ_PARK, this.env.LEAD_SCREENING_WORKING_DAYS, calendar),
    };
  }
}

const REQUIRED_FIELDS = ['title', 'companyName', 'industry', 'channel', 'summary', 'receivedOn'] as const;

/** The keys of `value` that are set (DTO instances may carry declared-but-absent fields as undefined). */
function defined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function conflict(message: string): DomainError {
  return new DomainError(ErrorCode.Conflict, message);
}

function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}

/** A verified, normalised credit code (400 naming creditCode when the check character is wrong); blank → null. */
function creditCodeOf(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  const code = normalizeCreditCode(raw);
  const check = checkCreditCode(code);
  if (!check.valid) throw validationError('creditCode', `${check.reason} (${check.reasonEn})`);
  return code;
}

/**
 * The duplicate check's and the `q` search's columns: `companyNameNorm` (legal-form words removed, trigram-indexed)
 * and `nameBigrams` = the union of the title's and the company name's bigrams (one GIN index serves `q` over both).
 */
function nameColumns(title: string, companyName: string): Pick<Lead, 'companyName' | 'companyNameNorm' | 'nameBigrams'> {
  return {
    companyName,
    companyNameNorm: normalizeCompanyName(companyName).slice(0, 200),
    nameBigrams: [...new Set([...nameBigrams(title), ...nameBigrams(companyName)])],
  };
}

function mobileColumns(mobile: string | null | undefined): Pick<Lead, 'contactMobile' | 'contactMobileNorm'> {
  const contactMobile = blankToNull(mobile);
  return { contactMobile, contactMobileNorm: contactMobile ? normalizeMobile(contactMobile).slice(0, 32) || null : null };
}
