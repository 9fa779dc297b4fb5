export * from './entities';
export * from './data-source-options';
export * from './prepare-database';
export * from './snake-naming.strategy';
export * from './embedded-postgres';
export * from './database.module';
export * from './queries/dispatch-list';
export {
  affectedRows, CANCELLED_NOTE, cancelResolvedDeliveries, isCauseOpen, openCauses, scanCauses,
  type CauseRef, type CauseRow, type ScannedCause,
} from './reminders/causes';
export { loadWorkCalendar } from './reminders/calendar';
export { type SubjectRange, subjectRanges } from './reminders/subject-ranges';
export { type PlannedDelivery, type PlannedLevel, recordLevels, type RecordedLevels } from './reminders/record-levels';
export { deliverInAppBatch, type InAppBatchResult, upcomingTaskDueSlots } from './reminders/in-app-delivery';
export { preparedQuery } from './queries/prepared-query';
