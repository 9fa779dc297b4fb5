import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Env } from '@zs/config';
import { Fund } from '@zs/db';
import { toZonedDate, validationError } from '@zs/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { definedOnly, updateWithVersion } from '../common/optimistic-update';
import { keysetPage } from '../common/pagination';
import { applyDeletedFilter } from '../common/soft-delete';
import { ProjectAccessService } from '../projects/project-access.service';
import { ProjectRecordsService } from '../projects/project-records.service';
import { ProjectsService } from '../projects/projects.service';
import { CreateFundDto, ListFundsQueryDto, UpdateFundDto } from './dto/fund.dto';
import { FundPage, FundView, toFundView } from './fund.view';

/** Funds in place (实际到位资金): amounts actually invested, by the date received. */
@Injectable()
export class FundsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ProjectAccessService,
    private readonly records: ProjectRecordsService,
    private readonly projects: ProjectsService,
    private readonly env: Env,
  ) {}

  async listForProject(actor: Actor, projectId: string, query: ListFundsQueryDto): Promise<FundPage> {
    await this.access.require(actor, projectId, 'read');
    const qb = this.db.createQueryBuilder(Fund, 'f').where('f.project_id = :projectId', { projectId });
    applyDeletedFilter(qb, 'f', actor, query.deleted);
    if (query.from) qb.andWhere('f.received_on >= :from', { from: query.from });
    if (query.to) qb.andWhere('f.received_on <= :to', { to: query.to });
    const page = await keysetPage(qb, 'f', query);
    return { items: page.items.map(toFundView), nextCursor: page.nextCursor, total: await this.total(projectId) };
  }

  /** The project's total of live funds in place, 万元 (summed in SQL on the numeric column). */
  async total(projectId: string): Promise<number> {
    const [row] = await this.db.query(`SELECT COALESCE(sum(amount), 0)::text AS total FROM funds WHERE project_id = $1 AND deleted_at IS NULL`, [projectId]);
    return Number(row.total);
  }

  async get(actor: Actor, id: string): Promise<FundView> {
    const fund = await this.records.load(actor, Fund, id, 'read', '到位资金记录');
    return toFundView(fund);
  }

  async create(actor: Actor, projectId: string, dto: CreateFundDto): Promise<FundView> {
    this.assertReceivedOn(dto.receivedOn);
    const fund = await this.db.transaction(async (tx) => {
      await this.access.require(actor, projectId, 'write', { manager: tx });
      const saved = await tx.save(tx.create(Fund, {
        projectId, amount: dto.amount, receivedOn: dto.receivedOn, note: dto.note ?? null, createdById: actor.id,
      }));
      await this.projects.touchActivity(tx, projectId);
      return saved;
    });
    return this.get(actor, fund.id);
  }

  async update(actor: Actor, id: string, dto: UpdateFundDto): Promise<FundView> {
    const { version, ...fields } = dto;
    if (fields.receivedOn !== undefined) this.assertReceivedOn(fields.receivedOn);
    await this.db.transaction(async (tx) => {
      await this.records.load(actor, Fund, id, 'write', '到位资金记录', tx);
      await updateWithVersion(tx, Fund, id, version, definedOnly(fields));
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.records.softDelete(actor, Fund, id, '到位资金记录');
  }

  async restore(actor: Actor, id: string): Promise<FundView> {
    await this.records.restore(actor, Fund, id, '到位资金记录');
    return this.get(actor, id);
  }


  private assertReceivedOn(receivedOn: string): void {
    if (receivedOn > toZonedDate(new Date(), this.env.TZ_PARK)) {
      throw validationError('receivedOn', 'receivedOn 不能晚于今天 (cannot be in the future)');
    }
  }
}

