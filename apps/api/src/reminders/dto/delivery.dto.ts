import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DELIVERY_CHANNELS, type DeliveryChannel } from '@zs/domain';
import { PageQueryDto } from '../../common/pagination';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;

export class ListDeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'failed: sends that kept failing after every retry' })
  @IsOptional() @IsIn(DELIVERY_STATUSES) status?: (typeof DELIVERY_STATUSES)[number];

  @ApiPropertyOptional({ enum: DELIVERY_CHANNELS }) @IsOptional() @IsIn(DELIVERY_CHANNELS) channel?: DeliveryChannel;
  @ApiPropertyOptional({ example: 'task_overdue' }) @IsOptional() @IsString() @MaxLength(40) rule?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() recipientId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() projectId?: string;
}
