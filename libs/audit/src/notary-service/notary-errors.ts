import { DomainError } from '@app/shared-kernel';

/** 404: nothing signed yet, or the event is not yet covered by a checkpoint. */
export class NotYetNotarised extends DomainError {
  readonly kind = 'not-found' as const;
}
