import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { FirstRunService } from './first-run.service';

/** What the API does once it is connected and migrated, before it serves. */
@Injectable()
export class SetupService implements OnApplicationBootstrap {
  constructor(private readonly firstRun: FirstRunService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.firstRun.ensureRootAndAdmin();
  }
}
