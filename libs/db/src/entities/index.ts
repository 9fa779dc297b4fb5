import { Agreement } from './agreement.entity';
import { Blocker } from './blocker.entity';
import { Company } from './company.entity';
import { Contact } from './contact.entity';
import { DictionaryEntry } from './dictionary-entry.entity';
import { FieldChange } from './field-change.entity';
import { Fund } from './fund.entity';
import { IdempotencyRecord } from './idempotency-record.entity';
import { Lead } from './lead.entity';
import { Milestone } from './milestone.entity';
import { Park } from './park.entity';
import { Project } from './project.entity';
import { ProjectCodeCounter } from './project-code-counter.entity';
import { StageChange } from './stage-change.entity';
import { Task } from './task.entity';
import { User } from './user.entity';
import { Visit } from './visit.entity';
import { DashboardTicket } from './dashboard-ticket.entity';
import { Digest } from './digest.entity';
import { RobotSend } from './robot-send.entity';
import { RobotWebhook } from './robot-webhook.entity';
import { UserChannelSettings } from './user-channel-settings.entity';
import { CalendarDayOverride } from './calendar-day-override.entity';
import { Delivery } from './delivery.entity';
import { Notification } from './notification.entity';
import { Reminder } from './reminder.entity';
import { ReminderRuleSettings } from './reminder-rule-settings.entity';
import { ProjectStageFacts, ProjectStageSpan } from './project-stage-derived.entity';

export {
  Agreement, Blocker, Company, Contact, DictionaryEntry, FieldChange, Fund, IdempotencyRecord, Lead, Milestone,
  Park, Project, ProjectCodeCounter, StageChange, Task, User, Visit,
};
export { DashboardTicket, Digest, RobotSend, RobotWebhook, UserChannelSettings };
export { CalendarDayOverride, Delivery, Notification, Reminder, ReminderRuleSettings };
export { ProjectStageFacts, ProjectStageSpan };
export type { DeliveryRow, DeliveryStatus } from './delivery.entity';
export type { DictionaryKind } from './dictionary-entry.entity';
export { BaseRecord, SoftDeletableRecord, decimalTransformer } from './base.entity';
export { PROJECT_SEARCH_SEPARATOR } from './project.entity';

export const ENTITIES = [
  Agreement, Blocker, Company, Contact, DictionaryEntry, FieldChange, Fund, IdempotencyRecord, Lead, Milestone,
  Park, Project, ProjectCodeCounter, StageChange, Task, User, Visit,
  DashboardTicket, Digest, RobotSend, RobotWebhook, UserChannelSettings,
  CalendarDayOverride, Delivery, Notification, Reminder, ReminderRuleSettings,
  ProjectStageFacts, ProjectStageSpan,
];
