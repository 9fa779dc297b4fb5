import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Env } from '@zs/config';
import { DemoDataService } from './demo-data.service';
import { FirstRunService } from './first-run.service';

/** What the API does once it is connected and migrated, before it serves: first admin, then demo data. */
@Injectable()
export class SetupService implements OnApplicationBootstrap {
  constructor(
    private readonly firstRun: FirstRunService,
    private readonly demo: DemoDataService,
    private readonly env: Env,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { rootParkId } = await this.firstRun.ensureRootAndAdmin();
    if (this.env.DEMO_DATA) await this.firstRun.withSetupLock(() => this.demo.loadIfEmpty(rootParkId));
  }
}
