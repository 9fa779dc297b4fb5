import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CompaniesModule } from '../companies/companies.module';
import { DictionariesModule } from '../dictionaries/dictionaries.module';
import { ProjectsModule } from '../projects/projects.module';
import { LeadDuplicatesService } from './lead-duplicates.service';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';

@Module({
  imports: [DictionariesModule, CompaniesModule, ProjectsModule, CalendarModule],
  controllers: [LeadsController],
  providers: [LeadsService, LeadDuplicatesService],
  exports: [LeadsService],
})
export class LeadsModule {}
