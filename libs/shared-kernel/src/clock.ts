/** The one way code learns the time, so tests and domain logic can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still (or moves only when told), for tests and replays. */
export class FixedClock implements Clock {
  private current: Date;
  constructor(iso: string | Date) {
    this.current = new Date(iso);
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(iso: string | Date): void {
    this.current = new Date(iso);
  }
}

export const CLOCK = Symbol('Clock');
