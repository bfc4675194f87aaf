import {
  FieldError,
  hasUnsafeCharacter,
  UNSAFE_TEXT_RULE,
  ValidationFailed,
  isOre,
} from '@app/shared-kernel';
import { isIsoDate, isIsoInstant } from './calendar';
import { isOneOf } from './vocabulary';

/**
 * Collects every malformed field of a command before refusing it, so a client
 * fixes all of them in one round (400 with the list).
 */
export class FieldChecks {
  private readonly errors: FieldError[] = [];

  fail(field: string, message: string): this {
    this.errors.push({ field, message });
    return this;
  }

  text(field: string, value: unknown, maxLength = 500): this {
    if (typeof value !== 'string' || value.trim() === '') return this.fail(field, 'is required');
    if (value.length > maxLength) return this.fail(field, `must be at most ${maxLength} characters`);
    return this;
  }

  /** A name or an id shown in reports and files: no control or bidirectional formatting characters. */
  oneLine(field: string, value: unknown): this {
    return typeof value === 'string' && hasUnsafeCharacter(value) ? this.fail(field, UNSAFE_TEXT_RULE) : this;
  }

  optionalText(field: string, value: unknown, maxLength = 2000): this {
    return value === undefined || value === null ? this : this.text(field, value, maxLength);
  }

  /** A string that may be blank: whether blank is allowed is a domain rule, answered by the decider. */
  optionalString(field: string, value: unknown, maxLength = 2000): this {
    if (value === undefined || value === null) return this;
    if (typeof value !== 'string') return this.fail(field, 'must be text');
    return value.length > maxLength ? this.fail(field, `must be at most ${maxLength} characters`) : this;
  }

  oneOf(field: string, allowed: readonly string[], value: unknown): this {
    return isOneOf(allowed, value) ? this : this.fail(field, `must be one of ${allowed.join(', ')}`);
  }

  date(field: string, value: unknown): this {
    return isIsoDate(value) ? this : this.fail(field, 'must be a date YYYY-MM-DD');
  }

  optionalDate(field: string, value: unknown): this {
    return value === undefined || value === null ? this : this.date(field, value);
  }

  instant(field: string, value: unknown): this {
    return isIsoInstant(value) ? this : this.fail(field, 'must be an ISO 8601 instant with offset');
  }

  /** Range rules (0–24 hours) are domain rules; this only catches what is not a number at all. */
  finiteNumber(field: string, value: unknown): this {
    return typeof value === 'number' && Number.isFinite(value) ? this : this.fail(field, 'must be a number');
  }

  nonNegativeNumber(field: string, value: unknown): this {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
      ? this
      : this.fail(field, 'must be a number ≥ 0');
  }

  nonNegativeOre(field: string, value: unknown): this {
    return isOre(value) && value >= 0 ? this : this.fail(field, 'must be a whole number of øre ≥ 0');
  }

  /** An upper bound the honorarium calculator also holds (PRICING_BOUNDS), so what is stored can always be priced. */
  atMost(field: string, value: unknown, max: number, unit: string): this {
    return typeof value === 'number' && value > max
      ? this.fail(field, `must be at most ${max} ${unit}, the most the honorarium calculator prices`)
      : this;
  }

  boolean(field: string, value: unknown): this {
    return typeof value === 'boolean' ? this : this.fail(field, 'must be true or false');
  }

  throwIfAny(): void {
    if (this.errors.length > 0) throw new ValidationFailed(this.errors);
  }
}
