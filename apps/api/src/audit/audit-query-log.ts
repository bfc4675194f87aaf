import { Injectable } from '@nestjs/common';
import { AccessLog } from '@app/audit';
import type { AuthUser } from '../http';

/** Longest value of a known parameter kept in the log (longer ones are cut, marked with …). */
const MAX_VALUE_LENGTH = 256;
/** How many names of ignored parameters are kept; the rest are only counted. */
const MAX_IGNORED_NAMES = 10;
/** A parameter name worth keeping: short, an identifier; anything else is only counted. */
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/;

/** Invariant 7: every audit query is itself recorded (who, when, what). */
@Injectable()
export class AuditQueryLog {
  constructor(private readonly accessLog: AccessLog) {}

  record(user: AuthUser, subject: string, detail: Record<string, unknown> = {}): Promise<void> {
    const query = Object.fromEntries(Object.entries(detail).filter(([, value]) => value !== undefined));
    return this.accessLog.record({
      actor: user.sub,
      roles: user.roles,
      action: 'audit-query',
      subject,
      detail: query,
    });
  }

  /**
   * A route's raw query string, as the log may keep it: the parameters the
   * route knows (values bounded), and of the others, which the route ignored,
   * only how many there were and their names when they look like names. The
   * access log is append-only, so nothing a caller makes up lands in it verbatim.
   */
  recordQuery(
    user: AuthUser,
    subject: string,
    query: Record<string, unknown>,
    known: readonly string[],
  ): Promise<void> {
    return this.record(user, subject, loggableQuery(query, known));
  }
}

export function loggableQuery(
  query: Record<string, unknown>,
  known: readonly string[],
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (known.includes(name)) kept[name] = bounded(value);
    else ignored.push(name);
  }
  if (ignored.length === 0) return kept;
  const names = ignored.filter((name) => PARAMETER_NAME.test(name)).slice(0, MAX_IGNORED_NAMES);
  return { ...kept, ignoredParameters: { count: ignored.length, names } };
}

/** Query values are strings, or arrays / objects of them when a parameter repeats or uses brackets. */
function bounded(value: unknown): unknown {
  if (typeof value === 'string')
    return value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return '(not a single value)';
}
