import {
  INTEGRATION_BUS,
  OutboxRelayService,
  type IntegrationBus,
  type IntegrationMessage,
} from '@app/messaging';
import { nationalId, ParticipationApi } from '../participation/support/builders';

const TOPIC = 'participation.involvements.v1';

describe('participation.involvements.v1 over the in-process bus (e2e)', () => {
  let api: ParticipationApi;
  const received: IntegrationMessage[] = [];
  let close: () => Promise<void>;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    const bus = api.t.app.get<IntegrationBus>(INTEGRATION_BUS);
    const subscription = await bus.subscribe(TOPIC, 'e2e-analytics', async (m) => void received.push(m));
    close = () => subscription.close();
  });
  afterAll(async () => {
    await close();
    await api.close();
  });

  async function messagesFor(participantId: string, count: number): Promise<IntegrationMessage[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const mine = received.filter((m) => m.key === participantId);
      if (mine.length >= count) return mine;
      if (Date.now() > deadline) throw new Error(`only ${mine.length} of ${count} messages arrived`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  const personal = {
    name: 'Máret Ŋuolja Áilestad',
    nationalId: nationalId('150765'),
    bankAccount: '1234.56.78903',
  };
  const freeText = {
    topic: 'Samtale med Máret om reisen hjem',
    correction: 'Máret ble værende lenger',
    voiding: 'Ført for Máret ved en feil',
  };

  it('publishes a logged, corrected and voided involvement keyed by participant, in order, free of personal data', async () => {
    const projectId = await api.project();
    const participantId = await api.participant(personal);
    const appointmentId = await api.appoint(projectId, participantId);
    const involvementId = await api.involvement(projectId, participantId, { topic: freeText.topic });
    const corrected = await api.post(`/v1/involvements/${involvementId}/corrections`, 'lead', {
      changes: { hours: { meeting: 3, preparation: 1.17, travel: 1.5 } },
      reason: freeText.correction,
    });
    expect(corrected.status).toBe(200);
    const voided = await api.post(`/v1/involvements/${involvementId}/void`, 'lead', {
      reason: freeText.voiding,
    });
    expect(voided.status).toBe(200);

    const messages = await messagesFor(participantId, 3);
    expect(messages.map((m) => m.type)).toEqual([
      'InvolvementLogged',
      'InvolvementCorrected',
      'InvolvementVoided',
    ]);
    const logged = {
      involvementId,
      participantId,
      projectId,
      appointmentId,
      role: 'member',
      form: 'user-council',
      occurredOn: '2025-03-10',
      attendance: 'in-person',
      hours: { meeting: 2.67, preparation: 1.17, travel: 1.5 },
      honorariumDecision: null,
      countsAsParticipation: true,
      payable: true,
      status: 'logged',
      version: 1,
    };
    expect(messages[0]).toEqual({
      messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      topic: TOPIC,
      key: participantId,
      type: 'InvolvementLogged',
      schemaVersion: 1,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      payload: logged,
    });
    expect(messages[1].payload).toEqual({
      ...logged,
      hours: { meeting: 3, preparation: 1.17, travel: 1.5 },
      status: 'corrected',
      version: 2,
    });
    expect(messages[2].payload).toEqual({
      ...logged,
      hours: { meeting: 3, preparation: 1.17, travel: 1.5 },
      status: 'voided',
      version: 3,
    });

    // Nothing the participant told us, and no free text about them, reached the outbox or the bus.
    await api.t.app.get(OutboxRelayService).drained();
    const { rows } = await api.t.db.pool.query(
      `SELECT message_key, type, payload::text AS payload FROM integration_outbox WHERE message_key = $1`,
      [participantId],
    );
    expect(rows).toHaveLength(3);
    const everything = JSON.stringify([rows, messages]);
    const digits = (s: string): string => s.replace(/\D/g, '');
    for (const secret of [
      personal.name,
      'Máret',
      'Ŋuolja',
      personal.nationalId,
      personal.bankAccount,
      digits(personal.bankAccount),
      freeText.topic,
      freeText.correction,
      freeText.voiding,
    ])
      expect(everything).not.toContain(secret);
  });

  it('keys each participant apart and reports the relay in /metrics', async () => {
    const projectId = await api.project();
    const [first, second] = [
      await api.participant(),
      await api.participant({ nationalId: nationalId('010190') }),
    ];
    await api.appoint(projectId, first);
    await api.appoint(projectId, second);
    const a = await api.involvement(projectId, first);
    const b = await api.involvement(projectId, second);
    expect((await messagesFor(first, 1)).map((m) => m.payload.involvementId)).toEqual([a]);
    expect((await messagesFor(second, 1)).map((m) => m.payload.involvementId)).toEqual([b]);

    const metrics = await api.t.http.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/^integration_outbox_relay_active 1$/m);
    expect(metrics.text).toContain('# TYPE integration_outbox_pending_messages gauge');
  });
});
