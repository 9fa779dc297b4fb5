import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { BlockersController } from './blockers.controller';
import { BlockersService } from './blockers.service';

@Module({
  imports: [ProjectsModule],
  controllers: [BlockersController],
  providers: [BlockersService],
  exports: [BlockersService],
})
export class BlockersModule {}
