import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { LeadsModule } from '../leads/leads.module';
import { ProjectsModule } from '../projects/projects.module';
import { UsersModule } from '../users/users.module';
import { DemoDataService } from './demo-data.service';
import { FirstRunService } from './first-run.service';
import { SetupService } from './setup.service';

@Module({
  imports: [UsersModule, CompaniesModule, ProjectsModule, LeadsModule],
  providers: [FirstRunService, DemoDataService, SetupService],
  exports: [FirstRunService],
})
export class SetupModule {}
