import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { QueueDashboardController } from './queue-dashboard.controller';
import { QueueDashboardService } from './queue-dashboard.service';

/** The queue dashboard's access (`POST /api/admin/queues/session`); the board itself is mounted by mountQueueDashboard. */
@Module({
  imports: [JwtModule.register({})],
  controllers: [QueueDashboardController],
  providers: [QueueDashboardService],
  exports: [QueueDashboardService],
})
export class QueueDashboardModule {}
