import { Module } from '@nestjs/common';
import { DictionariesModule } from '../dictionaries/dictionaries.module';
import { ProjectsModule } from '../projects/projects.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [ProjectsModule, DictionariesModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
