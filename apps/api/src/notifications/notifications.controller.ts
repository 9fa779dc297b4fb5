import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { ListNotificationsQueryDto } from './dto/notification.dto';
import { NotificationPage, NotificationView, ReadAllView, UnreadCountView } from './notification.view';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: '我的通知 / The caller’s notifications, newest first (?unread=true: unread only)' })
  @ApiOkResponse({ type: NotificationPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQueryDto): Promise<NotificationPage> {
    return this.notifications.list(actor, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: '未读通知数 / How many of the caller’s notifications are unread' })
  @ApiOkResponse({ type: UnreadCountView })
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountView> {
    return this.notifications.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部标为已读 / Mark all of the caller’s notifications read' })
  @ApiOkResponse({ type: ReadAllView })
  readAll(@CurrentActor() actor: Actor): Promise<ReadAllView> {
    return this.notifications.readAll(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标为已读 / Mark one notification read' })
  @ApiOkResponse({ type: NotificationView })
  read(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<NotificationView> {
    return this.notifications.read(actor, id);
  }
}
