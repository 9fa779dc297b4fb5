import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Notification } from '@zs/db';
import { REMINDER_RULES } from '@zs/domain';

/** An in-app notification as its recipient sees it (API.md `/api/notifications`). */
export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: `the reminder rule that fired (${REMINDER_RULES.join(', ')}), or a digest`, example: 'task_overdue' }) rule: string;
  @ApiProperty({ description: '0 = the officer, 1 = the leading official, 2 = the managers', enum: [0, 1, 2] }) level: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) projectId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'task', description: 'lead | task | project | agreement | milestone | blocker' }) subjectType: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) subjectId: string | null;
  @ApiProperty({ example: '跟进事项已逾期 3 天：天齐锂业氯化锂项目' }) title: string;
  @ApiProperty() body: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the project page', example: 'http://localhost:3000/projects/…' }) link: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) readAt: Date | null;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView] }) items: NotificationView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class UnreadCountView {
  @ApiProperty({ example: 3 }) count: number;
}

export class ReadAllView {
  @ApiProperty({ description: 'how many notifications were marked read' }) updated: number;
}

export function toNotificationView(n: Notification): NotificationView {
  return {
    id: n.id,
    rule: n.rule,
    level: n.level,
    projectId: n.projectId,
    subjectType: n.subjectType,
    subjectId: n.subjectId,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt,
    readAt: n.readAt,
  };
}
