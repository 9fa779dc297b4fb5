import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { DeliveriesService } from './deliveries.service';
import { DeliveryPage, DeliveryView } from './delivery.view';
import { ListDeliveriesQueryDto } from './dto/delivery.dto';

@ApiTags('reminders')
@ApiBearerAuth()
@Roles('admin')
@Controller('reminders/deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @ApiOperation({ summary: '提醒发送记录 / Reminder deliveries, newest first (?status=failed: the sends that kept failing) (admin)' })
  @ApiOkResponse({ type: DeliveryPage })
  list(@Query() query: ListDeliveriesQueryDto): Promise<DeliveryPage> {
    return this.deliveries.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: '重新发送 / Put a failed delivery back in the outbox (admin)' })
  @ApiOkResponse({ type: DeliveryView })
  retry(@Param('id', IdParam()) id: string): Promise<DeliveryView> {
    return this.deliveries.retry(id);
  }
}
