import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfigModule, AppLoggingModule } from '@zs/config';
import { DatabaseModule } from '@zs/db';
import { QueueModule, type QueueModuleOptions } from '@zs/queue';
import { HandlerRegistryService } from './handler-registry.service';
import { SchedulesService } from './schedules.service';
import { SystemProcessor } from './system/system.processor';
import { ChannelsModule } from './channels/channels.module';
import { DigestsModule } from './digests/digests.module';
import { RemindersModule } from './reminders/reminders.module';

/** The worker process: BullMQ processors over the shared database and queue catalogue; no HTTP routes. */
@Module({})
export class WorkerModule {
  static register(options: { queue?: QueueModuleOptions } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [AppConfigModule, AppLoggingModule.forRoot('worker'), DatabaseModule, QueueModule.forRoot('worker', options.queue), DiscoveryModule, ChannelsModule, DigestsModule, RemindersModule],
      providers: [HandlerRegistryService, SchedulesService, SystemProcessor],
    };
  }
}
