import { Module } from '@nestjs/common';
import { DictionariesModule } from '../dictionaries/dictionaries.module';
import { ProjectAccessService } from './project-access.service';
import { ProjectRecordsService } from './project-records.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  imports: [DictionariesModule],
  controllers: [ProjectsController],
  providers: [ProjectsService, ProjectAccessService, ProjectRecordsService],
  exports: [ProjectsService, ProjectAccessService, ProjectRecordsService],
})
export class ProjectsModule {}
