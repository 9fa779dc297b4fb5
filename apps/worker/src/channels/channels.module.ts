import { Module } from '@nestjs/common';
import { ChannelDispatcher } from './channel-dispatcher';
import { EmailSender } from './email.sender';
import { RobotSender } from './robot.sender';

/** The outbound channels (email, WeCom, DingTalk, Feishu): the engine's Deliver job calls ChannelDispatcher. */
@Module({
  providers: [ChannelDispatcher, EmailSender, RobotSender],
  exports: [ChannelDispatcher],
})
export class ChannelsModule {}
