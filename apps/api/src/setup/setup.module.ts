import { Module } from '@nestjs/common';
import { FirstRunService } from './first-run.service';
import { SetupService } from './setup.service';

@Module({
  providers: [FirstRunService, SetupService],
  exports: [FirstRunService],
})
export class SetupModule {}
