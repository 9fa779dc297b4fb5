import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { ReminderRulesController } from './reminder-rules.controller';
import { ReminderRulesService } from './reminder-rules.service';

/** `/api/reminder-rules` and `/api/reminders/deliveries` (admins); the engine itself runs in the worker. */
@Module({
  imports: [CalendarModule],
  controllers: [ReminderRulesController, DeliveriesController],
  providers: [ReminderRulesService, DeliveriesService],
})
export class RemindersModule {}
