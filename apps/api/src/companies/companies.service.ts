import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Company, Contact, Park, Project } from '@zs/db';
import { checkCreditCode, DomainError, ErrorCode, nameBigrams, normalizeCompanyName, normalizeCreditCode, validationError } from '@zs/domain';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor, inScope, isManagerOrAdmin, parkScope } from '../common/actor';
import { notFound, updateWithVersion } from '../common/optimistic-update';
import { keysetPage, Page } from '../common/pagination';
import { nameSearch } from '../common/search';
import { applyDeletedFilter } from '../common/soft-delete';
import { DictionariesService } from '../dictionaries/dictionaries.service';
import { parkSubtreeFilter } from '../parks/park-subtree';
import { CompanyDetailView, CompanyProjectSummary, CompanyView, toCompanyProjectSummary, toCompanyView } from './company.view';
import { toContactView } from './contact.view';
import { CreateCompanyDto, ListCompaniesQueryDto, UpdateCompanyDto } from './dto/company.dto';

/** Options of the `…InTransaction` methods other modules call: `fieldPrefix` names fields in errors (`company.creditCode`). */
export interface NestedWriteOptions {
  fieldPrefix?: string;
}

const CREDIT_CODE_INDEX = 'IDX_companies_credit_code_live';

/** 客商/企业: readable and writable by every signed-in user of the company's park subtree; deletes need a manager. */
@Injectable()
export class CompaniesService {
  constructor(
    @InjectRepository(Company) private readonly companies: Repository<Company>,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly dictionaries: DictionariesService,
  ) {}

  async create(actor: Actor, dto: CreateCompanyDto): Promise<CompanyView> {
    return this.db.transaction((tx) => this.createInTransaction(tx, actor, dto));
  }

  /**
   * Creates a company inside the caller's transaction (lead conversion, imports): validates the credit code
   * (check character, unique among live companies), the industry key and the park, as `POST /api/companies` does.
   */
  async createInTransaction(manager: EntityManager, actor: Actor, dto: CreateCompanyDto, options: NestedWriteOptions = {}): Promise<CompanyView> {
    const field = fieldNamer(options);
    const creditCode = creditCodeOf(dto.creditCode, field('creditCode')) ?? null;
    if (creditCode) await assertCreditCodeFree(manager, creditCode, field('creditCode'));
    await this.dictionaries.assertKey('industries', dto.industry, field('industry'));
    const parkId = await resolvePark(manager, actor, dto.parkId, field('parkId'));
    const company = manager.create(Company, {
      parkId,
      ...nameColumns(dto.name),
      creditCode,
      country: dto.country,
      province: blankToNull(dto.province),
      city: blankToNull(dto.city),
      industry: dto.industry,
      size: blankToNull(dto.size),
      listed: dto.listed ?? false,
      website: blankToNull(dto.website),
      registeredCapital: dto.registeredCapital ?? null,
      createdById: actor.id,
    });
    try {
      await manager.insert(Company, company);
    } catch (error) {
      throw creditCodeClash(error, field('creditCode')) ?? error;
    }
    return toCompanyView(await manager.findOneByOrFail(Company, { id: company.id }));
  }

  async list(actor: Actor, query: ListCompaniesQueryDto): Promise<Page<CompanyView>> {
    const scope = parkScope(actor, 'c.park_id');
    const qb = this.companies.createQueryBuilder('c').where(scope.sql, scope.params);
    applyDeletedFilter(qb, 'c', actor, query.deleted);
    if (query.q?.trim()) {
      const search = nameSearch('c', query.q);
      qb.andWhere(`(${search.sql} OR c.credit_code = :qCode)`, { ...search.params, qCode: normalizeCreditCode(query.q) });
    }
    if (query.industry) qb.andWhere('c.industry = :industry', { industry: query.industry });
    if (query.country) qb.andWhere('c.country = :country', { country: query.country });
    if (query.creditCode) qb.andWhere('c.credit_code = :creditCode', { creditCode: normalizeCreditCode(query.creditCode) });
    if (query.parkId) {
      const subtree = parkSubtreeFilter('c.park_id', query.parkId);
      qb.andWhere(subtree.sql, subtree.params);
    }
    const page = await keysetPage(qb, 'c', query);
    return { items: page.items.map(toCompanyView), nextCursor: page.nextCursor };
  }

  /** The company with its live contacts (primary first) and the live projects the caller may see. */
  async get(actor: Actor, id: string): Promise<CompanyDetailView> {
    const company = await this.loadInScope(actor, id);
    const [contacts, projects] = await Promise.all([
      this.contacts.find({ where: { companyId: id }, order: { primary: 'DESC', createdAt: 'ASC', id: 'ASC' } }),
      this.visibleProjects(actor, id),
    ]);
    return { ...toCompanyView(company), contacts: contacts.map(toContactView), projects };
  }

  async update(actor: Actor, id: string, dto: UpdateCompanyDto): Promise<CompanyView> {
    const current = await this.loadInScope(actor, id);
    const manager = this.companies.manager;
    const changes: Partial<Company> = {};
    if (dto.name !== undefined) Object.assign(changes, nameColumns(dto.name));
    if (dto.creditCode !== undefined) {
      const creditCode = creditCodeOf(dto.creditCode, 'creditCode') ?? null;
      if (creditCode && creditCode !== current.creditCode) await assertCreditCodeFree(manager, creditCode, 'creditCode', id);
      changes.creditCode = creditCode;
    }
    if (dto.industry !== undefined && dto.industry !== current.industry) await this.dictionaries.assertKey('industries', dto.industry, 'industry');
    if (dto.parkId !== undefined && dto.parkId !== current.parkId) changes.parkId = await resolvePark(manager, actor, dto.parkId, 'parkId');
    if (dto.industry !== undefined) changes.industry = dto.industry;
    if (dto.country !== undefined) changes.country = dto.country;
    if (dto.listed !== undefined) changes.listed = dto.listed;
    if (dto.registeredCapital !== undefined) changes.registeredCapital = dto.registeredCapital;
    for (const key of ['province', 'city', 'size', 'website'] as const) {
      if (dto[key] !== undefined) changes[key] = blankToNull(dto[key]);
    }
    try {
      await updateWithVersion(manager, Company, id, dto.version, changes);
    } catch (error) {
      throw creditCodeClash(error, 'creditCode') ?? error;
    }
    return toCompanyView(await this.loadInScope(actor, id));
  }

