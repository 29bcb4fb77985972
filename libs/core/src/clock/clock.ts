import { Injectable } from '@nestjs/common';

/** Building an Intl formatter costs far more than using one; today() is called on every request. */
const AMSTERDAM_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** The calendar day of an instant in Europe/Amsterdam, as YYYY-MM-DD. */
export function amsterdamDate(instant: Date | string | number): string {
  return AMSTERDAM_DATE.format(new Date(instant));
}

/** The only source of "now" for domain logic, so legal clocks can be tested on fixed dates. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's calendar date in Europe/Amsterdam as YYYY-MM-DD. */
  today(): string {
    return amsterdamDate(this.now());
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
