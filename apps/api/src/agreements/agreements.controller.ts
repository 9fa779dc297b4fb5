import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { AgreementPage, AgreementView } from './agreement.view';
import { AgreementsService } from './agreements.service';
import { CreateAgreementDto, ListAgreementsQueryDto, UpdateAgreementDto } from './dto/agreement.dto';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller()
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get('projects/:id/agreements')
  @ApiOperation({ summary: '项目签约记录 / Agreements of a project' })
  @ApiOkResponse({ type: AgreementPage })
  listForProject(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Query() query: ListAgreementsQueryDto): Promise<AgreementPage> {
    return this.agreements.listForProject(actor, id, query);
  }

  @Post('projects/:id/agreements')
  @ApiOperation({ summary: '记录签约 / Record an agreement (evidence for the agreement and contract stages)' })
  @ApiCreatedResponse({ type: AgreementView })
  create(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: CreateAgreementDto): Promise<AgreementView> {
    return this.agreements.create(actor, id, body);
  }

  @Get('agreements/:id')
  @ApiOperation({ summary: '签约记录 / One agreement' })
  @ApiOkResponse({ type: AgreementView })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<AgreementView> {
    return this.agreements.get(actor, id);
  }

  @Patch('agreements/:id')
  @ApiOperation({ summary: '修改签约记录 / Update an agreement (send the version read)' })
  @ApiOkResponse({ type: AgreementView })
  @ApiConflictResponse({ description: 'stale version' })
  update(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: UpdateAgreementDto): Promise<AgreementView> {
    return this.agreements.update(actor, id, body);
  }

  @Delete('agreements/:id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除签约记录 / Delete an agreement softly' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<void> {
    await this.agreements.remove(actor, id);
  }

  @Post('agreements/:id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '恢复签约记录 / Restore a deleted agreement (admins)' })
  @ApiOkResponse({ type: AgreementView })
  restore(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<AgreementView> {
    return this.agreements.restore(actor, id);
  }
}
