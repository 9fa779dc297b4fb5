import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { DeliveryRelay } from './delivery-relay.service';
import { DeliveryService } from './delivery.service';
import { ReminderScanner } from './reminder-scanner.service';
import { RemindersBoot } from './reminders-boot.service';
import { RemindersProcessor } from './reminders.processor';

/** The reminder engine in the worker: the reconciliation (scan, cancel, relay) and the Deliver job. */
@Module({
  imports: [ChannelsModule],
  providers: [RemindersProcessor, ReminderScanner, DeliveryService, DeliveryRelay, RemindersBoot],
  exports: [ReminderScanner, DeliveryRelay],
})
export class RemindersModule {}
