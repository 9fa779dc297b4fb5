import { Injectable } from '@nestjs/common';

/**
 * "Now", injected wherever the product reads the time (assignment days, due dates, reminders), so that tests
 * pin it (e.g. to a Friday before a holiday) without sleeping or faking timers globally.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
