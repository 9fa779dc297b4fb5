import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { DictionariesModule } from '../dictionaries/dictionaries.module';
import { ProjectsModule } from '../projects/projects.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [ProjectsModule, CompaniesModule, DictionariesModule],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
