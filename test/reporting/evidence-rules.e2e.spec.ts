import { ParticipationApi } from '../participation/support/builders';
import {
  attendance,
  evidence,
  evidenceAsItHappened,
  feedback,
  influence,
  input,
  invitation,
} from './support/evidence';

const MEETING = '2025-03-10';

/**
 * The stricter evidence rules through GET /v1/audit/projects/{id}/participation
 * (docs/adr/0021). The test clock stands at 2025-06-02, so the feedback window
 * of a meeting on 10 March closed on 9 April.
 */
describe('participation reality: evidence rules', () => {
  let api: ParticipationApi;

  beforeAll(async () => {
    api = await ParticipationApi.start();
  }, 60_000);
  afterAll(() => api.close());

  const reality = async (projectId: string) => {
    await api.t.settled();
    const res = await api.get(`/v1/audit/projects/${projectId}/participation`, 'auditor');
    expect(res.status).toBe(200);
    return res.body;
  };

  /** Invited two weeks ahead, attended, heard, told back ten days later (recorded then), input adopted. */
  async function documented(projectId: string, participantId: string, overrides: object = {}) {
    const id = await api.involvement(projectId, participantId, { occurredOn: MEETING, ...overrides });
    await evidence(api, id, invitation('2025-02-24T08:00:00Z'));
    await evidence(api, id, attendance(`${MEETING}T12:00:00Z`));
    await evidence(api, id, input(`${MEETING}T12:00:00Z`));
    await evidenceAsItHappened(api, id, feedback('2025-03-20T10:00:00Z'));
    await evidenceAsItHappened(api, id, influence('2025-03-25T10:00:00Z'));
    return id;
  }

  describe('too-few-representatives (E6)', () => {
    it('a user gathering of 20 users with full evidence is real: gatherings have no appointed members', async () => {
      const projectId = await api.project({ name: 'Brukersamling om ventetid' });
      for (let n = 0; n < 20; n += 1)
        await documented(projectId, await api.participant(), {
          form: 'user-gathering',
          honorariumDecision: 'paid',
        });
      const body = await reality(projectId);
      expect(body).toMatchObject({ classification: 'real', reasons: [], appointedRepresentatives: null });
      expect(body.involvements).toHaveLength(20);
    }, 120_000);

    it('counts the members and leaders appointed on the meeting day, not deputies, ended or later appointments', async () => {
      const projectId = await api.project({ name: 'Brukerråd med varamedlem' });
      const member = await api.participant();
      await api.appoint(projectId, member);
      await api.appoint(projectId, await api.participant(), { role: 'deputy' });
      const ended = await api.appoint(projectId, await api.participant());
      await api.post(`/v1/appointments/${ended}/end`, 'lead', { endedOn: '2025-02-28' }).expect(200);
      await api.appoint(projectId, await api.participant(), { from: '2025-04-01' });
      await api.appoint(projectId, await api.participant(), { from: '2025-01-01', to: '2025-02-28' });
      const meeting = await documented(projectId, member);

      const body = await reality(projectId);
      expect(body).toMatchObject({
        classification: 'symbolic-risk',
        reasons: ['too-few-representatives'],
        appointedRepresentatives: 1,
      });
      expect(body.explanations).toEqual([
        {
          reason: 'too-few-representatives',
          message: '1 of 1 meetings with fewer than 2 appointed members and leaders: 2025-03-10 (1)',
          involvementIds: [meeting],
        },
      ]);
    });
  });

  describe('missing and late evidence (E7)', () => {
    it('a project with no invitation or attendance records is not-documented, never real', async () => {
      const projectId = await api.project({ name: 'Uten innkalling' });
      const ids: string[] = [];
      for (const role of ['member', 'leader']) {
        const participantId = await api.participant();
        await api.appoint(projectId, participantId, { role });
        const id = await api.involvement(projectId, participantId, { occurredOn: MEETING });
        await evidence(api, id, input(`${MEETING}T12:00:00Z`));
        await evidenceAsItHappened(api, id, feedback('2025-03-20T10:00:00Z'));
        await evidenceAsItHappened(api, id, influence('2025-03-25T10:00:00Z'));
        ids.push(id);
      }
      const body = await reality(projectId);
      expect(body).toMatchObject({ classification: 'symbolic-risk', reasons: ['not-documented'] });
      expect(body.explanations[0]).toEqual({
        reason: 'not-documented',
        message: '2 of 2 involvements lack records: 2 without an invitation, 2 without attendance',
        involvementIds: expect.arrayContaining(ids),
      });
      expect(body.involvements[0]).toMatchObject({
        indicators: { invitedInGoodTime: null, attended: null },
        notDocumented: ['invitedInGoodTime', 'attended'],
      });
    });

    it('feedback back-dated after an audit request, or dated before the meeting, is not timely feedback', async () => {
      const projectId = await api.project({ name: 'Tilbakedatert' });
      const [backDated, early] = [await api.participant(), await api.participant()];
      await api.appoint(projectId, backDated);
      await api.appoint(projectId, early, { role: 'leader' });
      const ids: string[] = [];
      for (const [participantId, feedbackAt] of [
        [backDated, '2025-03-20T10:00:00Z'],
        [early, '2025-03-05T10:00:00Z'],
      ]) {
        const id = await api.involvement(projectId, participantId, { occurredOn: MEETING });
        await evidence(api, id, invitation('2025-02-24T08:00:00Z'));
        await evidence(api, id, attendance(`${MEETING}T12:00:00Z`));
        await evidence(api, id, input(`${MEETING}T12:00:00Z`));
        await evidenceAsItHappened(api, id, influence('2025-03-25T10:00:00Z'));
        // Recorded today (2 June), claimed as given on feedbackAt.
        await evidence(api, id, feedback(feedbackAt));
        ids.push(id);
      }
      const body = await reality(projectId);
      expect(body).toMatchObject({ classification: 'symbolic-risk', reasons: ['no-feedback'] });
      expect(body.explanations[0]).toMatchObject({
        reason: 'no-feedback',
        involvementIds: expect.arrayContaining(ids),
      });
      expect(body.explanations[0].message).toContain('(feedback-late)');
      expect(body.explanations[0].message).toContain('(feedback-before-meeting)');
      const byId = new Map(
        body.involvements.map((i: { involvementId: string }) => [i.involvementId, i] as const),
      );
      expect(byId.get(ids[0])).toMatchObject({
        indicators: { toldBack: false },
        findings: ['feedback-late'],
      });
      expect(byId.get(ids[1])).toMatchObject({
        indicators: { toldBack: false },
        findings: ['feedback-before-meeting'],
      });
    });
  });
});
