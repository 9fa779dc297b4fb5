import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { CreateVisitDto, ListProjectVisitsQueryDto, ListVisitsQueryDto, UpdateVisitDto } from './dto/visit.dto';
import { VisitPage, VisitView } from './visit.view';
import { VisitsService } from './visits.service';

@ApiTags('visits')
@ApiBearerAuth()
@Controller()
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get('projects/:id/visits')
  @ApiOperation({ summary: '项目走访记录 / Visits of a project' })
  @ApiOkResponse({ type: VisitPage })
  listForProject(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Query() query: ListProjectVisitsQueryDto): Promise<VisitPage> {
    return this.visits.listForProject(actor, id, query);
  }

  @Post('projects/:id/visits')
  @ApiOperation({ summary: '记录走访/洽谈 / Log a visit (a nextFollowUpAt creates an open task for the project’s owner)' })
  @ApiCreatedResponse({ type: VisitView })
  create(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: CreateVisitDto): Promise<VisitView> {
    return this.visits.create(actor, id, body);
  }

  @Get('visits')
  @ApiOperation({ summary: '走访记录列表 / Visits across the projects the caller may read (ownerId = project owner, from/to on occurredAt)' })
  @ApiOkResponse({ type: VisitPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListVisitsQueryDto): Promise<VisitPage> {
    return this.visits.list(actor, query);
  }

  @Get('visits/:id')
  @ApiOperation({ summary: '走访记录 / One visit' })
  @ApiOkResponse({ type: VisitView })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<VisitView> {
    return this.visits.get(actor, id);
  }

  @Patch('visits/:id')
  @ApiOperation({ summary: '修改走访记录 / Update a visit (send the version read)' })
  @ApiOkResponse({ type: VisitView })
  @ApiConflictResponse({ description: 'stale version' })
  update(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: UpdateVisitDto): Promise<VisitView> {
    return this.visits.update(actor, id, body);
  }

  @Delete('visits/:id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除走访记录 / Delete a visit softly (with its open follow-up task)' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<void> {
    await this.visits.remove(actor, id);
  }

  @Post('visits/:id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '恢复走访记录 / Restore a deleted visit (admins)' })
  @ApiOkResponse({ type: VisitView })
  restore(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<VisitView> {
    return this.visits.restore(actor, id);
  }
}
