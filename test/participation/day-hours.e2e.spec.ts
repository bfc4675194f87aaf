import type { Response } from 'supertest';
import { expectRule, ParticipationApi } from './support/builders';

/**
 * A person's day holds at most 24 hours (docs/adr/0011): meeting, preparation
 * and travel of all their active involvements on one day, in every project,
 * on log and on correction, and under parallel writes.
 */
describe('at most 24 hours in a person’s day', () => {
  let api: ParticipationApi;
  let projectA: string;
  let projectB: string;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    projectA = await api.project();
    projectB = await api.project();
  });
  afterAll(() => api.close());

  async function person(): Promise<string> {
    const id = await api.participant();
    await api.appoint(projectA, id);
    await api.appoint(projectB, id);
    return id;
  }

  const log = (participantId: string, occurredOn: string, hours: object, projectId = projectA) =>
    api.post(`/v1/projects/${projectId}/involvements`, 'lead', {
      participantId,
      form: 'dialogue',
      occurredOn,
      attendance: 'remote',
      hours,
    });

  function created(res: Response): string {
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.id as string;
  }

  function refusedFor(res: Response, day: string): void {
    expectRule(res, 'day-hours-exceeded');
    expect(res.body.detail).toContain(day);
    expect(res.body.detail).toMatch(/cannot exceed 24/);
  }

  it('accepts a day of exactly 24 hours of every kind across projects, and refuses half an hour more', async () => {
    const p = await person();
    created(await log(p, '2025-04-01', { meeting: 10, preparation: 2 }));
    created(await log(p, '2025-04-01', { meeting: 8, travel: 4 }, projectB));
    refusedFor(await log(p, '2025-04-01', { meeting: 0.5 }), '2025-04-01');
    refusedFor(await log(p, '2025-04-01', { meeting: 0.5 }, projectB), '2025-04-01');
    created(await log(p, '2025-04-02', { meeting: 0.5 }));
  });

  it('refuses a correction that would overfill the day, by new hours or by a new day', async () => {
    const p = await person();
    const first = created(await log(p, '2025-04-03', { meeting: 12 }));
    created(await log(p, '2025-04-03', { meeting: 12 }));
    const elsewhere = created(await log(p, '2025-04-04', { meeting: 1 }));
    const correct = (id: string, changes: object) =>
      api.post(`/v1/involvements/${id}/corrections`, 'lead', { changes, reason: 'Feil timetall' });
    refusedFor(await correct(first, { hours: { meeting: 12.5 } }), '2025-04-03');
    refusedFor(await correct(elsewhere, { occurredOn: '2025-04-03' }), '2025-04-03');
    expect((await correct(first, { hours: { meeting: 11 } })).status).toBe(200);
    expect((await correct(elsewhere, { occurredOn: '2025-04-03' })).status).toBe(200);
    expect((await correct(first, { topic: 'Bare temaet' })).status).toBe(200);
  });

  it('does not count a voided involvement', async () => {
    const p = await person();
    const wrong = created(await log(p, '2025-04-05', { meeting: 20 }));
    refusedFor(await log(p, '2025-04-05', { meeting: 20 }), '2025-04-05');
    const voided = await api.post(`/v1/involvements/${wrong}/void`, 'lead', { reason: 'Ført dobbelt' });
    expect(voided.status).toBe(200);
    created(await log(p, '2025-04-05', { meeting: 20 }));
  });

  it('accepts one of thirty parallel 24-hour meetings on one day', async () => {
    const p = await person();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => log(p, '2025-04-06', { meeting: 24 })),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of answers.filter((a) => a.status !== 201)) refusedFor(r, '2025-04-06');
  });

  it('fills a day exactly from ten parallel logs of three hours: eight pass, two are refused', async () => {
    const p = await person();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => log(p, '2025-04-07', { meeting: 3 }, i % 2 ? projectA : projectB)),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 422, 422]);
  });
});
