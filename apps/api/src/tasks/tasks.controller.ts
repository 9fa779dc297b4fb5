import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { CreateTaskDto, ListTasksQueryDto, UpdateTaskDto } from './dto/task.dto';
import { TaskPage, TaskView } from './task.view';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: '跟进任务列表 / Follow-up tasks of the projects the caller may read (assigneeId=me, status=open|overdue|done)' })
  @ApiOkResponse({ type: TaskPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListTasksQueryDto): Promise<TaskPage> {
    return this.tasks.list(actor, query);
  }

  @Post()
  @ApiOperation({ summary: '新建跟进任务 / Create a follow-up task (project team, managers, admins)' })
  @ApiCreatedResponse({ type: TaskView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateTaskDto): Promise<TaskView> {
    return this.tasks.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: '跟进任务 / One task' })
  @ApiOkResponse({ type: TaskView })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<TaskView> {
    return this.tasks.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改跟进任务 / Update a task (send the version read)' })
  @ApiOkResponse({ type: TaskView })
  @ApiConflictResponse({ description: 'stale version' })
  update(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: UpdateTaskDto): Promise<TaskView> {
    return this.tasks.update(actor, id, body);
  }

  @Post(':id/done')
  @HttpCode(200)
  @ApiOperation({ summary: '完成任务 / Complete a task (idempotent; the team or the assignee)' })
  @ApiOkResponse({ type: TaskView })
  done(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<TaskView> {
    return this.tasks.done(actor, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除跟进任务 / Delete a task softly' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<void> {
    await this.tasks.remove(actor, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '恢复跟进任务 / Restore a deleted task (admins)' })
  @ApiOkResponse({ type: TaskView })
  restore(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<TaskView> {
    return this.tasks.restore(actor, id);
  }
}
