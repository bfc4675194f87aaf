import type { ValidationError } from 'class-validator';
import type { FieldError } from '@app/shared-kernel';

/** Enough to fix a request; a hostile body cannot make the answer grow without bound. */
const MAX_ERRORS = 50;

/** Checks of what a value is; when one fails, checks of its size or format say nothing useful. */
const KIND_CHECKS = new Set([
  'isString',
  'isNumber',
  'isInt',
  'isBoolean',
  'isArray',
  'isObject',
  'isDateString',
  'isISO8601',
  'isUuid',
  'isEnum',
  'isIn',
  'nestedValidation',
]);

/**
 * class-validator's error tree as flat `{field, message}` pairs with dotted
 * paths and array indexes (`hours.meeting`, `expenses[0].km`); messages lose
 * the property name the path already gives. A missing field says "is
 * required"; a value of the wrong kind gets only that message.
 */
export function fieldErrors(errors: readonly ValidationError[]): FieldError[] {
  const out: FieldError[] = [];
  collect(errors, '', out);
  return out.slice(0, MAX_ERRORS);
}

function collect(errors: readonly ValidationError[], parent: string, out: FieldError[]): void {
  for (const error of errors) {
    if (out.length >= MAX_ERRORS) return;
    const field = joinPath(parent, error.property);
    for (const message of messagesOf(error)) out.push({ field, message });
    if (error.children?.length) collect(error.children, field, out);
  }
}

function messagesOf(error: ValidationError): string[] {
  const constraints = Object.entries(error.constraints ?? {});
  if (constraints.length === 0) return [];
  // The pipe keeps values on errors (validationError.value), so undefined means the field is absent.
  if (error.value === undefined && !('whitelistValidation' in (error.constraints ?? {})))
    return ['is required'];
  const kind = constraints.filter(([name]) => KIND_CHECKS.has(name));
  return (kind.length > 0 ? kind : constraints).map(([, message]) => reword(message, error.property));
}

export function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

export function reword(message: string, property: string): string {
  if (message === `property ${property} should not exist`) return 'is not allowed';
  if (message === 'Validation failed (object is expected)') return 'must be a JSON object';
  for (const prefix of [`${property} `, `nested property ${property} `])
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  for (const prefix of [`each value in ${property} `, `each value in nested property ${property} `])
    if (message.startsWith(prefix)) return `each value ${message.slice(prefix.length)}`;
  return message;
}
