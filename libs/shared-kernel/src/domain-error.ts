/**
 * Errors the domain and application raise on purpose. The HTTP layer maps each
 * kind to one status (problem+json, RFC 9457); anything else is a bug (500).
 */
export type FieldError = { field: string; message: string };

export abstract class DomainError extends Error {
  abstract readonly kind:
    'validation' | 'rule' | 'not-found' | 'conflict' | 'forbidden' | 'precondition' | 'precondition-required';
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input is malformed or invalid (400), field by field. */
export class ValidationFailed extends DomainError {
  readonly kind = 'validation' as const;
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}

/** A rule of the domain refuses the command (422); `rule` is a stable code. */
export class RuleViolation extends DomainError {
  readonly kind = 'rule' as const;
  constructor(
    readonly rule: string,
    message: string,
    /** Extra members of the problem details, e.g. the records the rule was met by. */
    readonly members?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export class NotFound extends DomainError {
  readonly kind = 'not-found' as const;
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${id} was not found`);
  }
}

/** A business conflict (409), e.g. a concurrent change or a state that forbids it. */
export class Conflict extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(
    message: string,
    /** Extra members of the problem details, e.g. the id of what already exists. */
    readonly members?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

export class Forbidden extends DomainError {
  readonly kind = 'forbidden' as const;
}

/** The client's If-Match does not match the current version (412). */
export class PreconditionFailed extends DomainError {
  readonly kind = 'precondition' as const;
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`If-Match expected version ${expected}, but the current version is ${actual}`);
  }
}

/** A change that must name the version it is based on came without If-Match (428, RFC 6585 §3). */
export class PreconditionRequired extends DomainError {
  readonly kind = 'precondition-required' as const;
  constructor(what: string) {
    super(
      `${what} requires If-Match with the version the change is based on (the ETag of the last read, e.g. "3"), so that no change made in between is overwritten`,
    );
  }
}
