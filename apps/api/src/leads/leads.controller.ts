import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse,
  ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { ConvertLeadDto, ConvertLeadResult } from './dto/convert-lead.dto';
import { AssignLeadDto, CreateLeadDto, ListLeadsQueryDto, ScreenLeadDto, UpdateLeadDto } from './dto/lead.dto';
import { LeadDuplicates, LeadPage, LeadView } from './lead.view';
import { LeadsService } from './leads.service';

@ApiTags('leads')
@ApiBearerAuth()
@Controller('leads')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Post()
  @ApiOperation({ summary: '登记线索 / Log a lead (anyone; officers may assign it only to themselves)' })
  @ApiCreatedResponse({ type: LeadView })
  @ApiForbiddenResponse({ description: 'an officer or leader naming another assignee' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateLeadDto): Promise<LeadView> {
    return this.leads.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: '线索列表 / List leads (officers: reported or assigned; managers: their parks)' })
  @ApiOkResponse({ type: LeadPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListLeadsQueryDto): Promise<LeadPage> {
    return this.leads.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '线索详情 / One lead' })
  @ApiOkResponse({ type: LeadView })
  @ApiNotFoundResponse()
  get(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<LeadView> {
    return this.leads.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改线索 / Update a lead (send the version read; a converted lead cannot change)' })
  @ApiOkResponse({ type: LeadView })
  @ApiConflictResponse({ description: 'stale version, or the lead is converted' })
  update(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: UpdateLeadDto): Promise<LeadView> {
    return this.leads.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除线索 / Delete a lead softly (managers)' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<void> {
    await this.leads.remove(actor, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '恢复线索 / Restore a deleted lead (admins)' })
  @ApiOkResponse({ type: LeadView })
  restore(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<LeadView> {
    return this.leads.restore(actor, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: '分派线索 / Assign a lead (managers): status assigned, screeningDueOn in working days' })
  @ApiOkResponse({ type: LeadView })
  @ApiConflictResponse({ description: 'the lead is converted or rejected' })
  assign(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: AssignLeadDto): Promise<LeadView> {
    return this.leads.assign(actor, id, body);
  }

  @Post(':id/screen')
  @HttpCode(200)
  @ApiOperation({ summary: '研判线索 / Screen a lead (the assignee): pursue, or reject with a note' })
  @ApiOkResponse({ type: LeadView })
  @ApiBadRequestResponse({ description: 'reject without a note' })
  @ApiConflictResponse({ description: 'the lead is unassigned, converted or rejected' })
  screen(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: ScreenLeadDto): Promise<LeadView> {
    return this.leads.screen(actor, id, body);
  }

  @Post(':id/convert')
  @ApiOperation({ summary: '线索转化 / Convert a pursuing lead into a project (with its company and contact), all or nothing' })
  @ApiCreatedResponse({ type: ConvertLeadResult })
  @ApiConflictResponse({ description: 'the lead is not pursuing (or already converted)' })
  convert(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: ConvertLeadDto): Promise<ConvertLeadResult> {
    return this.leads.convert(actor, id, body);
  }

  @Get(':id/duplicates')
  @ApiOperation({ summary: '重复研判 / Suspected duplicates among leads, companies and projects (at most 20, strongest first)' })
  @ApiOkResponse({ type: LeadDuplicates })
  duplicates(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<LeadDuplicates> {
    return this.leads.findDuplicates(actor, id);
  }
}
