import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_CHANNELS, type DeliveryChannel } from '@zs/domain';

export class DeliveryRecipientView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

/** One reminder to one recipient on one channel, as admins check them (`GET /api/reminders/deliveries?status=failed`). */
export class DeliveryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'task_overdue:…' }) causeKey: string;
  @ApiProperty({ example: 'task_overdue' }) rule: string;
  @ApiProperty({ enum: [0, 1, 2] }) level: number;
  @ApiProperty({ type: DeliveryRecipientView }) recipient: DeliveryRecipientView;
  @ApiProperty({ enum: DELIVERY_CHANNELS }) channel: DeliveryChannel;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) projectId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) subjectType: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) subjectId: string | null;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiPropertyOptional({ nullable: true, type: String }) link: string | null;
  @ApiProperty({ format: 'date-time', description: 'when the cause reached this level' }) dueAt: Date;
  @ApiProperty({ format: 'date-time', description: 'not sent before (office hours for email and robots)' }) notBefore: Date;
  @ApiProperty({ enum: ['pending', 'sent', 'failed', 'cancelled'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional({ nullable: true, type: String }) lastError: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) sentAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class DeliveryPage {
  @ApiProperty({ type: [DeliveryView] }) items: DeliveryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
