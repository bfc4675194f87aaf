import { Injectable } from '@nestjs/common';
import { AccessLog } from '@app/audit';
import type { AuthUser } from '../http';

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
}
