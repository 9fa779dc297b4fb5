import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { RequestLanguage, type Language } from '../dictionaries/language';
import { BlockerCategoryList, blockerCategories, BlockerPage, BlockerView } from './blocker.view';
import { BlockersService } from './blockers.service';
import { CreateBlockerDto, ListBlockersQueryDto, ResolveBlockerDto, UpdateBlockerDto } from './dto/blocker.dto';

@ApiTags('blockers')
@ApiBearerAuth()
@Controller()
export class BlockersController {
  constructor(private readonly blockers: BlockersService) {}

  @Get('blockers/categories')
  @ApiOperation({ summary: '问题类别 / Blocker categories, labelled in the request’s language' })
  @ApiOkResponse({ type: BlockerCategoryList })
  categories(@RequestLanguage() language: Language): BlockerCategoryList {
    return blockerCategories(language);
  }

  @Get('projects/:id/blockers')
  @ApiOperation({ summary: '项目问题 / Blockers of a project (status=open|overdue|resolved)' })
  @ApiOkResponse({ type: BlockerPage })
  listForProject(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Query() query: ListBlockersQueryDto): Promise<BlockerPage> {
    return this.blockers.listForProject(actor, id, query);
  }

  @Post('projects/:id/blockers')
  @ApiOperation({ summary: '登记问题 / Record a blocker' })
  @ApiCreatedResponse({ type: BlockerView })
  create(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: CreateBlockerDto): Promise<BlockerView> {
    return this.blockers.create(actor, id, body);
  }

  @Get('blockers/:id')
  @ApiOperation({ summary: '问题 / One blocker' })
  @ApiOkResponse({ type: BlockerView })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<BlockerView> {
    return this.blockers.get(actor, id);
  }

  @Patch('blockers/:id')
  @ApiOperation({ summary: '修改问题 / Update a blocker (send the version read; resolvedAt: null reopens it)' })
  @ApiOkResponse({ type: BlockerView })
  @ApiConflictResponse({ description: 'stale version' })
  update(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: UpdateBlockerDto): Promise<BlockerView> {
    return this.blockers.update(actor, id, body);
  }

  @Post('blockers/:id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: '解决问题 / Resolve a blocker now (the team or the blocker’s owner)' })
  @ApiOkResponse({ type: BlockerView })
  @ApiConflictResponse({ description: 'already resolved' })
  resolve(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: ResolveBlockerDto): Promise<BlockerView> {
    return this.blockers.resolve(actor, id, body);
  }

  @Delete('blockers/:id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除问题 / Delete a blocker softly' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<void> {
    await this.blockers.remove(actor, id);
  }

  @Post('blockers/:id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '恢复问题 / Restore a deleted blocker (admins)' })
  @ApiOkResponse({ type: BlockerView })
  restore(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<BlockerView> {
    return this.blockers.restore(actor, id);
  }
}
