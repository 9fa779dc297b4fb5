import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { RemindersModule } from '../reminders/reminders.module';
import { DigestsProcessor } from './digests.processor';
import { DigestsService } from './digests.service';

/** Morning digests (每日待办) and the weekly dispatch list (每周调度), written to the deliveries outbox. */
@Module({
  imports: [ChannelsModule, RemindersModule],
  providers: [DigestsProcessor, DigestsService],
  exports: [DigestsService],
})
export class DigestsModule {}
