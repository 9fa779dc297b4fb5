import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Env } from '@zs/config';
import { Agreement } from '@zs/db';
import { toZonedDate, validationError } from '@zs/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { definedOnly, updateWithVersion } from '../common/optimistic-update';
import { keysetPage, Page } from '../common/pagination';
import { applyDeletedFilter } from '../common/soft-delete';
import { ProjectAccessService } from '../projects/project-access.service';
import { ProjectRecordsService } from '../projects/project-records.service';
import { ProjectsService } from '../projects/projects.service';
import { AgreementView, toAgreementView } from './agreement.view';
import { CreateAgreementDto, ListAgreementsQueryDto, UpdateAgreementDto } from './dto/agreement.dto';

/** Agreements and contracts (签约): the evidence the stage machine reads for `agreement` and `contract`. */
@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ProjectAccessService,
    private readonly records: ProjectRecordsService,
    private readonly projects: ProjectsService,
    private readonly env: Env,
  ) {}

  async listForProject(actor: Actor, projectId: string, query: ListAgreementsQueryDto): Promise<Page<AgreementView>> {
    await this.access.require(actor, projectId, 'read');
    const qb = this.db.createQueryBuilder(Agreement, 'a').where('a.project_id = :projectId', { projectId });
    applyDeletedFilter(qb, 'a', actor, query.deleted);
    if (query.kind) qb.andWhere('a.kind = :kind', { kind: query.kind });
    const page = await keysetPage(qb, 'a', query);
    return { items: page.items.map(toAgreementView), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<AgreementView> {
    const agreement = await this.records.load(actor, Agreement, id, 'read', '签约记录');
    return toAgreementView(agreement);
  }

  async create(actor: Actor, projectId: string, dto: CreateAgreementDto): Promise<AgreementView> {
    this.assertSignedOn(dto.signedOn);
    const agreement = await this.db.transaction(async (tx) => {
      await this.access.require(actor, projectId, 'write', { manager: tx });
      const saved = await tx.save(tx.create(Agreement, {
        projectId,
        kind: dto.kind,
        number: dto.number ?? null,
        signedOn: dto.signedOn,
        amount: dto.amount,
        landAreaMu: dto.landAreaMu ?? null,
        committedLandOn: dto.committedLandOn ?? null,
        committedStartOn: dto.committedStartOn ?? null,
        committedProductionOn: dto.committedProductionOn ?? null,
        createdById: actor.id,
      }));
      await this.projects.touchActivity(tx, projectId);
      return saved;
    });
    return this.get(actor, agreement.id);
  }

  async update(actor: Actor, id: string, dto: UpdateAgreementDto): Promise<AgreementView> {
    const { version, ...fields } = dto;
    if (fields.signedOn !== undefined) this.assertSignedOn(fields.signedOn);
    await this.db.transaction(async (tx) => {
      const agreement = await this.records.load(actor, Agreement, id, 'write', '签约记录', tx);
      await updateWithVersion(tx, Agreement, id, version, definedOnly(fields));
      await this.projects.touchActivity(tx, agreement.projectId);
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.records.softDelete(actor, Agreement, id, '签约记录');
  }

  async restore(actor: Actor, id: string): Promise<AgreementView> {
    await this.records.restore(actor, Agreement, id, '签约记录');
    return this.get(actor, id);
  }


  private assertSignedOn(signedOn: string): void {
    if (signedOn > toZonedDate(new Date(), this.env.TZ_PARK)) {
      throw validationError('signedOn', 'signedOn 不能晚于今天 (cannot be in the future)');
    }
  }
}

