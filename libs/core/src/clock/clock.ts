import { Injectable } from '@nestjs/common';

/** The only source of "now" for domain logic, so legal clocks can be tested on fixed dates. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's calendar date in Europe/Amsterdam as YYYY-MM-DD. */
  today(): string {
    return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(this.now());
  }
}

export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date) {
    this.current = date;
  }
}
