import { Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { QueueDashboardService } from './queue-dashboard.service';

export class DashboardSessionView {
  @ApiProperty({ example: '/admin/queues?ticket=…', description: 'open within 60 s, once: it sets a 30-minute dashboard cookie' }) url: string;
  @ApiProperty({ format: 'date-time', description: 'when the ticket expires' }) expiresAt: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/queues')
export class QueueDashboardController {
  constructor(private readonly dashboard: QueueDashboardService) {}

  @Post('session')
  @Roles('admin')
  @ApiOperation({ summary: '队列面板入口 / A one-time URL into the queue dashboard (bull-board at /admin/queues), admins only' })
  @ApiCreatedResponse({ type: DashboardSessionView })
  session(@CurrentActor() actor: Actor): Promise<DashboardSessionView> {
    return this.dashboard.issueTicket(actor);
  }
}
