import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { CreateRobotWebhookDto, ListRobotWebhooksQueryDto, PutMyChannelsDto, UpdateRobotWebhookDto } from './dto/robot-webhook.dto';
import { MyChannelsService } from './my-channels.service';
import { MyChannelsView, RobotWebhookPage, RobotWebhookView } from './robot-webhook.view';
import { RobotWebhooksService } from './robot-webhooks.service';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('me/channels')
export class MyChannelsController {
  constructor(private readonly channels: MyChannelsService) {}

  @Get()
  @ApiOperation({ summary: '我的提醒渠道 / Your reminder channels: email on/off, your own and your park’s robot webhooks (masked)' })
  @ApiOkResponse({ type: MyChannelsView })
  get(@CurrentActor() actor: Actor): Promise<MyChannelsView> {
    return this.channels.get(actor);
  }

  @Put()
  @ApiOperation({ summary: '设置我的提醒渠道 / Set email on/off and the complete list of your own robot webhooks' })
  @ApiOkResponse({ type: MyChannelsView })
  put(@CurrentActor() actor: Actor, @Body() body: PutMyChannelsDto): Promise<MyChannelsView> {
    return this.channels.put(actor, body);
  }
}

@ApiTags('channels')
@ApiBearerAuth()
@Roles('admin', 'manager')
@Controller('robot-webhooks')
export class RobotWebhooksController {
  constructor(private readonly webhooks: RobotWebhooksService) {}

  @Get()
  @ApiOperation({ summary: '群机器人列表 / Robot webhooks of your parks and their users (managers, admins)' })
  @ApiOkResponse({ type: RobotWebhookPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListRobotWebhooksQueryDto): Promise<RobotWebhookPage> {
    return this.webhooks.list(actor, query);
  }

  @Post()
  @ApiOperation({ summary: '添加群机器人 / Add a WeCom, DingTalk or Feishu robot webhook for a park (team) or a user' })
  @ApiCreatedResponse({ type: RobotWebhookView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateRobotWebhookDto): Promise<RobotWebhookView> {
    return this.webhooks.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: '群机器人 / One robot webhook (masked)' })
  @ApiOkResponse({ type: RobotWebhookView })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<RobotWebhookView> {
    return this.webhooks.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改群机器人 / Update a robot webhook (send the version read)' })
  @ApiOkResponse({ type: RobotWebhookView })
  @ApiConflictResponse({ description: 'stale version' })
  update(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: UpdateRobotWebhookDto): Promise<RobotWebhookView> {
    return this.webhooks.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除群机器人 / Delete a robot webhook softly' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<void> {
    await this.webhooks.remove(actor, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '恢复群机器人 / Restore a deleted robot webhook (admins)' })
  @ApiOkResponse({ type: RobotWebhookView })
  restore(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<RobotWebhookView> {
    return this.webhooks.restore(actor, id);
  }
}
