import { canonicalJson, isUuid, type FieldError } from '@app/shared-kernel';
import { InvalidEvents } from './errors';
import type { AppendContext, NewEvent } from './event-store.port';

/**
 * Refuses, before anything is written, what the log must never hold. Returns
 * each event's data in JCS form, which the hash is then computed around.
 */
export function validateNewEvents(streamId: string, events: NewEvent[], context: AppendContext): string[] {
  const errors: FieldError[] = [];
  const canonicalData: string[] = [];
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > 200)
    errors.push({ field: 'streamId', message: 'must be a non-empty string of at most 200 characters' });
  if (events.length === 0) errors.push({ field: 'events', message: 'must hold at least one event' });
  if (!context.actor) errors.push({ field: 'context.actor', message: 'is required' });
  if (!context.correlationId) errors.push({ field: 'context.correlationId', message: 'is required' });
  const seen = new Set<string>();
  events.forEach((event, i) => {
    if (!isUuid(event.eventId)) errors.push({ field: `events[${i}].eventId`, message: 'must be a UUID' });
    else if (seen.has(event.eventId.toLowerCase()))
      errors.push({ field: `events[${i}].eventId`, message: 'is repeated within the append' });
    else seen.add(event.eventId.toLowerCase());
    if (!event.type || !/^[A-Z][A-Za-z0-9]*$/.test(event.type))
      errors.push({ field: `events[${i}].type`, message: 'must be a PascalCase event type' });
    if (
      event.schemaVersion !== undefined &&
      !(Number.isInteger(event.schemaVersion) && event.schemaVersion > 0)
    )
      errors.push({ field: `events[${i}].schemaVersion`, message: 'must be a positive integer' });
    if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) {
      errors.push({ field: `events[${i}].data`, message: 'must be a JSON object' });
    } else {
      try {
        const json = canonicalJson(event.data);
        canonicalData.push(json);
        // JSON.stringify escapes exactly these; PostgreSQL's jsonb cannot store them.
        if (/\\u0000/.test(json))
          errors.push({ field: `events[${i}].data`, message: 'must not contain NUL characters' });
        if (/\\ud[89a-f]/i.test(json))
          errors.push({ field: `events[${i}].data`, message: 'must not contain unpaired UTF-16 surrogates' });
      } catch (error) {
        errors.push({ field: `events[${i}].data`, message: (error as Error).message });
      }
    }
  });
  if (errors.length > 0) throw new InvalidEvents(errors);
  return canonicalData;
}
