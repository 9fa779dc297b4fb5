import { Module } from '@nestjs/common';
import { MyChannelsController, RobotWebhooksController } from './channel-settings.controller';
import { MyChannelsService } from './my-channels.service';
import { RobotWebhookPolicy } from './robot-webhook.policy';
import { RobotWebhooksService } from './robot-webhooks.service';

/** Reminder channel settings: `/api/me/channels` (every user) and `/api/robot-webhooks` (managers, admins). */
@Module({
  controllers: [MyChannelsController, RobotWebhooksController],
  providers: [MyChannelsService, RobotWebhookPolicy, RobotWebhooksService],
})
export class ChannelSettingsModule {}
