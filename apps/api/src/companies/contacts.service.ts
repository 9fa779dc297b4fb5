import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Company, Contact } from '@zs/db';
import { DomainError, ErrorCode, normalizeMobile } from '@zs/domain';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { Actor } from '../common/actor';
import { notFound, updateWithVersion } from '../common/optimistic-update';
import { keysetPage, Page, SoftDeletePageQueryDto } from '../common/pagination';
import { applyDeletedFilter } from '../common/soft-delete';
import { CompaniesService, NestedWriteOptions } from './companies.service';
import { ContactView, toContactView } from './contact.view';
import { CreateContactDto, UpdateContactDto } from './dto/contact.dto';

/** 联系人: access follows the company's park; at most one primary contact per company. */
@Injectable()
export class ContactsService {
  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly companies: CompaniesService,
  ) {}

  async list(actor: Actor, companyId: string, query: SoftDeletePageQueryDto): Promise<Page<ContactView>> {
    await this.companies.loadInScope(actor, companyId);
    const qb = this.contacts.createQueryBuilder('c').where('c.company_id = :companyId', { companyId });
    applyDeletedFilter(qb, 'c', actor, query.deleted);
    const page = await keysetPage(qb, 'c', query);
    return { items: page.items.map(toContactView), nextCursor: page.nextCursor };
  }

  async create(actor: Actor, companyId: string, dto: CreateContactDto): Promise<ContactView> {
    return this.db.transaction((tx) => this.createInTransaction(tx, actor, companyId, dto));
  }

  /**
   * Creates a contact of a company the caller may see (404 otherwise), inside the caller's transaction — the
   * company may have been created earlier in the same transaction. `primary: true` clears the others.
   * (`options` is accepted for symmetry with `CompaniesService.createInTransaction`; this method raises no field errors.)
   */
  async createInTransaction(manager: EntityManager, actor: Actor, companyId: string, dto: CreateContactDto, _options: NestedWriteOptions = {}): Promise<ContactView> {
    await this.companies.loadInScope(actor, companyId, manager, dto.primary === true);
    if (dto.primary) await clearPrimary(manager, companyId);
    const contact = manager.create(Contact, {
      companyId,
      name: dto.name,
      ...optionalColumns(dto),
      primary: dto.primary ?? false,
    });
    await manager.insert(Contact, contact);
    return toContactView(await manager.findOneByOrFail(Contact, { id: contact.id }));
  }

  async get(actor: Actor, id: string): Promise<ContactView> {
    return toContactView(await this.loadInScope(actor, id));
  }

  async update(actor: Actor, id: string, dto: UpdateContactDto): Promise<ContactView> {
    await this.db.transaction(async (tx) => {
      const current = await this.loadInScope(actor, id, tx);
      if (dto.primary) await this.companies.loadInScope(actor, current.companyId, tx, true);
      const changes: Partial<Contact> = { ...optionalColumns(dto) };
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.primary !== undefined) changes.primary = dto.primary;
      await updateWithVersion(tx, Contact, id, dto.version, changes);
      if (dto.primary) await clearPrimary(tx, current.companyId, id);
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.loadInScope(actor, id);
    await this.contacts.softDelete(id);
  }

  /** Admins: brings a deleted contact back (its company must be live; it is no longer primary if another is). */
  async restore(actor: Actor, id: string): Promise<ContactView> {
    await this.db.transaction(async (tx) => {
      const contact = await tx.findOne(Contact, { where: { id }, withDeleted: true });
      if (!contact) throw notFound('联系人');
      const company = await tx.findOne(Company, { where: { id: contact.companyId }, withDeleted: true });
      if (!company) throw notFound('联系人');
      await this.companies.loadInScope(actor, company.id, tx, true).catch(() => {
        throw new DomainError(ErrorCode.Conflict, '所属企业已删除，请先恢复企业 (restore the company first)');
      });
      if (!contact.deletedAt) return;
      const otherPrimary = contact.primary && (await tx.existsBy(Contact, { companyId: contact.companyId, primary: true }));
      await tx.restore(Contact, id);
      if (otherPrimary) await tx.update(Contact, { id }, { primary: false });
    });
    return this.get(actor, id);
  }

  /** A live contact whose company is live and in the caller's parks, else 404. */
  private async loadInScope(actor: Actor, id: string, manager: EntityManager = this.contacts.manager): Promise<Contact> {
    const contact = await manager.findOneBy(Contact, { id });
    if (!contact) throw notFound('联系人');
    await this.companies.loadInScope(actor, contact.companyId, manager).catch(() => {
      throw notFound('联系人');
    });
    return contact;
  }
}

type OptionalContactFields = Pick<CreateContactDto, 'title' | 'mobile' | 'email' | 'wechat'>;

/** The optional columns present in `dto` (blank → null), with `mobileNorm` kept in step with `mobile`. */
function optionalColumns(dto: OptionalContactFields): Partial<Contact> {
  const columns: Partial<Contact> = {};
  for (const key of ['title', 'mobile', 'email', 'wechat'] as const) {
    const value = dto[key];
    if (value !== undefined) columns[key] = value === null || value.trim() === '' ? null : value;
  }
  if (columns.mobile !== undefined) columns.mobileNorm = columns.mobile ? normalizeMobile(columns.mobile) || null : null;
  return columns;
}

/** Clears the other live primary contacts of a company (the caller holds the company's row lock). */
async function clearPrimary(manager: EntityManager, companyId: string, exceptId?: string): Promise<void> {
  await manager.query(
    `UPDATE contacts SET "primary" = false, version = version + 1, updated_at = now()
      WHERE company_id = $1 AND "primary" AND deleted_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
    [companyId, exceptId ?? null],
  );
}
