import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { assertRequiredNotNull, CreateProjectDto, ListProjectsQueryDto, TransitionDto, UpdateProjectDto } from './dto/project.dto';
import { ProjectHistory, ProjectPage, ProjectView } from './project.view';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @ApiOperation({ summary: '新建项目 / Create a project (stage intention, with its permit chain)' })
  @ApiCreatedResponse({ type: ProjectView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateProjectDto): Promise<ProjectView> {
    return this.projects.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: '项目列表 / List projects (filters, q search, keyset pages)' })
  @ApiOkResponse({ type: ProjectPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListProjectsQueryDto): Promise<ProjectPage> {
    return this.projects.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '项目详情 / One project' })
  @ApiOkResponse({ type: ProjectView })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<ProjectView> {
    return this.projects.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改项目 / Update a project (send the version read; null clears an optional field; every change is kept in its history)' })
  @ApiOkResponse({ type: ProjectView })
  @ApiConflictResponse({ description: 'stale version' })
  update(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: UpdateProjectDto): Promise<ProjectView> {
    assertRequiredNotNull(body);
    return this.projects.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除项目 / Delete a project softly (managers)' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<void> {
    await this.projects.remove(actor, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '恢复项目 / Restore a deleted project (admins)' })
  @ApiOkResponse({ type: ProjectView })
  restore(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<ProjectView> {
    return this.projects.restore(actor, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({ summary: '阶段变更 / Move the project to another stage (evidence checked; 409 names what is missing)' })
  @ApiOkResponse({ type: ProjectView })
  @ApiConflictResponse({ description: 'illegal move or missing evidence' })
  transition(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: TransitionDto): Promise<ProjectView> {
    return this.projects.transition(actor, id, body);
  }

  @Get(':id/history')
  @ApiOperation({ summary: '变更历史 / Stage moves and field changes, oldest first' })
  @ApiOkResponse({ type: ProjectHistory })
  history(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<ProjectHistory> {
    return this.projects.history(actor, id);
  }
}
