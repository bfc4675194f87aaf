import { FieldError, Ore, ValidationFailed, isOre } from '@app/shared-kernel';
import { isCalendarDate } from './calendar-date';
import { isOneOf } from './vocabulary';

type Json = Record<string, unknown>;

/** Guideline texts (issuer, notes, reasons) are a paragraph at most; addresses fit any browser. */
const MAX_TEXT_LENGTH = 5000;
const MAX_URL_LENGTH = 2000;

/**
 * `http(s)://host.tld…` without white space: the host (up to the first '/')
 * holds a dot after its first character, and something follows that dot.
 * Index searches in one pass; the regular expression it replaces backtracked
 * quadratically over a long run of dots.
 */
function isHttpAddress(text: string): boolean {
  const scheme = text.startsWith('https://') ? 8 : text.startsWith('http://') ? 7 : 0;
  if (scheme === 0 || /\s/.test(text)) return false;
  const rest = text.slice(scheme);
  const slash = rest.indexOf('/');
  const host = slash === -1 ? rest : rest.slice(0, slash);
  const dot = host.indexOf('.', 1);
  return dot !== -1 && dot < rest.length - 1;
}

/** JSON clients send `null` as often as they leave a field out; both mean "not given". */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** `rules[2].rate.defaultOre`-style paths, as the API reports invalid fields. */
export function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * Reads untrusted JSON field by field and collects every problem before
 * refusing, so whoever fixes the data sees all of them at once. Each reader
 * returns `undefined` after recording a failure; callers assemble the typed
 * result only when `throwIfAny` has passed.
 */
export class FieldReader {
  private readonly errors: FieldError[] = [];

  fail(field: string, message: string): undefined {
    this.errors.push({ field, message });
    return undefined;
  }

  /** Compare before and after reading a part, to tell whether that part failed. */
  get errorCount(): number {
    return this.errors.length;
  }

  throwIfAny(): void {
    if (this.errors.length > 0) this.abort();
  }

  /** Refuses with what has been collected; for when nothing further can be read. */
  abort(): never {
    throw new ValidationFailed([...this.errors]);
  }

  /** An object whose keys are all known: an unknown key is most often a misspelt one. */
  object(value: unknown, path: string, allowedKeys: readonly string[]): Json | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.fail(path || '(root)', 'must be an object');
    }
    for (const key of Object.keys(value)) {
      if (!allowedKeys.includes(key)) this.fail(fieldPath(path, key), 'is not a known field');
    }
    return value as Json;
  }

  array(value: unknown, path: string, minLength = 0): unknown[] | undefined {
    if (!Array.isArray(value)) return this.fail(path, 'must be an array');
    if (value.length < minLength) return this.fail(path, `must have at least ${minLength} item(s)`);
    return value as unknown[];
  }

  text(value: unknown, path: string, maxLength = MAX_TEXT_LENGTH): string | undefined {
    if (typeof value !== 'string' || value.trim() === '')
      return this.fail(path, 'is required (non-empty text)');
    if (value.length > maxLength) return this.fail(path, `must be at most ${maxLength} characters`);
    return value;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    return typeof value === 'boolean' ? value : this.fail(path, 'must be true or false');
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    return isOneOf(allowed, value) ? value : this.fail(path, `must be one of ${allowed.join(', ')}`);
  }

  date(value: unknown, path: string): string | undefined {
    return isCalendarDate(value) ? value : this.fail(path, 'must be a real date YYYY-MM-DD');
  }

  /** Money is whole øre: 429.5 is refused rather than rounded, so no amount is silently changed. */
  ore(value: unknown, path: string, max?: Ore): Ore | undefined {
    if (value === undefined) return this.fail(path, 'is required (whole øre)');
    if (typeof value !== 'number' || !Number.isFinite(value))
      return this.fail(path, 'must be a number of øre');
    if (value < 0) return this.fail(path, 'must not be negative');
    if (!isOre(value)) return this.fail(path, 'must be a whole number of øre (integer)');
    if (max !== undefined && value > max) return this.fail(path, `must be at most ${max} øre`);
    return value;
  }

  wholeNumber(value: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return this.fail(path, `must be a whole number from ${min} to ${max}`);
    }
    return value;
  }

  decimal(value: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      return this.fail(path, `must be a number from ${min} to ${max}`);
    }
    return value;
  }

  /** Every rule names where it came from; only http(s) addresses can be followed by an auditor. */
  url(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null || value === '')
      return this.fail(path, 'is required: every rule names its source');
    if (typeof value === 'string' && value.length > MAX_URL_LENGTH)
      return this.fail(path, `must be at most ${MAX_URL_LENGTH} characters`);
    if (typeof value !== 'string' || !isHttpAddress(value))
      return this.fail(path, 'must be an http(s) address');
    return value;
  }

  optionalText(value: unknown, path: string): string | undefined {
    return isAbsent(value) ? undefined : this.text(value, path);
  }
}
