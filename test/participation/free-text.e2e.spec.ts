import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { Notary } from '@app/audit';
import type { FixedClock } from '@app/shared-kernel';
import {
  expectFieldErrors,
  expectRule,
  involvementBody,
  nationalId,
  ParticipationApi,
  SUB,
  type Scenario,
} from './support/builders';

/**
 * Issue 12, item 6: free text in the immutable log. What concerns a person is
 * sealed with their key (so forgetting erases it), no free text may hold a
 * national identity number, and request ids must be tokens.
 */
describe('free text in the event log', () => {
  let api: ParticipationApi;
  let s: Scenario;

  /** Distinctive texts, so a scan of the raw rows finds any plaintext copy. */
  const TEXT = {
    topic: 'Tema-Ærø-hjertesvikt-og-Kari',
    input: 'Innspill-Ŋuolja-vil-ha-kveldsmøter',
    feedback: 'Tilbakemelding-Čoavddáš-tatt-med',
    rationale: 'Begrunnelse-Østbø-for-dyrt-i-år',
    correctedTopic: 'Rettet-tema-Åsmund-og-diabetes',
    correctionReason: 'Årsak-retting-feil-tema-for-Kari',
    voidReason: 'Årsak-annullering-feil-person-Ola',
    exceptionReason: 'Unntak-ansatt-men-også-pasient-Kari',
    endReason: 'Avslutning-flyttet-til-Tromsø-Kari',
  };
  /** Raw rows of `events` (data and metadata) holding any of the texts. */
  const plaintextRows = async (): Promise<string[]> => {
    const { rows } = await api.t.db.pool.query<{ row: string }>(
      `SELECT stream_id || ' ' || data::text || ' ' || metadata::text AS row FROM events`,
    );
    return rows.map((r) => r.row).filter((row) => Object.values(TEXT).some((text) => row.includes(text)));
  };
  /** Every table of the database (read models, outbox, audit index…), row by row as text. */
  const tablesHoldingTheTexts = async (): Promise<string[]> => {
    const { rows: tables } = await api.t.db.pool.query<{ name: string }>(
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const found: string[] = [];
    for (const { name } of tables) {
      const { rows } = await api.t.db.pool.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
      if (rows.some((r) => Object.values(TEXT).some((text) => r.row.includes(text)))) found.push(name);
    }
    return found;
  };
  const involvement = async (id: string) => {
    const res = await api.get(`/v1/involvements/${id}`, 'lead');
    expect(res.status).toBe(200);
    return res.body;
  };
  const auditStream = async (streamId: string) => {
    await api.t.settled(); // the audit history is a read model
    const res = await api.get(`/v1/audit/streams/${streamId}`, 'auditor');
    expect(res.status).toBe(200);
    return res.body.items as Array<{ type: string; data: Record<string, unknown>; personalData?: object }>;
  };

  let voidedId: string;
  let appointmentId: string;
  const exceptionReasonOf = async () => {
    const project = await api.get(`/v1/projects/${s.projectId}`, 'lead');
    expect(project.status).toBe(200);
    return project.body.appointments.find((a: { id: string }) => a.id === appointmentId).exceptionReason;
  };

  beforeAll(async () => {
    api = await ParticipationApi.start();
    s = await api.scenario();
    const logged = await api.involvement(s.projectId, s.participantId, { topic: TEXT.topic });
    const evidence = [
      { kind: 'input', at: '2025-03-10T10:00:00Z', summary: TEXT.input },
      { kind: 'feedback', at: '2025-03-20T10:00:00Z', summary: TEXT.feedback },
      {
        kind: 'influence',
        at: '2025-04-01T10:00:00Z',
        decisionRef: 'styresak 12/25',
        outcome: 'not-adopted',
        rationale: TEXT.rationale,
      },
    ];
    for (const body of evidence)
      expect((await api.post(`/v1/involvements/${logged}/evidence`, 'lead', body)).status).toBe(201);
    const corrected = await api.post(`/v1/involvements/${logged}/corrections`, 'lead', {
      changes: { topic: TEXT.correctedTopic },
      reason: TEXT.correctionReason,
    });
    expect(corrected.status).toBe(200);
    voidedId = await api.involvement(s.projectId, s.participantId, { occurredOn: '2025-03-11' });
    expect(
      (await api.post(`/v1/involvements/${voidedId}/void`, 'lead', { reason: TEXT.voidReason })).status,
    ).toBe(200);
    s.involvementId = logged;
    appointmentId = await api.appoint(s.projectId, s.participantId, {
      role: 'deputy',
      from: '2025-05-01',
      exceptionReason: TEXT.exceptionReason,
    });
    const ended = await api.post(`/v1/appointments/${appointmentId}/end`, 'lead', {
      endedOn: '2025-05-31',
      reason: TEXT.endReason,
    });
    expect(ended.status).toBe(200);
    await api.t.settled();
  });
  afterAll(() => api.close());

  it('stores no topic, summary, rationale or reason in plaintext, yet every reader sees them', async () => {
    expect(await plaintextRows()).toEqual([]);
    expect(await tablesHoldingTheTexts()).toEqual([]);

    const read = await involvement(s.involvementId);
    expect(read.topic).toBe(TEXT.correctedTopic);
    expect(read.evidence).toEqual([
      expect.objectContaining({ kind: 'input', summary: TEXT.input }),
      expect.objectContaining({ kind: 'feedback', summary: TEXT.feedback }),
      expect.objectContaining({
        kind: 'influence',
        rationale: TEXT.rationale,
        decisionRef: 'styresak 12/25',
      }),
    ]);

    const items = await auditStream(`involvement-${s.involvementId}`);
    const revealed = Object.fromEntries(items.map((e) => [e.type, e.personalData]));
    expect(revealed.InvolvementLogged).toEqual({ topic: { text: TEXT.topic } });
    expect(revealed.InvolvementCorrected).toEqual({
      reason: { text: TEXT.correctionReason },
      'changes.topic': { text: TEXT.correctedTopic },
      'previous.topic': { text: TEXT.topic },
    });
    const voided = await auditStream(`involvement-${voidedId}`);
    expect(voided.find((e) => e.type === 'InvolvementVoided')?.personalData).toEqual({
      reason: { text: TEXT.voidReason },
    });
    expect(await exceptionReasonOf()).toBe(TEXT.exceptionReason);
    const appointment = await auditStream(`appointment-${appointmentId}`);
    expect(appointment.map((e) => e.personalData)).toEqual([
      { exceptionReason: { text: TEXT.exceptionReason } },
      { reason: { text: TEXT.endReason } },
    ]);
    const log = await api.get(`/v1/audit/access-log?subject=${s.participantId}`, 'auditor');
    expect(log.status).toBe(200);
    expect(JSON.stringify(log.body)).toContain('audit-stream');
  });

  it('seals every new piece of evidence, a second one with the same text too', async () => {
    const before = await api.eventCount(`involvement-${s.involvementId}`);
    const again = await api.post(`/v1/involvements/${s.involvementId}/evidence`, 'lead', {
      kind: 'input',
      at: '2025-03-10T10:00:00Z',
      summary: TEXT.input,
    });
    expect(again.status).toBe(201);
    expect(await api.eventCount(`involvement-${s.involvementId}`)).toBe(before + 1);
    expect(await plaintextRows()).toEqual([]);
  });

  it('keeps reading events written in plaintext before sealing, and corrects them sealed', async () => {
    const id = randomUUID();
    const store = api.t.app.get<EventStore>(EVENT_STORE);
    await store.append(
      `involvement-${id}`,
      [
        {
          eventId: randomUUID(),
          type: 'InvolvementLogged',
          data: {
            involvementId: id,
            projectId: s.projectId,
            participantId: s.participantId,
            ...involvementBody(),
            occurredOn: '2025-03-12',
            expenses: [{ kind: 'mileage', km: 84 }],
            lostIncome: null,
            honorariumDecision: null,
            topic: 'Gammelt tema i klartekst',
            appointment: { appointmentId: s.appointmentId, role: 'member' },
            countsAsParticipation: true,
            payable: true,
          },
        },
      ],
      'no-stream',
      { actor: SUB.lead, correlationId: randomUUID() },
    );
    await api.t.settled();
    expect((await involvement(id)).topic).toBe('Gammelt tema i klartekst');
    const corrected = await api.post(`/v1/involvements/${id}/corrections`, 'lead', {
      changes: { topic: 'Nytt tema, forseglet' },
      reason: 'Oppdatert',
    });
    expect(corrected.status).toBe(200);
    const read = await involvement(id);
    expect(read.topic).toBe('Nytt tema, forseglet');
    const [, correction] = await auditStream(`involvement-${id}`);
    expect(correction.data).toMatchObject({
      changes: { topic: expect.stringMatching(/^pii:v1:/) },
      previous: { topic: expect.stringMatching(/^pii:v1:/) },
    });
  });

  it('refuses a national identity number in free text with 422 naming the field and the rule', async () => {
    const id = nationalId('150765');
    const grouped = `${id.slice(0, 6)} ${id.slice(6)}`;
    const failingChecksum = id.slice(0, 10) + ((Number(id[10]) + 1) % 10);

    const topic = await api.post(`/v1/projects/${s.projectId}/involvements`, 'lead', {
      participantId: s.participantId,
      ...involvementBody(),
      topic: `Samtale om ${grouped}`,
    });
    expectRule(topic, 'free-text-contains-national-id');
    expect(topic.body.detail).toContain('topic');
    expect(topic.body.detail).not.toContain(id.slice(6));
    expectRule(
      await api.post(`/v1/projects/${s.projectId}/involvements`, 'lead', {
        participantId: s.participantId,
        ...involvementBody(),
        topic: id,
      }),
      'free-text-contains-national-id',
    );
    expectRule(
      await api.post(`/v1/involvements/${s.involvementId}/evidence`, 'lead', {
        kind: 'feedback',
        at: '2025-04-02T10:00:00Z',
        summary: `Svar til ${id}`,
      }),
      'free-text-contains-national-id',
    );
    expectRule(
      await api.post(`/v1/involvements/${s.involvementId}/corrections`, 'lead', {
        changes: { topic: 'Annet' },
        reason: `Feil person, riktig er ${id}`,
      }),
      'free-text-contains-national-id',
    );
    expectRule(
      await api.post('/v1/projects', 'lead', {
        name: `Prosjekt ${id}`,
        organizationId: 'helse-nord',
        region: 'helse-midt-norge',
        level: 'service',
      }),
      'free-text-contains-national-id',
    );

    const accepted = await api.post(`/v1/projects/${s.projectId}/involvements`, 'lead', {
      participantId: s.participantId,
      ...involvementBody(),
      occurredOn: '2025-03-13',
      topic: `Sak ${failingChecksum}`,
    });
    expect(accepted.status).toBe(201);
  });

  it('refuses a national identity number as an organisation id or a lead’s sub: both are stored plain', async () => {
    const id = nationalId('150765');
    const before = await api.eventCount();
    const organization = await api.post('/v1/projects', 'lead', {
      name: 'Prosjekt',
      organizationId: `org ${id}`,
      region: 'helse-midt-norge',
      level: 'service',
    });
    expectRule(organization, 'free-text-contains-national-id');
    expect(organization.body.detail).toContain('organizationId');
    const lead = await api.post(`/v1/projects/${s.projectId}/leads`, 'lead', { sub: id, name: 'Per' });
    expectRule(lead, 'free-text-contains-national-id');
    expect(lead.body.detail).toContain('sub');
    expect(await api.eventCount()).toBe(before);
  });

  it('refuses an X-Correlation-Id or Idempotency-Key that is not a short token with 400 naming the header', async () => {
    const body = {
      name: 'Tokenprosjekt',
      organizationId: 'helse-nord',
      region: 'helse-midt-norge',
      level: 'service',
    };
    for (const [header, value] of [
      ['X-Correlation-Id', 'Kari Nordmann ringte om reiseregningen'],
      ['X-Correlation-Id', 'c'.repeat(65)],
      ['Idempotency-Key', 'retry of "log" for Kari'],
      ['Idempotency-Key', 'k'.repeat(65)],
    ]) {
      const res = await api.post('/v1/projects', 'lead', body, { [header]: value });
      expectFieldErrors(res, header);
      expect(res.body.errors[0].message).toMatch(/at most 64|only letters/);
    }
    const before = await api.eventCount();
    const correlationId = randomUUID();
    const key = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    const ok = await api.post('/v1/projects', 'lead', body, {
      'X-Correlation-Id': correlationId,
      'Idempotency-Key': key,
    });
    expect(ok.status).toBe(201);
    expect(await api.eventCount()).toBeGreaterThan(before);
    const { rows } = await api.t.db.pool.query(
      `SELECT metadata FROM events WHERE stream_id = $1 ORDER BY version LIMIT 1`,
      [`project-${ok.body.id}`],
    );
    expect(rows[0].metadata).toMatchObject({ correlationId, causationId: key });
  });

  it('refuses an X-Correlation-Id or Idempotency-Key that holds a national identity number (token characters alone)', async () => {
    const id = nationalId('150765');
    const body = {
      name: 'Tokenprosjekt',
      organizationId: 'helse-nord',
      region: 'helse-midt-norge',
      level: 'service',
    };
    const before = await api.eventCount();
    for (const [header, value] of [
      ['X-Correlation-Id', id],
      ['X-Correlation-Id', `nin-${id}`],
      ['Idempotency-Key', id],
      ['Idempotency-Key', `retry.${id}`],
    ]) {
      const res = await api.post('/v1/projects', 'lead', body, { [header]: value });
      expectFieldErrors(res, header);
      expect(res.body.errors[0].message).toMatch(/national identity number/);
      expect(res.body.detail).not.toContain(id);
    }
    expect(await api.eventCount()).toBe(before);
  });

  describe('after the participant is forgotten', () => {
    beforeAll(async () => {
      expect((await api.post(`/v1/participants/${s.participantId}/forget`, 'admin')).status).toBe(200);
      await api.t.settled();
    });

    it('reads the sealed text as erased, not as an error, everywhere', async () => {
      const read = await involvement(s.involvementId);
      expect(read.topic).toEqual({ erased: true });
      expect(read.evidence.map((e: Record<string, unknown>) => e.summary ?? e.rationale)).toEqual([
        { erased: true },
        { erased: true },
        { erased: true },
        { erased: true },
      ]);
      const list = await api.get(`/v1/projects/${s.projectId}/involvements`, 'lead');
      expect(list.status).toBe(200);
      expect(await exceptionReasonOf()).toEqual({ erased: true });

      const items = await auditStream(`involvement-${s.involvementId}`);
      const revealed = Object.fromEntries(items.map((e) => [e.type, e.personalData]));
      expect(revealed.InvolvementLogged).toEqual({ topic: { forgotten: true } });
      expect(revealed.InvolvementCorrected).toEqual({
        reason: { forgotten: true },
        'changes.topic': { forgotten: true },
        'previous.topic': { forgotten: true },
      });
    });

    it('writes nothing new about them: a correction is refused with 422', async () => {
      expectRule(
        await api.post(`/v1/involvements/${s.involvementId}/corrections`, 'lead', {
          changes: { topic: 'Etter glemsel' },
          reason: 'Prøver',
        }),
        'participant-forgotten',
      );
    });

    it('still verifies the whole log: no stored event was rewritten', async () => {
      const clock = api.t.clock as FixedClock;
      clock.advance(61_000);
      await api.t.app.get(Notary).checkpointIfDue();
      const res = await api.post('/v1/audit/verify', 'auditor');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ verified: true, failures: [] });
    });
  });
});
