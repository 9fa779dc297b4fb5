import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { CreateParkDto, ListParksQueryDto, UpdateParkDto } from './dto/park.dto';
import { ParkPage, ParkTreeNode, ParkView } from './park.view';
import { ParksService } from './parks.service';

@ApiTags('parks')
@ApiBearerAuth()
@Controller('parks')
export class ParksController {
  constructor(private readonly parks: ParksService) {}

  @Get()
  @ApiOperation({ summary: '园区列表（按层级路径排序）/ The caller’s parks, flat, in tree order' })
  @ApiOkResponse({ type: ParkPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListParksQueryDto): Promise<ParkPage> {
    return this.parks.list(actor, query);
  }

  @Get('tree')
  @ApiOperation({ summary: '园区树 / The caller’s parks as a tree (an array of root nodes)' })
  @ApiOkResponse({ type: [ParkTreeNode] })
  tree(@CurrentActor() actor: Actor): Promise<ParkTreeNode[]> {
    return this.parks.tree(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: '园区 / One park of the caller’s subtree' })
  @ApiOkResponse({ type: ParkView })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<ParkView> {
    return this.parks.get(actor, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: '新建园区或片区 / Create a park or sub-area (admin; parent defaults to the root)' })
  @ApiCreatedResponse({ type: ParkView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateParkDto): Promise<ParkView> {
    return this.parks.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: '重命名或移动园区 / Rename or move a park with its sub-areas (admin)' })
  @ApiOkResponse({ type: ParkView })
  update(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: UpdateParkDto): Promise<ParkView> {
    return this.parks.update(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: '删除园区 / Delete a park (admin; 409 while it holds users, records or sub-areas)' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<void> {
    return this.parks.remove(actor, id);
  }

  @Post(':id/restore')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复园区 / Restore a deleted park (admin)' })
  @ApiOkResponse({ type: ParkView })
  restore(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<ParkView> {
    return this.parks.restore(actor, id);
  }
}
