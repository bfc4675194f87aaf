import { Injectable } from '@nestjs/common';
import { AccessLog, type AuditEvent } from '@app/audit';
import { isForgotten, isSealedEnvelope, PersonalDataVault, SealedDataUnreadable } from '@app/participation';
import type { AuthUser } from '../http';

/** What an auditor gets next to a sealed field: the opened data, or why it cannot be shown. */
export type RevealedPersonalData = Record<string, object | { forgotten: true } | { unreadable: true }>;

export type RevealedAuditEvent = AuditEvent & { personalData?: RevealedPersonalData };

/**
 * docs/adr/0007: `data` is always served exactly as stored (sealed fields as
 * ciphertext), so anyone can recompute the hash. Only auditors also get
 * `personalData`: each sealed field of `data` opened with the vault, keyed by
 * its path (`sealed`, `topic`, `changes.topic`, `evidence.summary`; free text
 * opens as `{ text }`). Every person whose data was opened gets an
 * access-log row.
 */
@Injectable()
export class PersonalDataReveal {
  constructor(
    private readonly vault: PersonalDataVault,
    private readonly accessLog: AccessLog,
  ) {}

  async forCaller(user: AuthUser, events: AuditEvent[], via: string): Promise<RevealedAuditEvent[]> {
    if (!user.roles.includes('auditor')) return events;
    const openedFor = new Map<string, number[]>();
    const revealed: RevealedAuditEvent[] = [];
    for (const event of events) {
      const personalData: RevealedPersonalData = {};
      for (const [field, value] of sealedFieldsOf(event.data)) {
        const personId = sealedFor(event);
        if (personId === undefined) {
          personalData[field] = { unreadable: true };
          continue;
        }
        personalData[field] = await this.open(personId, value);
        const positions = openedFor.get(personId) ?? [];
        if (positions.at(-1) !== event.position) openedFor.set(personId, [...positions, event.position]);
      }
      revealed.push(Object.keys(personalData).length > 0 ? { ...event, personalData } : event);
    }
    for (const [personId, positions] of openedFor) {
      await this.accessLog.record({
        actor: user.sub,
        roles: user.roles,
        action: 'read-personal-data',
        subject: personId,
        detail: { via, positions },
      });
    }
    return revealed;
  }

  private async open(personId: string, sealed: string): Promise<object> {
    try {
      const opened = await this.vault.open<object>(personId, sealed);
      return isForgotten(opened) ? { forgotten: true } : opened;
    } catch (error) {
      if (error instanceof SealedDataUnreadable) return { unreadable: true };
      throw error;
    }
  }
}

/** Sealed values at the top of `data` or one object down (a correction's `changes`, an evidence). */
function sealedFieldsOf(data: Record<string, unknown>): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const [field, value] of Object.entries(data)) {
    if (isSealedEnvelope(value)) found.push([field, value]);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value))
      for (const [inner, innerValue] of Object.entries(value))
        if (isSealedEnvelope(innerValue)) found.push([`${field}.${inner}`, innerValue]);
  }
  return found;
}

/** The person a sealed field of this event was sealed for (the vault binds it as AAD). */
function sealedFor(event: AuditEvent): string | undefined {
  const data = event.data;
  if (event.type === 'ProjectLeadAdded' && typeof data.sub === 'string') return `lead-${data.sub}`;
  return typeof data.participantId === 'string' ? data.participantId : undefined;
}