  /** Soft delete (managers and admins; the route checks the role): refused with 409 while live projects remain. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const company = await tx.getRepository(Company).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
      if (!company || !inScope(actor, company.parkId)) throw notFound('企业');
      if (await tx.existsBy(Project, { companyId: id })) {
        throw new DomainError(ErrorCode.Conflict, '该企业仍有项目，不能删除 (the company still has projects)', [
          { field: 'projects', message: '请先删除或转移该企业的项目 (delete or move its projects first)' },
        ]);
      }
      await tx.softDelete(Company, id);
    });
  }

  /** Admins: brings a deleted company back (409 if its credit code now belongs to another live company). */
  async restore(actor: Actor, id: string): Promise<CompanyView> {
    const company = await this.companies.findOne({ where: { id }, withDeleted: true });
    if (!company || !inScope(actor, company.parkId)) throw notFound('企业');
    if (company.deletedAt) {
      if (company.creditCode) await assertCreditCodeFree(this.companies.manager, company.creditCode, 'creditCode', id);
      try {
        await this.companies.restore(id);
      } catch (error) {
        throw creditCodeClash(error, 'creditCode') ?? error;
      }
    }
    return toCompanyView(await this.loadInScope(actor, id));
  }

  /**
   * A live company of the caller's park subtree, else 404 (never revealing one of another park).
   * `lock` takes a row lock (FOR NO KEY UPDATE) in the given transaction.
   */
  async loadInScope(actor: Actor, id: string, manager: EntityManager = this.companies.manager, lock = false): Promise<Company> {
    const company = lock ? await lockNoKey(manager, id) : await manager.findOneBy(Company, { id });
    if (!company || !inScope(actor, company.parkId)) throw notFound('企业');
    return company;
  }

  private async visibleProjects(actor: Actor, companyId: string): Promise<CompanyProjectSummary[]> {
    const scope = parkScope(actor, 'p.park_id');
    const qb = this.projects
      .createQueryBuilder('p')
      .select(['p.id', 'p.code', 'p.name', 'p.stage', 'p.totalInvestment', 'p.createdAt'])
      .where('p.company_id = :companyId', { companyId })
      .andWhere(scope.sql, scope.params);
    if (!isManagerOrAdmin(actor)) {
      qb.andWhere('(NOT p.confidential OR p.owner_id = :me OR p.leader_id = :me OR :me = ANY(p.assistant_ids))', { me: actor.id });
    }
    const rows = await qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').getMany();
    return rows.map(toCompanyProjectSummary);
  }
}

async function lockNoKey(manager: EntityManager, id: string): Promise<Company | null> {
  const [row]: { id: string }[] = await manager.query(`SELECT id FROM companies WHERE id = $1 AND deleted_at IS NULL FOR NO KEY UPDATE`, [id]);
  return row ? manager.findOneBy(Company, { id }) : null;
}

function fieldNamer(options: NestedWriteOptions): (name: string) => string {
  return (name) => (options.fieldPrefix ? `${options.fieldPrefix}.${name}` : name);
}

function nameColumns(name: string): Pick<Company, 'name' | 'nameNorm' | 'nameBigrams'> {
  return { name, nameNorm: normalizeCompanyName(name).slice(0, 200), nameBigrams: nameBigrams(name) };
}

function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

/** Normalised and verified credit code; a blank one means none (null); undefined stays undefined. */
function creditCodeOf(raw: string | null | undefined, field: string): string | null | undefined {
  if (raw === undefined || raw === null) return raw;
  const code = normalizeCreditCode(raw);
  if (code === '') return null;
  const check = checkCreditCode(code);
  if (!check.valid) throw validationError(field, `${check.reason} (${check.reasonEn})`);
  return code;
}

function duplicateCreditCode(field: string): DomainError {
  return new DomainError(ErrorCode.Duplicate, '该统一社会信用代码已登记 (credit code already registered)', [
    { field, message: '统一社会信用代码已存在 (duplicate credit code)' },
  ]);
}

async function assertCreditCodeFree(manager: EntityManager, creditCode: string, field: string, exceptId?: string): Promise<void> {
  const qb = manager.getRepository(Company).createQueryBuilder('c').where('c.credit_code = :creditCode', { creditCode });
  if (exceptId) qb.andWhere('c.id <> :exceptId', { exceptId });
  if (await qb.getExists()) throw duplicateCreditCode(field);
}

/** The live-credit-code unique index caught a race: the same 409 as the check before it. */
function creditCodeClash(error: unknown, field: string): DomainError | null {
  const pg = error as { code?: string; constraint?: string };
  return pg?.code === '23505' && pg.constraint === CREDIT_CODE_INDEX ? duplicateCreditCode(field) : null;
}

async function resolvePark(manager: EntityManager, actor: Actor, parkId: string | undefined, field: string): Promise<string> {
  const id = parkId ?? actor.parkId;
  if (!inScope(actor, id) || !(await manager.existsBy(Park, { id }))) throw validationError(field, '园区不存在 (unknown park)');
  return id;
}
