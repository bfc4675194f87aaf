import { Conflict, ValidationFailed } from '@app/shared-kernel';
import type { ExpectedVersion } from './event-store.port';

/** Optimistic concurrency: the stream moved on since the writer read it. Nothing was appended. */
export class WrongExpectedVersion extends Conflict {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, but version ${String(expected)} was expected`);
  }
}

/** An event id already stored elsewhere (another stream, or only some of a batch): not a plain retry. */
export class EventIdConflict extends Conflict {
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already used by another append`);
  }
}

/** The events to append are not storable (bad id, empty type, a value JSON cannot carry). */
export class InvalidEvents extends ValidationFailed {}
