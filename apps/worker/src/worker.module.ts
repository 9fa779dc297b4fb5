import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfigModule } from '@zs/config';
import { DatabaseModule } from '@zs/db';
import { QueueModule, type QueueModuleOptions } from '@zs/queue';
import { HandlerRegistryService } from './handler-registry.service';
import { LoggingModule } from './logging.module';
import { SchedulesService } from './schedules.service';
import { SystemProcessor } from './system/system.processor';

/** The worker process: BullMQ processors over the shared database and queue catalogue; no HTTP routes. */
@Module({})
export class WorkerModule {
  static register(options: { queue?: QueueModuleOptions } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [AppConfigModule, LoggingModule, DatabaseModule, QueueModule.forRoot('worker', options.queue), DiscoveryModule],
      providers: [HandlerRegistryService, SchedulesService, SystemProcessor],
    };
  }
}
