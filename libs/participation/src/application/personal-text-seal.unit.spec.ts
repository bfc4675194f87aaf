import { randomBytes } from 'node:crypto';
import type { StoredEvent } from '@app/event-store';
import { InMemoryPersonalDataKeyStore, PersonalDataVault } from '../personal-data';
import { PersonalTextSeal } from './personal-text-seal';

const stored = (type: string, data: Record<string, unknown>, schemaVersion: number): StoredEvent => ({
  position: 1,
  streamId: 'involvement-i-1',
  version: 1,
  eventId: 'e-1',
  type,
  data,
  metadata: { actor: 'lead', correlationId: 'c', causationId: null, recordedAt: '', schemaVersion },
  hash: '',
});

describe('PersonalTextSeal', () => {
  const vault = new PersonalDataVault(new InMemoryPersonalDataKeyStore(), randomBytes(32));
  const seal = new PersonalTextSeal(vault);
  const correction = {
    type: 'InvolvementCorrected',
    data: {
      involvementId: 'i-1',
      participantId: 'u-1',
      changes: { topic: 'Nytt tema', hours: { meeting: 2 } },
      previous: { topic: 'Gammelt tema', hours: { meeting: 1 } },
      reason: 'Feil tema',
    },
  };

  it('seals every personal text field as its own envelope, leaving the rest and the input as they were', async () => {
    const sealed = await seal.seal(correction);
    expect(sealed.schemaVersion).toBe(2);
    expect(sealed.data).toMatchObject({
      involvementId: 'i-1',
      participantId: 'u-1',
      reason: expect.stringMatching(/^pii:v1:/),
      changes: { topic: expect.stringMatching(/^pii:v1:/), hours: { meeting: 2 } },
      previous: { topic: expect.stringMatching(/^pii:v1:/), hours: { meeting: 1 } },
    });
    expect(JSON.stringify(sealed.data)).not.toMatch(/tema/);
    expect(correction.data.reason).toBe('Feil tema');
  });

  it('opens them again, and reads them as erased once the person is forgotten', async () => {
    const sealed = await seal.seal(correction);
    const opened = await seal.open(stored(sealed.type, sealed.data, 2));
    expect(opened.data).toEqual(correction.data);

    const other = new PersonalTextSeal(
      new PersonalDataVault(new InMemoryPersonalDataKeyStore(), randomBytes(32)),
    );
    const before = await other.seal(correction);
    await (other as unknown as { vault: PersonalDataVault }).vault.forget('u-1');
    const erased = await other.open(stored(before.type, before.data, 2));
    expect(erased.data).toMatchObject({
      reason: { erased: true },
      changes: { topic: { erased: true }, hours: { meeting: 2 } },
      previous: { topic: { erased: true } },
    });
  });

  it('leaves null text, events without personal text and schema version 1 events as they are', async () => {
    const logged = { type: 'InvolvementLogged', data: { participantId: 'u-1', topic: null } };
    expect((await seal.seal(logged)).data).toEqual(logged.data);
    const project = { type: 'ProjectRegistered', data: { name: 'Prosjekt' } };
    expect(await seal.seal(project)).toEqual({ type: 'ProjectRegistered', data: project.data });
    const plain = stored('InvolvementLogged', { participantId: 'u-1', topic: 'pii:v1:looks-like-one' }, 1);
    expect(await seal.open(plain)).toBe(plain);
  });

  it('opens a single value a read model kept as stored, sealed or plain', async () => {
    const made = await seal.seal({
      type: 'AppointmentMade',
      data: { participantId: 'u-1', exceptionReason: 'Ansatt, men også bruker' },
    });
    await expect(seal.openValue('u-1', made.data.exceptionReason as string)).resolves.toBe(
      'Ansatt, men også bruker',
    );
    await expect(seal.openValue('u-1', 'Skrevet før forsegling')).resolves.toBe('Skrevet før forsegling');
    await expect(seal.openValue('u-1', null)).resolves.toBeNull();
  });

  it('refuses to seal text about a person it cannot name (a programming error)', async () => {
    await expect(seal.seal({ type: 'InvolvementVoided', data: { reason: 'x' } })).rejects.toThrow(
      /names no participantId/,
    );
  });
});
