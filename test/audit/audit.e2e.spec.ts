import { eventHash, type EventMetadata } from '@app/event-store';
import {
  Notary,
  verifyCheckpoint,
  verifyConsistencyProof,
  verifyInclusionProof,
  type Checkpoint,
  type InclusionProof,
} from '@app/audit';
import type { FixedClock } from '@app/shared-kernel';
import {
  expectFieldErrors,
  expectProblem,
  ParticipationApi,
  SUB,
  type Scenario,
} from '../participation/support/builders';
import { rewriteStoredEvent } from './support/tamper';

interface Item {
  position: number;
  streamId: string;
  version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  hash: string;
  personalData?: Record<string, Record<string, unknown>>;
}

describe('audit: history, notary and verification through HTTP', () => {
  let api: ParticipationApi;
  let s: Scenario;
  let otherParticipant: string;
  let first: Checkpoint;

  const clock = () => api.t.clock as FixedClock;
  /** What the notary's scheduler does every second, without waiting for it. */
  const checkpointAfterAMinute = async (): Promise<Checkpoint> => {
    await api.t.settled();
    clock().advance(61_000);
    await api.t.app.get(Notary).checkpointIfDue();
    const res = await api.get('/v1/audit/checkpoints/latest', 'auditor');
    expect(res.status).toBe(200);
    return res.body as Checkpoint;
  };
  const history = async (participantId: string, who: 'auditor' | 'admin' = 'auditor') => {
    const res = await api.get(`/v1/audit/participants/${participantId}/history`, who);
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  };

  beforeAll(async () => {
    api = await ParticipationApi.start();
    s = await api.scenario();
    const corrected = await api.post(`/v1/involvements/${s.involvementId}/corrections`, 'lead', {
      changes: { topic: 'Pasientreiser, revidert' },
      reason: 'Feil tema',
    });
    expect(corrected.status).toBe(200);
    otherParticipant = await api.participant({ name: 'Ola Annen' });
    await api.t.settled();
  });

  afterAll(() => api.close());

  it('reads a participant’s whole history in order, as stored, and nobody else’s', async () => {
    const items = await history(s.participantId);
    expect(items.map((i) => i.type)).toEqual([
      'ParticipantRegistered',
      'AppointmentMade',
      'InvolvementLogged',
      'InvolvementCorrected',
    ]);
    const positions = items.map((i) => i.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(items.map((i) => i.streamId)).toEqual([
      `participant-${s.participantId}`,
      `appointment-${s.appointmentId}`,
      `involvement-${s.involvementId}`,
      `involvement-${s.involvementId}`,
    ]);
    for (const item of items) {
      expect(item.metadata).toMatchObject({ actor: SUB.lead, recordedAt: expect.any(String) });
      expect(item.metadata).toHaveProperty('correlationId');
      expect(item.metadata).toHaveProperty('causationId');
      // Anyone can recompute the hash from what is served.
      expect(eventHash(item)).toBe(item.hash);
    }
    expect(JSON.stringify(await history(otherParticipant))).not.toContain(s.involvementId);
  });

  it('opens personal data for auditors and logs the read; admins get the ciphertext only', async () => {
    const reads = async () => {
      const res = await api.get(
        `/v1/audit/access-log?subject=${s.participantId}&action=read-personal-data`,
        'auditor',
      );
      expect(res.status).toBe(200);
      return res.body.items as unknown[];
    };
    const before = (await reads()).length;
    const items = await history(s.participantId, 'auditor');
    const [registered] = items;
    expect(registered.data.sealed).toMatch(/^pii:v1:/);
    expect(registered.personalData?.sealed).toMatchObject({ name: 'Máret Ŋuolja' });
    expect(items.filter((i) => i.personalData).map((i) => i.type)).toEqual([
      'ParticipantRegistered',
      'InvolvementLogged',
      'InvolvementCorrected',
    ]);
    const logged = await reads();
    expect(logged.slice(before)).toEqual([
      expect.objectContaining({
        actor: SUB.auditor,
        action: 'read-personal-data',
        subject: s.participantId,
        // The registration's sealed data, and the involvement's sealed free text (docs/adr/0014).
        detail: {
          via: 'audit-participant-history',
          positions: items.filter((i) => i.personalData).map((i) => i.position),
        },
      }),
    ]);

    const asAdmin = await api.get(`/v1/audit/participants/${s.participantId}/history`, 'admin');
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.items[0].data.sealed).toBe(registered.data.sealed);
    expect(asAdmin.body.items[0]).not.toHaveProperty('personalData');
    expect(JSON.stringify(asAdmin.body)).not.toContain('Máret');
    expect(await reads()).toHaveLength(before + 1);
    const queries = await api.get(`/v1/audit/access-log?actor=${SUB.admin}&action=audit-query`, 'auditor');
    expect(queries.body.items).toContainEqual(
      expect.objectContaining({ subject: `participant-history:${s.participantId}`, roles: ['admin'] }),
    );
  });

  it('filters and pages the global history', async () => {
    const logged = await api.get('/v1/audit/events?type=InvolvementLogged', 'admin');
    expect(logged.body.items.map((i: Item) => i.streamId)).toEqual([`involvement-${s.involvementId}`]);
    const byStream = await api.get(`/v1/audit/streams/involvement-${s.involvementId}`, 'admin');
    expect(byStream.body.items.map((i: Item) => i.version)).toEqual([1, 2]);

    const firstPage = await api.get('/v1/audit/events?limit=2', 'admin');
    expect(firstPage.body.items).toHaveLength(2);
    const secondPage = await api.get(`/v1/audit/events?limit=2&after=${firstPage.body.next}`, 'admin');
    expect(secondPage.body.items[0].position).toBeGreaterThan(firstPage.body.items[1].position);
    const byActor = await api.get(`/v1/audit/events?actor=${SUB.admin}`, 'admin');
    expect(byActor.body).toEqual({ items: [], next: null });
    const future = await api.get('/v1/audit/events?from=2030-01-01T00:00:00Z', 'admin');
    expect(future.body.items).toEqual([]);

    expectFieldErrors(await api.get('/v1/audit/events?limit=0&from=yesterday', 'admin'), 'limit', 'from');
    expectProblem(await api.get('/v1/audit/streams/involvement-nope', 'admin'), 404);
    expectProblem(await api.get('/v1/audit/participants/nobody/history', 'auditor'), 404);
  });

  it('lets only auditors and admins in', async () => {
    for (const who of ['lead', 'finance'] as const) {
      expectProblem(await api.get('/v1/audit/events', who), 403);
      expectProblem(await api.get(`/v1/audit/participants/${s.participantId}/history`, who), 403);
      expectProblem(await api.get('/v1/audit/access-log', who), 403);
      expectProblem(await api.post('/v1/audit/verify', who), 403);
    }
    expectProblem(await api.get('/v1/audit/checkpoints/latest', 'none'), 401);
    const none = await api.get('/v1/audit/checkpoints/latest', 'auditor');
    expectProblem(none, 404);
    expect(none.body.detail).toContain('no checkpoint has been signed yet');
  });

  it('describes every audit endpoint in the OpenAPI document', async () => {
    const doc = await api.t.http.get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/audit/events',
        '/v1/audit/streams/{streamId}',
        '/v1/audit/participants/{id}/history',
        '/v1/audit/checkpoints/latest',
        '/v1/audit/events/{position}/proof',
        '/v1/audit/consistency',
        '/v1/audit/verify',
        '/v1/audit/access-log',
      ]),
    );
  });

  it('serves a signed checkpoint and an inclusion proof verifiable with the public key alone', async () => {
    first = await checkpointAfterAMinute();
    const events = await api.eventCount();
    expect(first).toMatchObject({ treeSize: events, origin: expect.any(String) });
    expect(verifyCheckpoint(first, first.publicKey)).toBe(true);

    const [, , logged] = await history(s.participantId);
    const res = await api.get(
      `/v1/audit/events/${logged.position}/proof?treeSize=${first.treeSize}`,
      'auditor',
    );
    expect(res.status).toBe(200);
    const proof = res.body as InclusionProof;
    expect(proof.treeSize).toBe(first.treeSize);
    expect(verifyInclusionProof(logged.hash, proof, first.rootHash)).toBe(true);
    // The same proof does not prove another event.
    expect(verifyInclusionProof(eventHash({ ...logged, version: 9 }), proof, first.rootHash)).toBe(false);
  });

  it('proves that a later checkpoint extends an earlier one', async () => {
    await api.involvement(s.projectId, s.participantId, { occurredOn: '2025-04-10' });
    const second = await checkpointAfterAMinute();
    expect(second.treeSize).toBeGreaterThan(first.treeSize);
    const res = await api.get(
      `/v1/audit/consistency?from=${first.treeSize}&to=${second.treeSize}`,
      'auditor',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fromSize: first.treeSize, toSize: second.treeSize });
    expect(verifyConsistencyProof(res.body, first.rootHash, second.rootHash)).toBe(true);
    expect(verifyConsistencyProof(res.body, second.rootHash, first.rootHash)).toBe(false);
  });

  it('answers bad proof requests with a clear 4xx', async () => {
    const latest = (await api.get('/v1/audit/checkpoints/latest', 'admin')).body as Checkpoint;
    const beyond = await api.get(`/v1/audit/events/1/proof?treeSize=${latest.treeSize + 1}`, 'auditor');
    expectFieldErrors(beyond, 'treeSize');
    expect(beyond.body.errors[0].message).toContain(
      `latest signed checkpoint, whose treeSize is ${latest.treeSize}`,
    );
    expectProblem(await api.get('/v1/audit/events/999999/proof', 'auditor'), 404);
    expectFieldErrors(await api.get('/v1/audit/events/abc/proof', 'auditor'), 'position');
    expectFieldErrors(
      await api.get(`/v1/audit/consistency?from=1&to=${latest.treeSize + 5}`, 'auditor'),
      'to',
    );
    expectFieldErrors(await api.get('/v1/audit/consistency?from=3&to=2', 'auditor'), 'from');
    expectFieldErrors(await api.get('/v1/audit/consistency', 'auditor'), 'from', 'to');
  });

  describe('verification', () => {
    let target: Item;

    const verify = async () => {
      const res = await api.post('/v1/audit/verify', 'auditor');
      expect(res.status).toBe(200);
      return res.body as { verified: boolean; events: number; failures: Array<Record<string, unknown>> };
    };

    beforeAll(async () => {
      await checkpointAfterAMinute();
      [, , target] = await history(s.participantId);
    });

    it('is clean on an untouched log', async () => {
      expect(await verify()).toMatchObject({ verified: true, events: await api.eventCount(), failures: [] });
    });

    it('names the event whose data was changed behind the store’s back', async () => {
      await rewriteStoredEvent(api.t.db.pool, target.position, {
        data: { ...target.data, hours: { meeting: 9 } },
      });
      const report = await verify();
      expect(report.verified).toBe(false);
      expect(report.failures).toEqual([
        {
          position: target.position,
          streamId: target.streamId,
          version: target.version,
          reason: expect.stringContaining('no longer matches its stored hash'),
        },
      ]);
      await rewriteStoredEvent(api.t.db.pool, target.position, { data: target.data });
      expect((await verify()).verified).toBe(true);
    });

    it('names it too when the attacker also rewrites the stored hash (the signed tree gives it away)', async () => {
      const forged = { ...target, data: { ...target.data, topic: 'Noe helt annet' } };
      await rewriteStoredEvent(api.t.db.pool, target.position, {
        data: forged.data,
        hash: eventHash(forged),
      });
      const report = await verify();
      expect(report.verified).toBe(false);
      expect(report.failures).toEqual([
        {
          position: target.position,
          streamId: target.streamId,
          version: target.version,
          reason: expect.stringContaining('differs from the one signed in checkpoint'),
        },
      ]);
    });
  });
});
