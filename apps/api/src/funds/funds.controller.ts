import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { CreateFundDto, ListFundsQueryDto, UpdateFundDto } from './dto/fund.dto';
import { FundPage, FundView } from './fund.view';
import { FundsService } from './funds.service';

@ApiTags('funds')
@ApiBearerAuth()
@Controller()
export class FundsController {
  constructor(private readonly funds: FundsService) {}

  @Get('projects/:id/funds')
  @ApiOperation({ summary: '项目到位资金 / Funds in place of a project, with the project’s total' })
  @ApiOkResponse({ type: FundPage })
  listForProject(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Query() query: ListFundsQueryDto): Promise<FundPage> {
    return this.funds.listForProject(actor, id, query);
  }

  @Post('projects/:id/funds')
  @ApiOperation({ summary: '记录到位资金 / Record funds received' })
  @ApiCreatedResponse({ type: FundView })
  create(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: CreateFundDto): Promise<FundView> {
    return this.funds.create(actor, id, body);
  }

  @Get('funds/:id')
  @ApiOperation({ summary: '到位资金记录 / One funds record' })
  @ApiOkResponse({ type: FundView })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<FundView> {
    return this.funds.get(actor, id);
  }

  @Patch('funds/:id')
  @ApiOperation({ summary: '修改到位资金记录 / Update a funds record (send the version read)' })
  @ApiOkResponse({ type: FundView })
  @ApiConflictResponse({ description: 'stale version' })
  update(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: UpdateFundDto): Promise<FundView> {
    return this.funds.update(actor, id, body);
  }

  @Delete('funds/:id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除到位资金记录 / Delete a funds record softly' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<void> {
    await this.funds.remove(actor, id);
  }

  @Post('funds/:id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '恢复到位资金记录 / Restore a deleted funds record (admins)' })
  @ApiOkResponse({ type: FundView })
  restore(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<FundView> {
    return this.funds.restore(actor, id);
  }
}
