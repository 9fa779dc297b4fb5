import { Injectable } from '@nestjs/common';

/**
 * "Now" for the lead workflow (assignment day, screening due date, timestamps). Injected so that tests can
 * pin the assignment day (e.g. to a Friday before a holiday) without sleeping or faking timers globally.
 */
@Injectable()
export class LeadClock {
  now(): Date {
    return new Date();
  }
}
