import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Task } from '@zs/db';
import { TASK_STATUSES, type TaskStatus } from './dto/task.dto';

/** A follow-up task (跟进事项) as the API shows it. */
export class TaskView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) projectName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) projectCode: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) dueAt: Date;
  @ApiProperty({ format: 'uuid' }) assigneeId: string;
  @ApiProperty({ enum: TASK_STATUSES, description: 'open, overdue (open and past dueAt) or done' }) status: TaskStatus;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) doneAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) doneById: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'the visit whose next follow-up created it' }) visitId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) createdById: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deletedAt: Date | null;
  @ApiProperty() version: number;
}

export class TaskPage {
  @ApiProperty({ type: [TaskView] }) items: TaskView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function taskStatus(task: Pick<Task, 'doneAt' | 'dueAt'>, now = new Date()): TaskStatus {
  if (task.doneAt) return 'done';
  return task.dueAt.getTime() < now.getTime() ? 'overdue' : 'open';
}

export function toTaskView(task: Task, now = new Date()): TaskView {
  return {
    id: task.id,
    projectId: task.projectId,
    projectName: task.project?.name ?? null,
    projectCode: task.project?.code ?? null,
    title: task.title,
    dueAt: task.dueAt,
    assigneeId: task.assigneeId,
    status: taskStatus(task, now),
    doneAt: task.doneAt,
    doneById: task.doneById,
    visitId: task.visitId,
    createdById: task.createdById,
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
    deletedAt: task.deletedAt,
    version: task.version,
  };
}
