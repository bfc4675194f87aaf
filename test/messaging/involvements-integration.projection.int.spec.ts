import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { StoredEvent } from '@app/event-store';
import { integrationMessageId, TOPICS } from '@app/messaging';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { InvolvementsIntegrationProjection } from '../../libs/participation/src/integration/involvements-integration.projection';

const involvementId = randomUUID();
const participantId = randomUUID();
const projectId = randomUUID();
const appointmentId = randomUUID();

function stored(type: string, version: number, data: Record<string, unknown>): StoredEvent {
  return {
    position: version,
    streamId: `involvement-${involvementId}`,
    version,
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      actor: 'lead-kari',
      correlationId: randomUUID(),
      causationId: null,
      recordedAt: `2025-03-1${version}T10:00:00.000Z`,
      schemaVersion: 1,
    },
    hash: 'not-checked-here',
  };
}

const classification = {
  appointment: { appointmentId, role: 'deputy' },
  countsAsParticipation: true,
  payable: true,
};
const history = [
  stored('InvolvementLogged', 1, {
    involvementId,
    projectId,
    participantId,
    form: 'user-panel',
    occurredOn: '2025-03-10',
    attendance: 'remote',
    hours: { meeting: 2, preparation: 0.5, travel: 0 },
    expenses: [
      {
        kind: 'other',
        amountOre: 12_500,
        receiptRef: 'kvittering Ola Nordmann',
        description: 'Taxi for Ola',
      },
    ],
    lostIncome: { documented: true, amountOre: 150_000 },
    honorariumDecision: null,
    topic: 'Ola Nordmann fortalte om sin behandling',
    ...classification,
  }),
  stored('EvidenceAdded', 2, {
    involvementId,
    evidenceId: randomUUID(),
    evidence: { kind: 'input', summary: 'Ola sa' },
  }),
  stored('InvolvementCorrected', 3, {
    involvementId,
    changes: { occurredOn: '2025-03-11', topic: 'Ola Nordmann, rettet' },
    previous: { occurredOn: '2025-03-10', topic: 'Ola Nordmann fortalte om sin behandling' },
    reason: 'Ola Nordmann ringte og rettet datoen',
    ...classification,
    payable: false,
  }),
  stored('InvolvementVoided', 4, { involvementId, reason: 'Ola Nordmann var ikke der' }),
];

describe('InvolvementsIntegrationProjection → outbox (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const projection = new InvolvementsIntegrationProjection();

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const replay = (events: StoredEvent[]): Promise<void> =>
    dataSource.transaction(async (tx) => {
      for (const event of events)
        if (projection.handles.includes(event.type)) await projection.apply(event, tx);
    });

  async function outbox() {
    const { rows } = await db.pool.query(
      'SELECT message_id, topic, message_key, type, schema_version, occurred_at, payload FROM integration_outbox ORDER BY seq',
    );
    return rows as Array<Record<string, any>>;
  }

  it('refuses a correction of an involvement it never saw logged, enqueuing nothing', async () => {
    await expect(replay([history[2]])).rejects.toThrow(/before it was logged/);
    expect(await outbox()).toEqual([]);
  });

  it('enqueues the state after each change, keyed by participant, with ids, codes and numbers only', async () => {
    await replay(history);
    const rows = await outbox();
    expect(rows.map((r) => [r.topic, r.message_key, r.type, r.schema_version])).toEqual([
      [TOPICS.involvements, participantId, 'InvolvementLogged', 1],
      [TOPICS.involvements, participantId, 'InvolvementCorrected', 1],
      [TOPICS.involvements, participantId, 'InvolvementVoided', 1],
    ]);
    expect(rows.map((r) => r.message_id)).toEqual(
      [history[0], history[2], history[3]].map((e) => integrationMessageId(e.eventId, TOPICS.involvements)),
    );
    expect(rows[0].occurred_at).toBe('2025-03-11T10:00:00.000Z');
    const logged = {
      involvementId,
      participantId,
      projectId,
      appointmentId,
      role: 'deputy',
      form: 'user-panel',
      occurredOn: '2025-03-10',
      attendance: 'remote',
      hours: { meeting: 2, preparation: 0.5, travel: 0 },
      honorariumDecision: null,
      countsAsParticipation: true,
      payable: true,
      status: 'logged',
      version: 1,
    };
    expect(rows[0].payload).toEqual(logged);
    expect(rows[1].payload).toEqual({
      ...logged,
      occurredOn: '2025-03-11',
      payable: false,
      status: 'corrected',
      version: 3,
    });
    expect(rows[2].payload).toEqual({ ...rows[1].payload, status: 'voided', version: 4 });
    const text = JSON.stringify(rows);
    for (const secret of ['Ola', 'Nordmann', 'kvittering', 'Taxi', '150000', '12500'])
      expect(text).not.toContain(secret);
  });

  it('enqueues nothing new when rebuilt from the start', async () => {
    const before = await outbox();
    await dataSource.transaction((tx) => projection.reset(tx));
    await replay(history);
    expect(await outbox()).toEqual(before);
  });
});
